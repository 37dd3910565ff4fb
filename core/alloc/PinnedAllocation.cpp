// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/alloc/PinnedAllocation.h"

#include "core/alloc/AllocationSearch.h"
#include "core/alloc/ComputeOptimal.h"
#include "core/util/NumberText.h"

#include <cmath>
#include <optional>
#include <string>

namespace core {

namespace {

bool positiveFinite(double v)
{
    return std::isfinite(v) && v > 0.0;
}

/// The law's irreducible loss: its parameter "E" (chinchilla, datacon), or nullopt for laws
/// without one (kaplan tends to 0; its optimum reaches any positive loss).
std::optional<double> irreducibleLoss(const Law& law, std::span<const double> params)
{
    if (const auto e = law.parameterIndex("E"))
        return params[*e];
    return std::nullopt;
}

} // namespace

tl::expected<PinnedAllocation, Error> pinnedAllocation(const Law& law, std::span<const double> params, double C,
                                                       char pinned, double value, const AllocationOptions& options)
{
    if (pinned != 'N' && pinned != 'D')
        return tl::unexpected(Error::forParameter(
            "pin", std::string("must be 'N' (model size) or 'D' (token count), got '") + pinned + "'"));
    const bool pinN = pinned == 'N';
    const std::string option = pinN ? "--pin-n" : "--pin-d";
    const std::string what = pinN ? "model size N" : "token count D";
    const std::string other = pinN ? "D" : "N";

    if (auto ok = checkAllocationInputs(law, params, options, true); !ok)
        return tl::unexpected(ok.error());
    if (!(std::isfinite(C) && C > 6.0))
        return tl::unexpected(
            Error::forParameter("--budget", "must be a finite number of FLOPs > 6, got " + shortestText(C)));
    if (!positiveFinite(value))
        return tl::unexpected(Error::forParameter(
            option, "the pinned " + what + " must be a finite number > 0, got " + shortestText(value)));
    const double implied = C / (6.0 * value);
    if (!positiveFinite(implied))
        return tl::unexpected(Error::forParameter(
            option, "C / (6 x " + shortestText(value) + ") gives " + other + " = " + shortestText(implied) +
                        " at budget " + shortestText(C) + "; it must be finite and > 0"));

    PinnedAllocation out;
    out.pinned = pinned;
    out.C = C;
    out.N = pinN ? value : implied;
    out.D = pinN ? implied : value;
    out.tokensPerParam = out.D / out.N;

    const auto optimum = computeOptimal(law, params, C, options);
    if (!optimum)
        return tl::unexpected(optimum.error());
    out.optimalLoss = optimum->loss;

    out.loss = lossAt(law, params, out.N, out.D, options.uniqueTokens);
    const std::string at = "N = " + shortestText(out.N) + ", D = " + shortestText(out.D);
    if (!std::isfinite(out.loss))
        return tl::unexpected(
            Error::forParameter(option, "the law's loss at " + at + " is " + shortestText(out.loss) + ", not finite"));
    out.lossPenalty = out.loss - out.optimalLoss;
    if (const auto E = irreducibleLoss(law, params); E && out.loss <= *E)
        return tl::unexpected(Error::forParameter(
            option, "the predicted loss at " + at + " is " + shortestText(out.loss) +
                        ", at or below the law's irreducible loss E = " + shortestText(*E) +
                        "; no compute-optimal allocation reaches it, so there is no cost to compare"));

    const auto same = computeOptimalForLoss(law, params, out.loss, options);
    if (!same)
        return tl::unexpected(Error::forParameter(
            option, "no compute-optimal budget for the pinned " + what + "'s loss: " + same.error().message));
    out.cForSameLoss = same->C;
    out.nForSameLoss = same->N;
    out.dForSameLoss = same->D;
    out.extraFlops = C - same->C;
    out.extraFraction = C / same->C - 1.0;
    return out;
}

} // namespace core

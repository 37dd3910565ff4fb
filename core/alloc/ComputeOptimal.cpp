// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/alloc/ComputeOptimal.h"

#include "core/alloc/AllocationSearch.h"
#include "core/alloc/LogSearch.h"
#include "core/fit/DerivedQuantities.h"
#include "core/util/NumberText.h"

#include <cmath>
#include <limits>
#include <string>

namespace core {

namespace {

/// Hoffmann et al. eq. 4 from the derived a, b, G (the order derivedQuantities() gives them in).
tl::expected<Allocation, Error> closedForm(const Law& law, std::span<const double> params, double C,
                                           const AllocationOptions& options)
{
    const auto derived = derivedQuantities(law, params);
    if (derived.size() != 3)
        return tl::unexpected(Error::forParameter("--law", "law '" + std::string(law.id()) + "' has no closed form"));
    const double a = derived[0].second, b = derived[1].second, G = derived[2].second;
    const double N = G * std::pow(C / 6.0, a);
    const double D = std::pow(C / 6.0, b) / G;
    if (!(std::isfinite(N) && N > 0.0 && std::isfinite(D) && D > 0.0))
        return tl::unexpected(Error::forParameter(
            "--params", "the closed form gives no finite allocation (N = " + shortestText(N) + ", D = " +
                            shortestText(D) + "); A, B, alpha and beta must be > 0"));
    return makeAllocation(law, params, N, D, 0.0, options,
                          "closed form N = G (C/6)^a, D = (C/6)^b / G (Hoffmann et al. 2022, eq. 4)");
}

} // namespace

tl::expected<Allocation, Error> computeOptimal(const Law& law, std::span<const double> params, double C,
                                               const AllocationOptions& options)
{
    if (auto ok = checkAllocationInputs(law, params, options, true); !ok)
        return tl::unexpected(ok.error());
    if (!(std::isfinite(C) && C > 6.0))
        return tl::unexpected(Error::forParameter("--budget", "must be a finite number of FLOPs > 6, got " + shortestText(C)));
    if (usesClosedForm(law, options))
        return closedForm(law, params, C, options);
    return minimiseAlongBudget(law, params, C, 0.0, options);
}

tl::expected<Allocation, Error> computeOptimalForLoss(const Law& law, std::span<const double> params,
                                                      double targetLoss, const AllocationOptions& options)
{
    if (auto ok = checkAllocationInputs(law, params, options, true); !ok)
        return tl::unexpected(ok.error());
    if (!std::isfinite(targetLoss))
        return tl::unexpected(Error::forParameter("--target-loss", "must be a finite loss, got " + shortestText(targetLoss)));
    const LineFunction excess = [&](double lnC) {
        const auto at = computeOptimal(law, params, std::exp(lnC), options);
        return at ? at->loss - targetLoss : std::numeric_limits<double>::quiet_NaN();
    };
    const double lo = std::log(100.0), hi = std::log(1e40);
    const auto points = static_cast<std::size_t>(std::round((hi - lo) / (std::log(10.0) / 2.0))) + 1;
    const LineRoot root = firstCrossing(excess, lo, hi, points, 1e-13);
    const std::string target = shortestText(targetLoss);
    if (root.status == LineRoot::Status::AlreadyBelow)
        return tl::unexpected(Error::forParameter(
            "--target-loss", "loss " + target + " is reached already at the smallest budget searched, C = 100 FLOP"));
    if (root.status == LineRoot::Status::NeverBelow)
        return tl::unexpected(Error::forParameter(
            "--target-loss", "loss " + target + " is not reached by any budget up to 1e40 FLOP (is it at or below the "
                             "law's irreducible loss?)"));
    auto out = computeOptimal(law, params, std::exp(root.x), options);
    if (out)
        out->method = "smallest C with optimal loss " + target + " (Brent root in ln C); " + out->method;
    return out;
}

} // namespace core

// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/alloc/InferenceAware.h"

#include "core/alloc/AllocationSearch.h"
#include "core/alloc/ComputeOptimal.h"
#include "core/alloc/LogSearch.h"
#include "core/util/NumberText.h"

#include <cmath>
#include <limits>
#include <string>

namespace core {

namespace {

tl::expected<void, Error> checkInferenceTokens(double inferenceTokens)
{
    if (!(std::isfinite(inferenceTokens) && inferenceTokens >= 0.0))
        return tl::unexpected(Error::forParameter(
            "--inference-tokens", "must be a finite number of tokens >= 0, got " + shortestText(inferenceTokens)));
    return {};
}

} // namespace

tl::expected<Allocation, Error> inferenceAwareForLoss(const Law& law, std::span<const double> params, double targetLoss,
                                                      double inferenceTokens, const AllocationOptions& options)
{
    if (auto ok = checkInferenceTokens(inferenceTokens); !ok)
        return tl::unexpected(ok.error());
    if (options.method == AllocationMethod::ClosedForm) {
        if (inferenceTokens == 0.0)
            return computeOptimalForLoss(law, params, targetLoss, options);
        return tl::unexpected(Error::forParameter(
            "--inference-tokens", "the inference-aware allocation has no closed form; use the numeric method"));
    }
    if (auto ok = checkAllocationInputs(law, params, options, false); !ok)
        return tl::unexpected(ok.error());
    if (!std::isfinite(targetLoss))
        return tl::unexpected(Error::forParameter("--target-loss", "must be a finite loss, got " + shortestText(targetLoss)));
    // ln of the total compute, so that its scale does not depend on the budget; infeasible N
    // (no D reaches the target) give NaN.
    const LineFunction logTotal = [&](double lnN) {
        const double N = std::exp(lnN);
        const double D = tokensForLoss(law, params, N, targetLoss, options);
        return std::log(N) + std::log(6.0 * D + 2.0 * inferenceTokens);
    };
    const double hi = std::log(1e20);
    const LineMinimum m = minimiseOnGrid(logTotal, 0.0, hi, 461);
    const std::string target = shortestText(targetLoss);
    if (!m.found)
        return tl::unexpected(Error::forParameter(
            "--target-loss", "no model of 1 to 1e20 parameters reaches loss " + target + " under law '" +
                                 std::string(law.id()) + "'"));
    if (m.atEdge)
        return tl::unexpected(Error::forParameter(
            "--target-loss", "the cheapest model reaching loss " + target + " is at an end of the searched range "
                             "N in [1, 1e20] (N = " + shortestText(std::exp(m.x)) + ")"));
    const double N = std::exp(m.x);
    const double D = tokensForLoss(law, params, N, targetLoss, options);
    std::string method = "numeric: minimum of 6 N D + 2 N D_inf over ln N with L(N, D) = " + target + " (D ";
    method += usesClosedForm(law, options) ? "in closed form" : "by a root in ln D";
    method += "; grid, Brent, Newton polish)";
    return makeAllocation(law, params, N, D, inferenceTokens, options, std::move(method));
}

tl::expected<Allocation, Error> inferenceAwareForBudget(const Law& law, std::span<const double> params, double totalFlops,
                                                        double inferenceTokens, const AllocationOptions& options)
{
    if (auto ok = checkInferenceTokens(inferenceTokens); !ok)
        return tl::unexpected(ok.error());
    if (options.method == AllocationMethod::ClosedForm) {
        if (inferenceTokens == 0.0)
            return computeOptimal(law, params, totalFlops, options);
        return tl::unexpected(Error::forParameter(
            "--inference-tokens", "the inference-aware allocation has no closed form; use the numeric method"));
    }
    if (auto ok = checkAllocationInputs(law, params, options, false); !ok)
        return tl::unexpected(ok.error());
    if (!std::isfinite(totalFlops))
        return tl::unexpected(Error::forParameter("--budget", "must be a finite number of FLOPs, got " + shortestText(totalFlops)));
    return minimiseAlongBudget(law, params, totalFlops, inferenceTokens, options);
}

} // namespace core

// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/alloc/AllocationSearch.h"

#include "core/alloc/LogSearch.h"
#include "core/util/NumberText.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace core {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool positiveFinite(double v)
{
    return std::isfinite(v) && v > 0.0;
}

/// Grid points for a range in ln N: steps of at most 0.2 (a factor 1.22), 21 to 2001 points.
std::size_t gridPoints(double range)
{
    const double wanted = std::ceil(range / 0.2) + 1.0;
    return static_cast<std::size_t>(std::clamp(wanted, 21.0, 2001.0));
}

} // namespace

tl::expected<void, Error> checkAllocationInputs(const Law& law, std::span<const double> params,
                                                const AllocationOptions& options, bool needsClosedForm)
{
    const std::string id(law.id());
    if (law.usesX())
        return tl::unexpected(Error::forParameter(
            "--law", "law '" + id + "' is in one variable; a compute-optimal allocation needs a law in N and D"));
    const auto specs = law.parameters();
    if (params.size() != specs.size())
        return tl::unexpected(Error::forParameter(
            "--params", "law '" + id + "' has " + std::to_string(specs.size()) + " parameters, got " +
                            std::to_string(params.size())));
    for (std::size_t i = 0; i < specs.size(); ++i)
        if (!std::isfinite(params[i]))
            return tl::unexpected(Error::forParameter(specs[i].name, "is " + shortestText(params[i]) + ", not a finite number"));
    const double U = options.uniqueTokens;
    if (U != 0.0 && !positiveFinite(U))
        return tl::unexpected(Error::forParameter("--unique-tokens", "must be a finite number > 0 (or 0 for no cap), got " + shortestText(U)));
    if (U > 0.0 && id != "datacon")
        return tl::unexpected(Error::forParameter(
            "--unique-tokens", "a unique-token cap needs the data-constrained law 'datacon'; law '" + id +
                                   "' does not model repeated data"));
    if (needsClosedForm && options.method == AllocationMethod::ClosedForm && id != "chinchilla")
        return tl::unexpected(Error::forParameter(
            "--law", "law '" + id + "' has no closed-form compute-optimal allocation (only 'chinchilla' has); use the numeric method"));
    return {};
}

bool usesClosedForm(const Law& law, const AllocationOptions& options)
{
    return law.id() == "chinchilla" && options.method != AllocationMethod::Numeric;
}

double lossAt(const Law& law, std::span<const double> params, double N, double D, double uniqueTokens)
{
    LawPoint at;
    at.N = N;
    at.D = D;
    at.C = 6.0 * N * D;
    at.U = uniqueTokens;
    return law.eval(params, at);
}

Allocation makeAllocation(const Law& law, std::span<const double> params, double N, double D,
                          double inferenceTokens, const AllocationOptions& options, std::string method)
{
    Allocation out;
    out.N = N;
    out.D = D;
    out.C = 6.0 * N * D;
    out.tokensPerParam = D / N;
    out.loss = lossAt(law, params, N, D, options.uniqueTokens);
    out.inferenceTokens = inferenceTokens;
    out.inferenceFlops = 2.0 * N * inferenceTokens;
    out.totalFlops = out.C + out.inferenceFlops;
    out.uniqueTokens = options.uniqueTokens;
    out.law = std::string(law.id());
    out.method = std::move(method);
    if (inferenceTokens > 0.0)
        out.flopFormula = "C = 6ND; C_total = 6ND + 2N D_inf";
    return out;
}

tl::expected<Allocation, Error> minimiseAlongBudget(const Law& law, std::span<const double> params, double C,
                                                    double inferenceTokens, const AllocationOptions& options)
{
    const double perParam = 6.0 + 2.0 * inferenceTokens; // FLOPs of one parameter with one training token
    const double hi = std::log(C / perParam);
    if (!(hi > 0.0))
        return tl::unexpected(Error::forParameter(
            "--budget", "budget " + shortestText(C) + " FLOP is too small: it must exceed 6 + 2 D_inf = " +
                            shortestText(perParam) + " (one parameter, one training token)"));
    const LineFunction loss = [&](double lnN) {
        const double N = std::exp(lnN);
        const double D = (C - 2.0 * N * inferenceTokens) / (6.0 * N);
        return D > 0.0 ? lossAt(law, params, N, D, options.uniqueTokens) : kNaN;
    };
    const LineMinimum m = minimiseOnGrid(loss, 0.0, hi, gridPoints(hi));
    if (!m.found)
        return tl::unexpected(Error::forParameter(
            "--budget", "law '" + std::string(law.id()) + "' gives no finite loss at budget " + shortestText(C) + " FLOP"));
    if (m.atEdge)
        return tl::unexpected(Error::forParameter(
            "--budget", "law '" + std::string(law.id()) + "' has no interior minimum at budget " + shortestText(C) +
                            " FLOP: the lowest loss along the budget line is at N = " + shortestText(std::exp(m.x)) +
                            ", an end of the searched range N in [1, " + shortestText(std::exp(hi)) + "]"));
    const double N = std::exp(m.x);
    const double D = (C - 2.0 * N * inferenceTokens) / (6.0 * N);
    std::string method = inferenceTokens > 0.0 ? "numeric: minimum of L(N, (C - 2 N D_inf)/(6N)) over ln N"
                                               : "numeric: minimum of L(N, C/(6N)) over ln N";
    method += " (grid of steps <= 0.2, Brent, Newton polish)";
    return makeAllocation(law, params, N, D, inferenceTokens, options, std::move(method));
}

double tokensForLoss(const Law& law, std::span<const double> params, double N, double loss,
                     const AllocationOptions& options)
{
    if (usesClosedForm(law, options)) {
        const double rest = loss - params[0] - params[1] * std::pow(N, -params[3]); // loss - E - A N^-alpha
        return rest > 0.0 ? std::pow(params[2] / rest, 1.0 / params[4]) : kNaN;
    }
    const LineFunction excess = [&](double lnD) {
        return lossAt(law, params, N, std::exp(lnD), options.uniqueTokens) - loss;
    };
    const double hi = std::log(1e40);
    const LineRoot r = firstCrossing(excess, 0.0, hi, 93, 1e-14);
    return r.status == LineRoot::Status::Found ? std::exp(r.x) : kNaN;
}

} // namespace core

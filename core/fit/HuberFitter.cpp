// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/fit/HuberFitter.h"

#include "core/fit/LocalFitSetup.h"
#include "core/fit/FitEvaluation.h"
#include "core/fit/Lbfgs.h"
#include "core/fit/ParameterMap.h"
#include "core/fit/ResidualLoss.h"

#include <cmath>
#include <limits>
#include <string>

namespace core {

namespace {
constexpr double kGradientTolerance = 1e-9;
constexpr double kStallFactor = 100.0;
} // namespace

tl::expected<FitResult, Error> fitHuber(const FitData& data, const FitRequest& request, const Progress& progress)
{
    if (request.objective != Objective::HuberLog)
        return tl::make_unexpected(Error::forParameter("--objective", "fitHuber minimises huber-log only"));
    auto setup = LocalFitSetup::prepare(data, request);
    if (!setup)
        return tl::make_unexpected(setup.error());
    const Law& law = *request.law;
    const auto specs = law.parameters();
    const ParameterMap* const map = &setup->map;
    const ResidualLoss loss = setup->loss;
    std::vector<double> q = map->toSolver(setup->start);
    std::vector<double> p(specs.size()), grad(specs.size()), dFdp(specs.size());
    const std::size_t n = data.size();
    bool cancelled = false;
    std::size_t evaluations = 0;

    const SmoothObjective f = [&](std::span<const double> x, std::span<double> g) -> double {
        map->toParams(x, p);
        std::fill(dFdp.begin(), dFdp.end(), 0.0);
        double sum = 0.0;
        for (std::size_t i = 0; i < n; ++i) {
            const LawPoint at = data.point(i);
            const double pred = law.evalWithGradient(p, at, grad);
            const double r = loss.residual(pred, data.y[static_cast<Eigen::Index>(i)]);
            if (!std::isfinite(r))
                return std::numeric_limits<double>::infinity();
            const double c = loss.factor(r, data.weightAt(i));
            sum += c * loss.rho(r);
            const double s = c * loss.rhoPrime(r) / pred;
            for (std::size_t j = 0; j < grad.size(); ++j)
                dFdp[j] += s * grad[j];
        }
        map->chain(x, dFdp, g);
        if (progress && ++evaluations % 16 == 0 && !progress(0.0))
            cancelled = true;
        return sum;
    };
    // The tolerance scales with the objective; estimate it at the start.
    std::vector<double> g0(q.size());
    const double f0 = f(q, g0);
    if (!std::isfinite(f0))
        return tl::make_unexpected(Error::forParameter("--start", "the law cannot be evaluated at the start values"));
    LbfgsOptions options;
    options.maxIterations = std::max<std::size_t>(request.maxIterations, 1);
    options.gradientTolerance = kGradientTolerance * std::max(1.0, f0);
    const LbfgsResult run = minimiseLbfgs(f, q, options);
    if (cancelled)
        return tl::make_unexpected(Error::forParameter("fit", "cancelled"));
    map->toParams(q, p);
    FitResult result = evaluateFit(law, data, *map, loss, p);
    result.iterations = run.iterations;
    const double tolerance = options.gradientTolerance;
    result.converged = run.stop == LbfgsStop::Gradient
                       || (run.stop == LbfgsStop::NoProgress && run.gradientNorm <= kStallFactor * tolerance);
    result.termination = run.stop == LbfgsStop::NoProgress && result.converged
                             ? "converged: no smaller objective within machine precision"
                             : (result.converged ? "converged: gradient below tolerance" : describe(run.stop));
    if (!result.converged)
        result.warnings.push_back("not converged: " + result.termination);
    return result;
}

} // namespace core

// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/fit/HuberChinchillaFit.h"

#include "core/fit/FitQuality.h"
#include "core/fit/HuberChinchillaObjective.h"
#include "core/fit/Lbfgs.h"
#include "core/util/ParallelFor.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <limits>
#include <string>

namespace core {

namespace {

constexpr double kSameObjective = 1e-9;   ///< relative agreement of "the same" optimum
constexpr double kObjectiveFloor = 1e-14; ///< absolute slack for zero-residual data
constexpr std::size_t kOptimaKept = 20;
/// Relative rounding noise of the objective (a sum of terms each within a few ulp; about 1e-15 on
/// Epoch's 240 points): the L-BFGS line search accepts approximate Wolfe steps within it
/// (LbfgsOptions::noiseTolerance), so starts near a minimum reach the gradient tolerance instead of
/// stalling on line searches that cannot resolve a smaller objective.
constexpr double kObjectiveNoise = 1e-14;
/// Step growth while bracketing (LbfgsOptions::extrapolation): the upper bound of MINPACK's dcsrch,
/// the line search of scipy's L-BFGS-B.
constexpr double kExtrapolation = 4.0;

std::vector<double> range(double from, double to, double stepSize)
{
    std::vector<double> v;
    const int count = static_cast<int>(std::lround((to - from) / stepSize));
    for (int i = 0; i <= count; ++i)
        v.push_back(from + stepSize * i);
    return v;
}

/// Checks one column: present with n values, all finite and > 0.
tl::expected<void, Error> checkColumn(const Eigen::VectorXd& v, std::size_t n, const char* name)
{
    if (static_cast<std::size_t>(v.size()) != n)
        return tl::unexpected(Error::forParameter(name, std::string("the fit needs ") + name + " for each of the " +
                                                  std::to_string(n) + " points"));
    for (Eigen::Index i = 0; i < v.size(); ++i) {
        if (!std::isfinite(v[i]))
            return tl::unexpected(Error::forParameter(name, "point " + std::to_string(i + 1) + " has a non-finite " + name));
        if (!(v[i] > 0))
            return tl::unexpected(Error::forParameter(name, "point " + std::to_string(i + 1) + " has " + name + " " +
                                                      std::to_string(v[i]) + " (must be > 0)"));
    }
    return {};
}

/// The end of one start: objective, optimiser parameters and how L-BFGS stopped.
struct StartEnd {
    std::array<double, HuberChinchillaObjective::kParams> x{};
    LbfgsResult run;
};

/// Met the gradient tolerance, or stalled at machine precision within 10x of it (the objective
/// cannot resolve a smaller gradient there).
bool convergedEnd(const LbfgsResult& run, double tolerance)
{
    return run.stop == LbfgsStop::Gradient || (run.stop == LbfgsStop::NoProgress && run.gradientNorm <= 10 * tolerance);
}

/// The preconditioner of the L-BFGS runs: the inverse Gram matrix of the regressors (1, -log N)
/// of (a, alpha) and (1, -log D) of (b, beta), over the points (identity for e). In the variables
/// it implies (a - alpha mean(log N), alpha sd(log N), and the same for b, beta) the two terms'
/// exponents are centred and scaled, so the first steps are not dominated by alpha and beta, whose
/// gradients carry a factor log N ~ 20. Identity when log N or log D does not vary.
std::vector<double> inverseGram(const Eigen::VectorXd& N, const Eigen::VectorXd& D)
{
    constexpr std::size_t k = HuberChinchillaObjective::kParams;
    std::vector<double> M(k * k, 0.0);
    for (std::size_t i = 0; i < k; ++i)
        M[i * k + i] = 1.0;
    const auto block = [&](const Eigen::VectorXd& v, std::size_t intercept, std::size_t slope) {
        const Eigen::ArrayXd l = v.array().log();
        const double mean = l.mean();
        const double var = (l - mean).square().mean();
        if (!(var > 0) || !std::isfinite(var))
            return;
        M[intercept * k + intercept] = 1.0 + mean * mean / var;
        M[intercept * k + slope] = M[slope * k + intercept] = mean / var;
        M[slope * k + slope] = 1.0 / var;
    };
    block(N, 0, 3);
    block(D, 1, 4);
    return M;
}

std::vector<double> natural(const std::array<double, 5>& x)
{
    return {std::exp(x[2]), std::exp(x[0]), std::exp(x[1]), x[3], x[4]};
}

} // namespace

HuberChinchillaOptions HuberChinchillaOptions::hoffmannGrid()
{
    HuberChinchillaOptions o;
    o.alpha = range(0.0, 2.0, 0.5);
    o.beta = range(0.0, 2.0, 0.5);
    o.e = range(-1.0, 1.0, 0.5);
    o.a = range(0.0, 25.0, 5.0);
    o.b = range(0.0, 25.0, 5.0);
    return o;
}

tl::expected<HuberChinchillaFit, Error> fitChinchillaHuber(const FitData& data, const HuberChinchillaOptions& opt,
                                                           const Progress& progress)
{
    const std::size_t n = data.size();
    if (n < HuberChinchillaObjective::kParams)
        return tl::unexpected(Error::forParameter("", "the chinchilla Huber fit needs at least 5 points but has " +
                                                std::to_string(n)));
    for (const auto& [column, name] : {std::pair{&data.N, "N"}, std::pair{&data.D, "D"}, std::pair{&data.y, "loss"}})
        if (auto ok = checkColumn(*column, n, name); !ok)
            return tl::unexpected(ok.error());
    if (!(opt.delta > 0) || !std::isfinite(opt.delta))
        return tl::unexpected(Error::forParameter("delta", "the Huber delta must be finite and > 0"));

    const HuberChinchillaOptions hoffmann = HuberChinchillaOptions::hoffmannGrid();
    const bool useHoffmann = opt.a.empty() && opt.b.empty() && opt.e.empty() && opt.alpha.empty() && opt.beta.empty();
    const HuberChinchillaOptions& g = useHoffmann ? hoffmann : opt;
    const std::size_t starts = g.alpha.size() * g.beta.size() * g.e.size() * g.a.size() * g.b.size();
    if (starts == 0)
        return tl::unexpected(Error::forParameter("grid", "the start grid is empty in at least one parameter"));

    const HuberChinchillaObjective objective({data.N.data(), n}, {data.D.data(), n}, {data.y.data(), n}, opt.delta);
    const HuberChinchillaObjective::Kernel kernel = opt.kernel;
    const SmoothObjective f = [&objective, kernel](std::span<const double> x, std::span<double> grad) {
        return objective.evaluate(x, grad, kernel);
    };
    LbfgsOptions lopt;
    lopt.gradientTolerance = opt.gradientTolerance;
    lopt.maxIterations = opt.maxIterations;
    lopt.preconditioner = inverseGram(data.N, data.D);
    lopt.noiseTolerance = kObjectiveNoise;
    lopt.extrapolation = kExtrapolation;

    std::vector<StartEnd> ends(starts);
    // Start k is the k-th point of the grid; each writes only ends[k], so the reduction below does
    // not depend on the thread count. parallelFor reports progress and honours cancel.
    const auto runStart = [&](std::size_t k, const std::function<bool()>&) {
        std::size_t rest = k;
        StartEnd& end = ends[k];
        end.x[1] = g.b[rest % g.b.size()], rest /= g.b.size();
        end.x[0] = g.a[rest % g.a.size()], rest /= g.a.size();
        end.x[2] = g.e[rest % g.e.size()], rest /= g.e.size();
        end.x[4] = g.beta[rest % g.beta.size()], rest /= g.beta.size();
        end.x[3] = g.alpha[rest];
        end.run = minimiseLbfgs(f, end.x, lopt);
    };
    if (!parallelFor(starts, opt.threads, runStart, progress))
        return tl::unexpected(Error::forParameter("", "cancelled"));

    // Deterministic reduction: lowest objective, ties by start index.
    for (StartEnd& end : ends)
        if (!std::isfinite(end.run.f))
            end.run.f = std::numeric_limits<double>::infinity();
    std::size_t best = 0;
    for (std::size_t k = 1; k < starts; ++k)
        if (ends[k].run.f < ends[best].run.f)
            best = k;
    const StartEnd& win = ends[best];
    const double bestF = win.run.f;
    const double slack = kSameObjective * std::abs(bestF) + kObjectiveFloor;

    HuberChinchillaFit out;
    MultiStartStats& st = out.stats;
    st.starts = starts;
    st.bestStart = best;
    std::vector<std::size_t> order;
    for (std::size_t k = 0; k < starts; ++k) {
        st.evaluations += ends[k].run.evaluations;
        st.iterationLimit += ends[k].run.stop == LbfgsStop::MaxIterations ? 1 : 0;
        if (ends[k].run.f <= bestF + slack)
            ++st.reachedBest;
        if (convergedEnd(ends[k].run, opt.gradientTolerance)) {
            ++st.converged;
            order.push_back(k);
        }
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t i, std::size_t j) { return ends[i].run.f < ends[j].run.f; });
    double groupF = 0;
    for (std::size_t k : order) {
        const double fk = ends[k].run.f;
        if (st.distinctOptima > 0 && fk - groupF <= kSameObjective * std::abs(groupF) + kObjectiveFloor) {
            if (st.distinctOptima <= kOptimaKept) {
                MultiStartOptimum& o = st.optima.back();
                ++o.starts;
                o.firstStart = std::min(o.firstStart, k);
                if (o.firstStart == k)
                    o.params = natural(ends[k].x);
            }
            continue;
        }
        groupF = fk;
        if (++st.distinctOptima <= kOptimaKept)
            st.optima.push_back({fk, natural(ends[k].x), 1, k});
    }

    FitResult& r = out.result;
    r.names = {"E", "A", "B", "alpha", "beta"};
    r.params = natural(win.x);
    r.objective = bestF;
    r.gradientNorm = win.run.gradientNorm;
    r.iterations = win.run.iterations;
    r.converged = convergedEnd(win.run, opt.gradientTolerance);
    r.termination = std::string(describe(win.run.stop)) + " (start " + std::to_string(best + 1) + " of " +
                    std::to_string(starts) + ", " + std::to_string(win.run.evaluations) + " evaluations)";
    r.residuals = objective.residuals(win.x);
    setLogFitQuality(r, r.residuals, data.y);
    r.aic = r.bic = std::numeric_limits<double>::quiet_NaN(); // Gaussian-likelihood criteria: not for Huber
    if (!r.converged)
        r.warnings.push_back("the best start did not converge: " + std::string(describe(win.run.stop)));
    else if (win.run.stop == LbfgsStop::NoProgress)
        r.termination += "; converged: gradient within 10x of tolerance";
    if (st.reachedBest == 1 && starts > 1)
        r.warnings.push_back("only one of " + std::to_string(starts) + " starts reached the best objective");
    return out;
}

} // namespace core

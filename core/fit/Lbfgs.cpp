// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/fit/Lbfgs.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace core {

namespace {

constexpr double kC1 = 1e-4;
constexpr double kC2 = 0.9;
constexpr int kMaxLineEvaluations = 40;

double dot(std::span<const double> a, std::span<const double> b)
{
    double s = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        s += a[i] * b[i];
    return s;
}

double infNorm(std::span<const double> a)
{
    double m = 0;
    for (double v : a)
        m = std::max(m, std::abs(v));
    return m;
}

/// One trial point of the line search: step length, value and directional derivative.
struct Trial {
    double step = 0;
    double f = 0;
    double slope = 0;
};

/// Minimiser of the cubic through two trials, kept inside the middle 80 % of [lo, hi]; bisection
/// when the cubic is unusable (non-finite values or no real minimiser).
double interpolate(const Trial& lo, const Trial& hi)
{
    const double a = lo.step, b = hi.step;
    const double mid = 0.5 * (a + b);
    if (!std::isfinite(hi.f) || !std::isfinite(hi.slope))
        return a + 0.25 * (b - a); // hi is a blown-up point: shrink towards lo fast
    const double d1 = lo.slope + hi.slope - 3.0 * (lo.f - hi.f) / (a - b);
    const double disc = d1 * d1 - lo.slope * hi.slope;
    if (!(disc >= 0))
        return mid;
    const double d2 = std::copysign(std::sqrt(disc), b - a);
    const double t = b - (b - a) * (hi.slope + d2 - d1) / (hi.slope - lo.slope + 2.0 * d2);
    const double lowEdge = std::min(a, b) + 0.1 * std::abs(b - a);
    const double highEdge = std::max(a, b) - 0.1 * std::abs(b - a);
    if (!std::isfinite(t))
        return mid;
    return std::clamp(t, lowEdge, highEdge);
}

/// Strong-Wolfe line search along d from x0 (f0, slope0 < 0). On success xt/gt hold the accepted
/// point and the function returns true. On failure, xt/gt hold the best point found if it is lower
/// than f0 (returns true, `weak` set) or the function returns false.
struct LineSearch {
    const SmoothObjective& f;
    std::span<const double> x0;
    std::span<const double> d;
    std::vector<double>& xt;
    std::vector<double>& gt;
    std::size_t& evaluations;
    double last = 0; ///< f at xt (the most recent evaluation)

    Trial eval(double step)
    {
        for (std::size_t i = 0; i < x0.size(); ++i)
            xt[i] = x0[i] + step * d[i];
        ++evaluations;
        Trial t{step, f(xt, gt), 0};
        t.slope = dot(gt, d);
        if (!std::isfinite(t.f) || !std::isfinite(t.slope))
            t.f = std::numeric_limits<double>::infinity();
        last = t.f;
        return t;
    }

    bool run(double f0, double slope0, double step)
    {
        const Trial origin{0, f0, slope0};
        Trial prev = origin;
        int used = 0;
        while (used < kMaxLineEvaluations) {
            const Trial t = eval(step);
            ++used;
            if (t.f > f0 + kC1 * step * slope0 || (used > 1 && t.f >= prev.f))
                return zoom(prev, t, origin, used);
            if (std::abs(t.slope) <= -kC2 * slope0)
                return true;
            if (t.slope >= 0)
                return zoom(t, prev, origin, used);
            prev = t;
            step *= 2.0;
        }
        return finishWith(prev, origin);
    }

    bool zoom(Trial lo, Trial hi, const Trial& origin, int used)
    {
        while (used < kMaxLineEvaluations) {
            const double step = interpolate(lo, hi);
            if (step == lo.step || step == hi.step)
                break; // interval collapsed to rounding
            const Trial t = eval(step);
            ++used;
            if (t.f > origin.f + kC1 * step * origin.slope || t.f >= lo.f) {
                hi = t;
            } else {
                if (std::abs(t.slope) <= -kC2 * origin.slope)
                    return true;
                if (t.slope * (hi.step - lo.step) >= 0)
                    hi = lo;
                lo = t;
            }
        }
        return finishWith(lo, origin);
    }

    bool finishWith(const Trial& best, const Trial& origin)
    {
        if (best.step == 0 || !(best.f < origin.f))
            return false;
        eval(best.step); // leave xt/gt at the best point
        return true;
    }
};

} // namespace

LbfgsResult minimiseLbfgs(const SmoothObjective& f, std::span<double> x, const LbfgsOptions& options)
{
    const std::size_t n = x.size();
    const std::size_t m = std::max<std::size_t>(1, options.memory);
    LbfgsResult res;
    std::vector<double> g(n), d(n), xt(n), gt(n), alpha(m), rho(m);
    std::vector<std::vector<double>> S(m, std::vector<double>(n)), Y(m, std::vector<double>(n));
    std::size_t stored = 0, head = 0; // ring buffer of the last `stored` pairs; head = next slot

    res.f = f(x, g);
    res.evaluations = 1;
    res.gradientNorm = infNorm(g);
    if (!std::isfinite(res.f) || !std::isfinite(res.gradientNorm)) {
        res.stop = LbfgsStop::NonFinite;
        return res;
    }
    bool restarted = false;
    while (res.iterations < options.maxIterations) {
        if (res.gradientNorm <= options.gradientTolerance) {
            res.stop = LbfgsStop::Gradient;
            return res;
        }
        // Two-loop recursion: d = -H g.
        for (std::size_t i = 0; i < n; ++i)
            d[i] = -g[i];
        for (std::size_t k = 0; k < stored; ++k) {
            const std::size_t j = (head + m - 1 - k) % m;
            alpha[j] = rho[j] * dot(S[j], d);
            for (std::size_t i = 0; i < n; ++i)
                d[i] -= alpha[j] * Y[j][i];
        }
        double step = 1.0;
        if (stored > 0) {
            const std::size_t last = (head + m - 1) % m;
            const double gamma = dot(S[last], Y[last]) / dot(Y[last], Y[last]);
            for (double& v : d)
                v *= gamma;
        } else {
            step = std::min(1.0, 1.0 / std::sqrt(dot(g, g)));
        }
        for (std::size_t k = stored; k-- > 0;) {
            const std::size_t j = (head + m - 1 - k) % m;
            const double beta = rho[j] * dot(Y[j], d);
            for (std::size_t i = 0; i < n; ++i)
                d[i] += (alpha[j] - beta) * S[j][i];
        }
        double slope = dot(g, d);
        if (!(slope < 0)) { // not a descent direction: fall back to steepest descent
            stored = 0;
            for (std::size_t i = 0; i < n; ++i)
                d[i] = -g[i];
            slope = dot(g, d);
            step = std::min(1.0, 1.0 / std::sqrt(-slope));
        }
        LineSearch ls{f, x, d, xt, gt, res.evaluations};
        if (!ls.run(res.f, slope, step)) {
            if (stored > 0 && !restarted) { // retry once along steepest descent with fresh memory
                stored = 0;
                restarted = true;
                continue;
            }
            res.stop = LbfgsStop::NoProgress;
            return res;
        }
        restarted = false;
        ++res.iterations;
        double sy = 0, yy = 0;
        for (std::size_t i = 0; i < n; ++i) {
            S[head][i] = xt[i] - x[i];
            Y[head][i] = gt[i] - g[i];
            sy += S[head][i] * Y[head][i];
            yy += Y[head][i] * Y[head][i];
        }
        if (sy > 1e-16 * yy && yy > 0) { // keep only pairs with positive curvature
            rho[head] = 1.0 / sy;
            head = (head + 1) % m;
            stored = std::min(stored + 1, m);
        }
        std::copy(xt.begin(), xt.end(), x.begin());
        g.swap(gt);
        res.f = ls.last;
        res.gradientNorm = infNorm(g);
    }
    res.stop = LbfgsStop::MaxIterations;
    return res;
}

const char* describe(LbfgsStop stop)
{
    switch (stop) {
    case LbfgsStop::Gradient:
        return "gradient below tolerance";
    case LbfgsStop::NoProgress:
        return "line search could not decrease the objective (machine precision)";
    case LbfgsStop::MaxIterations:
        return "iteration limit reached";
    case LbfgsStop::NonFinite:
        return "objective or gradient not finite at the start";
    }
    return "unknown";
}

} // namespace core

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
constexpr double kApproxDelta = 0.1; ///< Hager & Zhang's delta in the approximate Wolfe test

/// The problem size: N when the solver is instantiated for a fixed size (loops of known length,
/// unrolled by the compiler: the bookkeeping of a 5-parameter fit is otherwise a sizeable part of
/// the time), else n. Same operations in the same order either way.
template <std::size_t N> struct Dim {
    std::size_t n;
    [[nodiscard]] constexpr std::size_t operator()() const { return N ? N : n; }
};

template <std::size_t N> double dot(Dim<N> dim, const double* a, const double* b)
{
    double s = 0;
    for (std::size_t i = 0; i < dim(); ++i)
        s += a[i] * b[i];
    return s;
}

template <std::size_t N> double infNorm(Dim<N> dim, const double* a)
{
    double m = 0;
    for (std::size_t i = 0; i < dim(); ++i)
        m = std::max(m, std::abs(a[i]));
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
template <std::size_t N> struct LineSearch {
    const SmoothObjective& f;
    Dim<N> dim;
    const double* x0;
    const double* d;
    double* xt;
    double* gt;
    std::size_t& evaluations;
    double noise = 0;    ///< absolute objective noise for the approximate Wolfe test; 0 = off
    double growth = 2.0; ///< step growth factor while bracketing
    double last = 0; ///< f at xt (the most recent evaluation)

    /// Hager & Zhang's approximate Wolfe conditions (delta = 0.1, sigma = c2) within the noise.
    [[nodiscard]] bool approximateWolfe(const Trial& t, const Trial& origin) const
    {
        return noise > 0 && t.f <= origin.f + noise && t.slope >= kC2 * origin.slope &&
               t.slope <= (2 * kApproxDelta - 1) * origin.slope;
    }

    Trial eval(double step)
    {
        for (std::size_t i = 0; i < dim(); ++i)
            xt[i] = x0[i] + step * d[i];
        ++evaluations;
        Trial t{step, f(std::span<const double>(xt, dim()), std::span<double>(gt, dim())), 0};
        t.slope = dot(dim, gt, d);
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
            if (approximateWolfe(t, origin))
                return true;
            if (t.f > f0 + kC1 * step * slope0 || (used > 1 && t.f >= prev.f))
                return zoom(prev, t, origin, used);
            if (std::abs(t.slope) <= -kC2 * slope0)
                return true;
            if (t.slope >= 0)
                return zoom(t, prev, origin, used);
            prev = t;
            step *= growth;
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
            if (approximateWolfe(t, origin))
                return true;
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

template <std::size_t N>
LbfgsResult minimise(const SmoothObjective& f, std::span<double> xs, const LbfgsOptions& options)
{
    const Dim<N> dim{xs.size()};
    const std::size_t n = dim();
    const std::size_t m = std::max<std::size_t>(1, options.memory);
    LbfgsResult res;
    const std::vector<double>& M = options.preconditioner;
    const bool preconditioned = M.size() == n * n && n > 0;
    // One allocation for every work vector; the pairs (s, y) are rows of S and Y, a ring buffer of
    // the last `stored` pairs with `head` the next slot.
    std::vector<double> storage(4 * n + 2 * m + 2 * m * n + (preconditioned ? n : 0));
    double* next = storage.data();
    const auto take = [&next](std::size_t count) {
        double* p = next;
        next += count;
        return p;
    };
    double* const x = xs.data();
    double* g = take(n);
    double* const d = take(n);
    double* const xt = take(n);
    double* gt = take(n);
    double* const alpha = take(m);
    double* const rho = take(m);
    double* const S = take(m * n);
    double* const Y = take(m * n);
    double* const work = take(preconditioned ? n : 0);
    const auto older = [m](std::size_t j) { return j == 0 ? m - 1 : j - 1; }; // previous ring slot
    // v <- M v
    const auto applyM = [&](double* v) {
        for (std::size_t i = 0; i < n; ++i) {
            double s = 0;
            for (std::size_t j = 0; j < n; ++j)
                s += M[i * n + j] * v[j];
            work[i] = s;
        }
        std::copy(work, work + n, v);
    };
    // v'Mv (v'v without a preconditioner)
    const auto normM = [&](const double* v) {
        if (!preconditioned)
            return dot(dim, v, v);
        double s = 0;
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = 0; j < n; ++j)
                s += v[i] * M[i * n + j] * v[j];
        return s;
    };
    std::size_t stored = 0, head = 0;
    const double growth = options.extrapolation > 1.0 ? options.extrapolation : 2.0;

    res.f = f(xs, std::span<double>(g, n));
    res.evaluations = 1;
    res.gradientNorm = infNorm(dim, g);
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
        // Two-loop recursion: d = -H g, newest pair first, then oldest first.
        for (std::size_t i = 0; i < n; ++i)
            d[i] = -g[i];
        const std::size_t newest = older(head);
        for (std::size_t k = 0, j = newest; k < stored; ++k, j = older(j)) {
            alpha[j] = rho[j] * dot(dim, S + j * n, d);
            const double* y = Y + j * n;
            for (std::size_t i = 0; i < n; ++i)
                d[i] -= alpha[j] * y[i];
        }
        double step = 1.0;
        if (preconditioned)
            applyM(d);
        if (stored > 0) {
            const double gamma = dot(dim, S + newest * n, Y + newest * n) / normM(Y + newest * n);
            for (std::size_t i = 0; i < n; ++i)
                d[i] *= gamma;
        } else {
            step = std::min(1.0, 1.0 / std::sqrt(normM(g)));
        }
        std::size_t oldest = newest;
        for (std::size_t k = 1; k < stored; ++k)
            oldest = older(oldest);
        for (std::size_t k = 0, j = oldest; k < stored; ++k, j = j + 1 == m ? 0 : j + 1) {
            const double beta = rho[j] * dot(dim, Y + j * n, d);
            const double* sj = S + j * n;
            for (std::size_t i = 0; i < n; ++i)
                d[i] += (alpha[j] - beta) * sj[i];
        }
        double slope = dot(dim, g, d);
        if (!(slope < 0)) { // not a descent direction: fall back to (preconditioned) steepest descent
            stored = 0;
            for (std::size_t i = 0; i < n; ++i)
                d[i] = -g[i];
            if (preconditioned)
                applyM(d);
            slope = dot(dim, g, d);
            step = std::min(1.0, 1.0 / std::sqrt(-slope));
        }
        LineSearch<N> ls{f, dim, x, d, xt, gt, res.evaluations, options.noiseTolerance * std::abs(res.f), growth};
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
        double* sh = S + head * n;
        double* yh = Y + head * n;
        for (std::size_t i = 0; i < n; ++i) {
            sh[i] = xt[i] - x[i];
            yh[i] = gt[i] - g[i];
            sy += sh[i] * yh[i];
            yy += yh[i] * yh[i];
        }
        if (sy > 1e-16 * yy && yy > 0) { // keep only pairs with positive curvature
            rho[head] = 1.0 / sy;
            head = head + 1 == m ? 0 : head + 1;
            stored = std::min(stored + 1, m);
        }
        std::copy(xt, xt + n, x);
        std::swap(g, gt);
        res.f = ls.last;
        res.gradientNorm = infNorm(dim, g);
    }
    res.stop = LbfgsStop::MaxIterations;
    return res;
}

} // namespace

LbfgsResult minimiseLbfgs(const SmoothObjective& f, std::span<double> x, const LbfgsOptions& options)
{
    switch (x.size()) { // fixed-size instances for the usual parameter counts of a law
    case 1: return minimise<1>(f, x, options);
    case 2: return minimise<2>(f, x, options);
    case 3: return minimise<3>(f, x, options);
    case 4: return minimise<4>(f, x, options);
    case 5: return minimise<5>(f, x, options);
    case 6: return minimise<6>(f, x, options);
    case 7: return minimise<7>(f, x, options);
    case 8: return minimise<8>(f, x, options);
    default: return minimise<0>(f, x, options);
    }
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

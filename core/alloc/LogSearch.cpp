// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/alloc/LogSearch.h"

#include "core/util/Gsl.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_min.h>
#include <gsl/gsl_roots.h>

#include <cmath>
#include <limits>
#include <memory>
#include <vector>

namespace core {

namespace {

struct MinimizerFree {
    void operator()(gsl_min_fminimizer* m) const { gsl_min_fminimizer_free(m); }
};
struct RootSolverFree {
    void operator()(gsl_root_fsolver* s) const { gsl_root_fsolver_free(s); }
};

/// Stands in for infeasible (non-finite) values: GSL rejects non-finite function values, and
/// this is larger than any loss or log-FLOP count while leaving Brent's arithmetic finite.
constexpr double kInfeasible = 1e100;

double finiteOrInfeasible(double v)
{
    return std::isfinite(v) ? v : kInfeasible;
}

double callLine(double x, void* params)
{
    return finiteOrInfeasible((*static_cast<const LineFunction*>(params))(x));
}

double gridX(double lo, double hi, std::size_t i, std::size_t points)
{
    return lo + (hi - lo) * static_cast<double>(i) / static_cast<double>(points - 1);
}

/// Brent's minimisation on [a, b] from the interior guess x (f(x) below both ends). Returns the
/// best point seen; x itself when GSL declines the bracket (e.g. equal values from rounding).
double brentMinimum(const LineFunction& f, double a, double x, double b)
{
    gsl::disableAbortOnError();
    std::unique_ptr<gsl_min_fminimizer, MinimizerFree> m(gsl_min_fminimizer_alloc(gsl_min_fminimizer_brent));
    if (!m)
        return x;
    gsl_function fn{&callLine, const_cast<LineFunction*>(&f)};
    if (gsl_min_fminimizer_set(m.get(), &fn, x, a, b) != GSL_SUCCESS)
        return x;
    for (int iter = 0; iter < 300; ++iter) {
        if (gsl_min_fminimizer_iterate(m.get()) != GSL_SUCCESS)
            break;
        const double lo = gsl_min_fminimizer_x_lower(m.get()), hi = gsl_min_fminimizer_x_upper(m.get());
        if (gsl_min_test_interval(lo, hi, 1e-10, 0.0) == GSL_SUCCESS)
            break;
    }
    return gsl_min_fminimizer_x_minimum(m.get());
}

/// Newton steps on the central-difference derivatives of f, each kept only when f does not rise
/// beyond rounding (so a kink or a noisy plateau leaves x where Brent put it).
double newtonPolish(const LineFunction& f, double x, double& fx)
{
    constexpr double h = 1e-4;
    for (int iter = 0; iter < 3; ++iter) {
        const double up = f(x + h), down = f(x - h);
        const double d1 = (up - down) / (2.0 * h), d2 = (up - 2.0 * fx + down) / (h * h);
        if (!std::isfinite(d1) || !std::isfinite(d2) || !(d2 > 0.0))
            break;
        const double step = -d1 / d2;
        if (!(std::abs(step) < h))
            break;
        const double next = x + step, fNext = f(next);
        if (!(fNext <= fx + 8.0 * std::numeric_limits<double>::epsilon() * std::abs(fx)))
            break;
        x = next;
        fx = std::min(fx, fNext);
        if (std::abs(step) < 1e-13 * std::max(1.0, std::abs(x)))
            break;
    }
    return x;
}

} // namespace

LineMinimum minimiseOnGrid(const LineFunction& f, double lo, double hi, std::size_t points)
{
    LineMinimum out;
    if (points < 3 || !(hi > lo))
        return out;
    std::vector<double> values(points);
    std::size_t best = points;
    for (std::size_t i = 0; i < points; ++i) {
        values[i] = f(gridX(lo, hi, i, points));
        if (std::isfinite(values[i]) && (best == points || values[i] < values[best]))
            best = i;
    }
    if (best == points)
        return out;
    out.found = true;
    out.x = gridX(lo, hi, best, points);
    out.value = values[best];
    if (best == 0 || best == points - 1) {
        out.atEdge = true;
        return out;
    }
    double x = brentMinimum(f, gridX(lo, hi, best - 1, points), out.x, gridX(lo, hi, best + 1, points));
    double fx = f(x);
    if (!(fx <= out.value)) { // Brent never does worse than its start; keep the grid point if it did
        x = out.x;
        fx = out.value;
    }
    out.x = newtonPolish(f, x, fx);
    out.value = fx;
    return out;
}

LineRoot firstCrossing(const LineFunction& f, double lo, double hi, std::size_t points, double xTolerance)
{
    LineRoot out;
    if (points < 2 || !(hi > lo))
        return out;
    const double first = f(lo);
    if (std::isfinite(first) && first <= 0.0) {
        out.status = LineRoot::Status::AlreadyBelow;
        out.x = lo;
        return out;
    }
    double a = lo;
    for (std::size_t i = 1; i < points; ++i) {
        const double b = gridX(lo, hi, i, points), fb = f(b);
        if (!std::isfinite(fb) || fb > 0.0) {
            a = b;
            continue;
        }
        out.status = LineRoot::Status::Found;
        out.x = b;
        if (fb == 0.0)
            return out;
        gsl::disableAbortOnError();
        std::unique_ptr<gsl_root_fsolver, RootSolverFree> s(gsl_root_fsolver_alloc(gsl_root_fsolver_brent));
        gsl_function fn{&callLine, const_cast<LineFunction*>(&f)};
        if (!s || gsl_root_fsolver_set(s.get(), &fn, a, b) != GSL_SUCCESS)
            return out;
        for (int iter = 0; iter < 300; ++iter) {
            if (gsl_root_fsolver_iterate(s.get()) != GSL_SUCCESS)
                break;
            out.x = gsl_root_fsolver_root(s.get());
            if (gsl_root_test_interval(gsl_root_fsolver_x_lower(s.get()), gsl_root_fsolver_x_upper(s.get()),
                                       xTolerance, 0.0) == GSL_SUCCESS)
                break;
        }
        return out;
    }
    return out;
}

} // namespace core

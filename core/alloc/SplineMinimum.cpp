// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/alloc/SplineMinimum.h"

#include "core/util/Gsl.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_interp.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <numeric>
#include <string>
#include <vector>

namespace core {

namespace {

struct InterpFree {
    void operator()(gsl_interp* p) const { gsl_interp_free(p); }
};
struct AccelFree {
    void operator()(gsl_interp_accel* p) const { gsl_interp_accel_free(p); }
};

constexpr std::size_t kGrid = 2001;

} // namespace

tl::expected<SplineMinimum, Error> SplineMinimum::find(std::span<const double> x, std::span<const double> y,
                                                       SplineKind kind)
{
    auto fail = [](std::string message) {
        return tl::make_unexpected(Error::forParameter("spline", std::move(message)));
    };
    if (x.size() != y.size())
        return fail("x and y have different lengths");
    for (std::size_t i = 0; i < x.size(); ++i)
        if (!std::isfinite(x[i]) || !std::isfinite(y[i]))
            return fail("point " + std::to_string(i + 1) + " is not finite");

    // Sort by x and merge equal x (GSL needs strictly increasing x).
    std::vector<std::size_t> order(x.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return x[a] < x[b]; });
    std::vector<double> xs, ys;
    std::vector<std::size_t> count;
    for (std::size_t i : order) {
        if (!xs.empty() && x[i] == xs.back()) {
            ys.back() += y[i];
            ++count.back();
        } else {
            xs.push_back(x[i]);
            ys.push_back(y[i]);
            count.push_back(1);
        }
    }
    for (std::size_t i = 0; i < ys.size(); ++i)
        ys[i] /= static_cast<double>(count[i]);
    if (xs.size() < 3)
        return fail("a spline minimum needs at least 3 distinct x, got " + std::to_string(xs.size()));

    SplineMinimum m;
    m.points = xs.size();
    m.kind = kind;
    if (kind == SplineKind::Akima && xs.size() < gsl_interp_type_min_size(gsl_interp_akima)) {
        m.kind = SplineKind::Cubic;
        m.fellBack = true;
    }
    gsl::disableAbortOnError();
    const gsl_interp_type* type = m.kind == SplineKind::Akima ? gsl_interp_akima : gsl_interp_cspline;
    const std::unique_ptr<gsl_interp, InterpFree> interp(gsl_interp_alloc(type, xs.size()));
    const std::unique_ptr<gsl_interp_accel, AccelFree> accel(gsl_interp_accel_alloc());
    if (!interp || !accel)
        return fail("GSL could not allocate the interpolant");
    if (const int status = gsl_interp_init(interp.get(), xs.data(), ys.data(), xs.size());
        status != GSL_SUCCESS)
        return fail(std::string("GSL interpolation failed: ") + gsl_strerror(status));
    auto eval = [&](double at) {
        return gsl_interp_eval(interp.get(), xs.data(), ys.data(), at, accel.get());
    };

    const double lo = xs.front(), hi = xs.back();
    const double step = (hi - lo) / static_cast<double>(kGrid - 1);
    auto gridX = [&](std::size_t i) { return i + 1 == kGrid ? hi : lo + step * static_cast<double>(i); };
    std::size_t best = 0;
    double bestY = eval(lo);
    for (std::size_t i = 1; i < kGrid; ++i) {
        const double v = eval(gridX(i));
        if (v < bestY) {
            bestY = v;
            best = i;
        }
    }
    m.x = gridX(best);
    m.y = bestY;
    m.atEdge = best == 0 || best + 1 == kGrid;
    if (!m.atEdge) {
        // Golden-section search on [x_{best-1}, x_{best+1}], which brackets the grid minimum.
        const double ratio = (std::sqrt(5.0) - 1.0) / 2.0;
        double a = gridX(best - 1), b = gridX(best + 1);
        double c = b - ratio * (b - a), d = a + ratio * (b - a);
        double fc = eval(c), fd = eval(d);
        for (int iter = 0; iter < 200 && b - a > 1e-10; ++iter) {
            if (fc < fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - ratio * (b - a);
                fc = eval(c);
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + ratio * (b - a);
                fd = eval(d);
            }
        }
        const double xm = (a + b) / 2.0;
        const double ym = eval(xm);
        if (ym <= m.y) {
            m.x = xm;
            m.y = ym;
        }
    }
    return m;
}

} // namespace core

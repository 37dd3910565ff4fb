// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/alloc/PowerLawInC.h"

#include <gsl/gsl_cdf.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

namespace core {

double PowerLawInC::at(double C) const
{
    return std::exp(lnK + exponent * std::log(C));
}

std::array<double, 2> PowerLawInC::interval(double C, double level) const
{
    constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    if (points < 3 || !std::isfinite(seCentre) || !std::isfinite(seExponent) || !(level > 0.0 && level < 1.0)
        || !(C > 0.0))
        return {kNaN, kNaN};
    const double d = std::log(C) - lnCMean;
    const double se = std::sqrt(seCentre * seCentre + d * d * seExponent * seExponent);
    const double half = gsl_cdf_tdist_Pinv(0.5 + level / 2.0, static_cast<double>(points - 2)) * se;
    const double centre = lnK + exponent * std::log(C);
    return {std::exp(centre - half), std::exp(centre + half)};
}

tl::expected<PowerLawInC, Error> PowerLawInC::fit(std::span<const double> C, std::span<const double> y)
{
    auto fail = [](std::string message) {
        return tl::make_unexpected(Error::forParameter("power law", std::move(message)));
    };
    if (C.size() != y.size())
        return fail("C and y have different lengths");
    const std::size_t n = C.size();
    if (n < 2)
        return fail("fewer than 2 points to fit a power law in C");
    std::vector<double> u(n), v(n);
    double meanU = 0.0, meanV = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        if (!(std::isfinite(C[i]) && C[i] > 0.0 && std::isfinite(y[i]) && y[i] > 0.0))
            return fail("point " + std::to_string(i + 1) + " is not finite and > 0");
        u[i] = std::log(C[i]);
        v[i] = std::log(y[i]);
        meanU += u[i];
        meanV += v[i];
    }
    meanU /= static_cast<double>(n);
    meanV /= static_cast<double>(n);
    double sxx = 0.0, sxy = 0.0, syy = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        const double du = u[i] - meanU, dv = v[i] - meanV;
        sxx += du * du;
        sxy += du * dv;
        syy += dv * dv;
    }
    if (!(sxx > 0.0))
        return fail("every point has the same C: no exponent can be fitted");

    PowerLawInC p;
    p.points = n;
    p.lnCMean = meanU;
    p.exponent = sxy / sxx;
    p.lnK = meanV - p.exponent * meanU;
    p.k = std::exp(p.lnK);
    double rss = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        const double r = v[i] - (p.lnK + p.exponent * u[i]);
        rss += r * r;
    }
    p.rmseLog = std::sqrt(rss / static_cast<double>(n));
    p.r2 = syy > 0.0 ? 1.0 - rss / syy : std::numeric_limits<double>::quiet_NaN();
    if (n > 2) {
        const double s2 = rss / static_cast<double>(n - 2);
        p.seExponent = std::sqrt(s2 / sxx);
        // Centred intercept and slope are uncorrelated: var(ln k) = s^2/n + meanU^2 var(slope).
        p.seLnK = std::sqrt(s2 / static_cast<double>(n) + meanU * meanU * s2 / sxx);
        p.seCentre = std::sqrt(s2 / static_cast<double>(n));
    } else {
        p.seCentre = std::numeric_limits<double>::quiet_NaN();
        p.seExponent = std::numeric_limits<double>::quiet_NaN();
        p.seLnK = std::numeric_limits<double>::quiet_NaN();
    }
    p.seK = p.k * p.seLnK;
    return p;
}

} // namespace core

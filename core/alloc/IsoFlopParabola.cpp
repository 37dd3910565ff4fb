// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/alloc/IsoFlopParabola.h"

#include <Eigen/Dense>
#include <gsl/gsl_cdf.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <string>

namespace core {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double quadraticForm(const std::array<double, 9>& cov, const std::array<double, 3>& g)
{
    double s = 0.0;
    for (std::size_t i = 0; i < 3; ++i)
        for (std::size_t j = 0; j < 3; ++j)
            s += g[i] * cov[3 * i + j] * g[j];
    return s;
}

} // namespace

double IsoFlopParabola::value(double x) const
{
    const double u = x - centre;
    return coef[0] + u * (coef[1] + u * coef[2]);
}

std::array<double, 3> IsoFlopParabola::rawCoefficients() const
{
    const double m = centre;
    return {coef[0] - coef[1] * m + coef[2] * m * m, coef[1] - 2.0 * coef[2] * m, coef[2]};
}

double IsoFlopParabola::vertex() const
{
    return hasMinimum() ? centre - coef[1] / (2.0 * coef[2]) : kNaN;
}

double IsoFlopParabola::vertexLoss() const
{
    return hasMinimum() ? coef[0] - coef[1] * coef[1] / (4.0 * coef[2]) : kNaN;
}

double IsoFlopParabola::vertexStdError() const
{
    if (!hasMinimum() || points <= 3)
        return kNaN;
    const double c1 = coef[1], c2 = coef[2];
    return std::sqrt(
        std::max(0.0, quadraticForm(covariance, {0.0, -1.0 / (2.0 * c2), c1 / (2.0 * c2 * c2)})));
}

double IsoFlopParabola::vertexLossStdError() const
{
    if (!hasMinimum() || points <= 3)
        return kNaN;
    const double c1 = coef[1], c2 = coef[2];
    return std::sqrt(
        std::max(0.0, quadraticForm(covariance, {1.0, -c1 / (2.0 * c2), c1 * c1 / (4.0 * c2 * c2)})));
}

std::array<double, 2> IsoFlopParabola::vertexInterval(double level) const
{
    const double se = vertexStdError();
    if (!std::isfinite(se) || !(level > 0.0 && level < 1.0))
        return {kNaN, kNaN};
    const double t = gsl_cdf_tdist_Pinv(0.5 + level / 2.0, static_cast<double>(points - 3));
    const double v = vertex();
    return {v - t * se, v + t * se};
}

tl::expected<IsoFlopParabola, Error>
IsoFlopParabola::fit(std::span<const double> x, std::span<const double> y, std::span<const double> weights)
{
    auto fail = [](std::string message) {
        return tl::make_unexpected(Error::forParameter("parabola", std::move(message)));
    };
    const std::size_t n = x.size();
    if (y.size() != n || (!weights.empty() && weights.size() != n))
        return fail("x, y and weights have different lengths");
    if (n < 3)
        return fail("a parabola needs at least 3 points, got " + std::to_string(n));
    auto w = [&](std::size_t i) { return weights.empty() ? 1.0 : weights[i]; };
    double sw = 0.0, swx = 0.0;
    std::set<double> distinct;
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(x[i]) || !std::isfinite(y[i]) || !(std::isfinite(w(i)) && w(i) > 0.0))
            return fail("point " + std::to_string(i + 1) + " has a non-finite value or a weight <= 0");
        sw += w(i);
        swx += w(i) * x[i];
        distinct.insert(x[i]);
    }
    if (distinct.size() < 3)
        return fail("a parabola needs at least 3 distinct N, got " + std::to_string(distinct.size()));

    IsoFlopParabola p;
    p.points = n;
    p.centre = swx / sw;
    Eigen::Matrix3d normal = Eigen::Matrix3d::Zero();
    Eigen::Vector3d rhs = Eigen::Vector3d::Zero();
    for (std::size_t i = 0; i < n; ++i) {
        const double u = x[i] - p.centre;
        const Eigen::Vector3d row(1.0, u, u * u);
        normal.noalias() += w(i) * row * row.transpose();
        rhs.noalias() += w(i) * y[i] * row;
    }
    const Eigen::LDLT<Eigen::Matrix3d> ldlt(normal);
    if (ldlt.info() != Eigen::Success || !ldlt.isPositive())
        return fail("the parabola's normal equations are singular");
    const Eigen::Vector3d c = ldlt.solve(rhs);
    if (!c.allFinite())
        return fail("the parabola's normal equations are singular");
    for (Eigen::Index k = 0; k < 3; ++k)
        p.coef[static_cast<std::size_t>(k)] = c[k];
    for (std::size_t i = 0; i < n; ++i) {
        const double r = y[i] - p.value(x[i]);
        p.rss += w(i) * r * r;
    }
    if (n > 3) {
        const Eigen::Matrix3d cov =
            ldlt.solve(Eigen::Matrix3d::Identity()) * (p.rss / static_cast<double>(n - 3));
        for (Eigen::Index i = 0; i < 3; ++i)
            for (Eigen::Index j = 0; j < 3; ++j)
                p.covariance[static_cast<std::size_t>(3 * i + j)] = cov(i, j);
    }
    return p;
}

} // namespace core

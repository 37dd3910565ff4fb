// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/fit/HuberChinchillaObjective.h"

#include <algorithm>
#include <cmath>

namespace core {

HuberChinchillaObjective::HuberChinchillaObjective(std::span<const double> N, std::span<const double> D,
                                                   std::span<const double> L, double delta)
    : delta_(delta)
{
    logN_.reserve(N.size());
    logD_.reserve(D.size());
    logL_.reserve(L.size());
    for (double v : N)
        logN_.push_back(std::log(v));
    for (double v : D)
        logD_.push_back(std::log(v));
    for (double v : L)
        logL_.push_back(std::log(v));
}

double HuberChinchillaObjective::operator()(std::span<const double> x, std::span<double> grad) const
{
    const double a = x[0], b = x[1], e = x[2], alpha = x[3], beta = x[4];
    const double delta = delta_;
    double f = 0, ga = 0, gb = 0, ge = 0, gal = 0, gbe = 0;
    const std::size_t n = logL_.size();
    for (std::size_t i = 0; i < n; ++i) {
        const double t1 = a - alpha * logN_[i];
        const double t2 = b - beta * logD_[i];
        const double mx = std::max(std::max(t1, t2), e);
        const double u1 = std::exp(t1 - mx), u2 = std::exp(t2 - mx), u3 = std::exp(e - mx);
        const double s = u1 + u2 + u3;
        const double r = mx + std::log(s) - logL_[i];
        const double ar = std::abs(r);
        const bool inside = ar <= delta;
        f += inside ? 0.5 * r * r : delta * (ar - 0.5 * delta);
        const double dr = (inside ? r : std::copysign(delta, r)) / s; // Huber'(r) / s
        const double w1 = dr * u1, w2 = dr * u2;
        ga += w1;
        gb += w2;
        ge += dr * u3;
        gal -= w1 * logN_[i];
        gbe -= w2 * logD_[i];
    }
    grad[0] = ga;
    grad[1] = gb;
    grad[2] = ge;
    grad[3] = gal;
    grad[4] = gbe;
    return f;
}

double HuberChinchillaObjective::value(std::span<const double> x) const
{
    double g[kParams];
    return (*this)(x, g);
}

std::vector<double> HuberChinchillaObjective::residuals(std::span<const double> x) const
{
    std::vector<double> r(logL_.size());
    for (std::size_t i = 0; i < r.size(); ++i) {
        const double t1 = x[0] - x[3] * logN_[i];
        const double t2 = x[1] - x[4] * logD_[i];
        const double mx = std::max(std::max(t1, t2), x[2]);
        r[i] = mx + std::log(std::exp(t1 - mx) + std::exp(t2 - mx) + std::exp(x[2] - mx)) - logL_[i];
    }
    return r;
}

} // namespace core

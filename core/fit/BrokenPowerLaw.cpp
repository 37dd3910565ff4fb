// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/fit/BrokenPowerLaw.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace core {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kExponentCap = 10.0;
constexpr double kBreakStarts[3] = {1e9, 1e11, 1e13};

/// log(1 + e^z) without overflow for large z or loss of digits for very negative z.
double softplus(double z)
{
    return z > 0.0 ? z + std::log1p(std::exp(-z)) : std::log1p(std::exp(z));
}

/// 1 / (1 + e^-z), the derivative of softplus, without overflow.
double logistic(double z)
{
    if (z >= 0.0)
        return 1.0 / (1.0 + std::exp(-z));
    const double e = std::exp(z);
    return e / (1.0 + e);
}

/// softplus(z) - z logistic(z) (the f-derivative's bracket), as a sum of non-negative terms:
/// for z > 0 it is log1p(e^-z) + z e^-z/(1 + e^-z), for z <= 0 log1p(e^z) - z logistic(z).
double softplusMinusSlope(double z)
{
    if (z > 0.0)
        return std::log1p(std::exp(-z)) + z * logistic(-z);
    return std::log1p(std::exp(z)) - z * logistic(z);
}

} // namespace

BrokenPowerLaw::BrokenPowerLaw(int breaks) : m_breaks(std::clamp(breaks, 1, 3))
{
    m_id = m_breaks == 1 ? "bnsl" : "bnsl" + std::to_string(m_breaks);
    m_formula = "L = a + b * x^(-c0)";
    m_parameters = {
        {"a", 0.0, kInf, 1.69},
        {"b", 0.0, kInf, 406.4},
        {"c0", -kExponentCap, kExponentCap, 0.34},
    };
    for (int i = 1; i <= m_breaks; ++i) {
        const std::string k = std::to_string(i);
        m_formula += " * (1 + (x/d" + k + ")^(1/f" + k + "))^(-c" + k + "*f" + k + ")";
        m_parameters.push_back({"c" + k, -kExponentCap, kExponentCap, 0.1});
        m_parameters.push_back({"d" + k, 0.0, kInf, kBreakStarts[i - 1]});
        m_parameters.push_back({"f" + k, 0.0, kExponentCap, 1.0});
    }
}

double BrokenPowerLaw::logShape(std::span<const double> p, double logX) const
{
    double s = -p[2] * logX;
    for (int i = 0; i < m_breaks; ++i) {
        const double c = p[3 + 3 * i], d = p[4 + 3 * i], f = p[5 + 3 * i];
        s -= c * f * softplus((logX - std::log(d)) / f);
    }
    return s;
}

double BrokenPowerLaw::eval(std::span<const double> p, const LawPoint& point) const
{
    return p[0] + p[1] * std::exp(logShape(p, std::log(point.x)));
}

void BrokenPowerLaw::gradient(std::span<const double> p, const LawPoint& point, std::span<double> grad) const
{
    // L = a + b e^S, S = -c0 log x - sum_i c_i f_i softplus(z_i), z_i = (log x - log d_i)/f_i;
    // dS/dc_i = -f_i softplus(z_i), dS/dd_i = c_i logistic(z_i)/d_i,
    // dS/df_i = -c_i (softplus(z_i) - z_i logistic(z_i)).
    const double logX = std::log(point.x);
    const double shape = std::exp(logShape(p, logX));
    const double bShape = p[1] * shape;
    grad[0] = 1.0;
    grad[1] = shape;
    grad[2] = -bShape * logX;
    for (int i = 0; i < m_breaks; ++i) {
        const auto at = static_cast<std::size_t>(3 + 3 * i);
        const double c = p[at], d = p[at + 1], f = p[at + 2];
        const double z = (logX - std::log(d)) / f;
        grad[at] = -bShape * f * softplus(z);
        grad[at + 1] = bShape * c * logistic(z) / d;
        grad[at + 2] = -bShape * c * softplusMinusSlope(z);
    }
}

} // namespace core

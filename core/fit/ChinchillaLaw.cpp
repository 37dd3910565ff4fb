// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/fit/ChinchillaLaw.h"

#include <array>
#include <cmath>
#include <limits>

namespace core {

namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();
const std::array<ParameterSpec, 5> kParameters{{
    {"E", 0.0, kInf, 1.69},
    {"A", 0.0, kInf, 406.4},
    {"B", 0.0, kInf, 410.7},
    {"alpha", 0.0, 10.0, 0.34},
    {"beta", 0.0, 10.0, 0.28},
}};
} // namespace

std::span<const ParameterSpec> ChinchillaLaw::parameters() const
{
    return kParameters;
}

double ChinchillaLaw::eval(std::span<const double> p, const LawPoint& point) const
{
    return p[0] + p[1] * std::pow(point.N, -p[3]) + p[2] * std::pow(point.D, -p[4]);
}

void ChinchillaLaw::gradient(std::span<const double> p, const LawPoint& point, std::span<double> grad) const
{
    const double nTerm = std::pow(point.N, -p[3]); // N^-alpha
    const double dTerm = std::pow(point.D, -p[4]); // D^-beta
    grad[0] = 1.0;
    grad[1] = nTerm;
    grad[2] = dTerm;
    grad[3] = -p[1] * nTerm * std::log(point.N);
    grad[4] = -p[2] * dTerm * std::log(point.D);
}

double ChinchillaLaw::evalWithGradient(std::span<const double> p, const LawPoint& point, std::span<double> grad) const
{
    const double nTerm = std::pow(point.N, -p[3]);
    const double dTerm = std::pow(point.D, -p[4]);
    grad[0] = 1.0;
    grad[1] = nTerm;
    grad[2] = dTerm;
    grad[3] = -p[1] * nTerm * std::log(point.N);
    grad[4] = -p[2] * dTerm * std::log(point.D);
    return p[0] + p[1] * nTerm + p[2] * dTerm;
}

} // namespace core

// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/fit/PowerLaw.h"

#include <array>
#include <cmath>
#include <limits>

namespace core {

namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();
const std::array<ParameterSpec, 3> kParameters{{
    {"E", 0.0, kInf, 1.69},
    {"A", 0.0, kInf, 406.4},
    {"alpha", 0.0, 10.0, 0.34},
}};
} // namespace

std::span<const ParameterSpec> PowerLaw::parameters() const
{
    return kParameters;
}

double PowerLaw::eval(std::span<const double> p, const LawPoint& point) const
{
    return p[0] + p[1] * std::pow(point.x, -p[2]);
}

void PowerLaw::gradient(std::span<const double> p, const LawPoint& point, std::span<double> grad) const
{
    const double term = std::pow(point.x, -p[2]); // x^-alpha
    grad[0] = 1.0;
    grad[1] = term;
    grad[2] = -p[1] * term * std::log(point.x);
}

double PowerLaw::evalWithGradient(std::span<const double> p, const LawPoint& point, std::span<double> grad) const
{
    const double term = std::pow(point.x, -p[2]);
    grad[0] = 1.0;
    grad[1] = term;
    grad[2] = -p[1] * term * std::log(point.x);
    return p[0] + p[1] * term;
}

} // namespace core

// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/fit/KaplanLaw.h"

#include <array>
#include <cmath>
#include <limits>

namespace core {

namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();
const std::array<ParameterSpec, 4> kParameters{{
    {"Nc", 0.0, kInf, 6.4e13},
    {"Dc", 0.0, kInf, 1.8e13},
    {"alphaN", 0.0, 10.0, 0.076},
    {"alphaD", 0.0, 10.0, 0.103},
}};
} // namespace

std::span<const ParameterSpec> KaplanLaw::parameters() const
{
    return kParameters;
}

double KaplanLaw::eval(std::span<const double> p, const LawPoint& point) const
{
    const double u = std::pow(p[0] / point.N, p[2] / p[3]);
    return std::pow(u + p[1] / point.D, p[3]);
}

void KaplanLaw::gradient(std::span<const double> p, const LawPoint& point, std::span<double> grad) const
{
    // u = (Nc/N)^(aN/aD), S = u + Dc/D, L = S^aD.
    const double Nc = p[0], Dc = p[1], aN = p[2], aD = p[3];
    const double logRatio = std::log(Nc / point.N);
    const double u = std::exp(aN / aD * logRatio);
    const double S = u + Dc / point.D;
    const double L = std::pow(S, aD);
    const double dLdS = aD * L / S; // aD * S^(aD-1)
    grad[0] = dLdS * (aN / aD) * u / Nc;
    grad[1] = dLdS / point.D;
    grad[2] = dLdS * u * logRatio / aD;
    grad[3] = L * std::log(S) + dLdS * u * logRatio * (-aN / (aD * aD));
}

} // namespace core

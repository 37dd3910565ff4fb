// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/fit/DataConstrainedLaw.h"

#include <array>
#include <cmath>
#include <limits>

namespace core {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
// E, A and B are published as logs (e, a, b in the datablations README); these are exp() of
// those logs at full double precision (Python repr of math.exp(0.6254804), (6.255414), (7.3049974)).
const std::array<ParameterSpec, 7> kParameters{{
    {"E", 0.0, kInf, 1.8691436784054858},
    {"A", 0.0, kInf, 520.8249516599187},
    {"B", 0.0, kInf, 1487.716093782861},
    {"alpha", 0.0, 10.0, 0.3526596},
    {"beta", 0.0, 10.0, 0.3526596},
    {"RDstar", 0.0, kInf, 15.387756},
    {"RNstar", 0.0, kInf, 5.309743},
}};

/// s (1 - e^(-R/s)): the extra effective units from R repetitions that decay with constant s.
double saturated(double R, double s)
{
    return -s * std::expm1(-R / s);
}

/// 1 - e^(-t) (1 + t) for t >= 0, accurate near 0 where it behaves like t^2/2.
/// It is d/ds [s (1 - e^(-R/s))] at t = R/s.
double decayShape(double t)
{
    if (t < 0.25) {
        // sum_{k>=2} (-1)^k (k-1)/k! t^k; successive terms differ by -t k / ((k-1)(k+1)).
        double term = 0.5 * t * t;
        double sum = 0.0;
        for (int k = 2; k < 20; ++k) {
            sum += term;
            term *= -t * k / ((k - 1.0) * (k + 1.0));
        }
        return sum;
    }
    return -std::expm1(-t) - t * std::exp(-t);
}

/// The law's intermediate quantities at one point (see the class comment for the symbols).
struct Terms {
    double UD = 0.0;      ///< unique tokens used (D when unknown or not fewer than D)
    double RD = 0.0;      ///< D/U_D - 1
    double Dp = 0.0;      ///< D'
    double logNopt = 0.0; ///< log N_opt(U_D)
    double Nopt = 0.0;
    bool excess = false;  ///< N > N_opt: U_N = N_opt, else U_N = N
    double RN = 0.0;      ///< N/U_N - 1
    double Np = 0.0;      ///< N'
};

Terms termsAt(std::span<const double> p, const LawPoint& at)
{
    const double A = p[1], B = p[2], alpha = p[3], beta = p[4], sD = p[5], sN = p[6];
    Terms t;
    t.UD = (at.U > 0.0 && at.U < at.D) ? at.U : at.D;
    t.RD = at.D / t.UD - 1.0;
    t.Dp = t.UD * (1.0 + saturated(t.RD, sD));
    t.logNopt = (std::log(alpha) + std::log(A) - std::log(beta) - std::log(B) + beta * std::log(t.UD)) / alpha;
    t.Nopt = std::exp(t.logNopt);
    t.excess = std::isfinite(t.Nopt) && t.Nopt > 0.0 && at.N > t.Nopt;
    const double UN = t.excess ? t.Nopt : at.N;
    t.RN = t.excess ? at.N / t.Nopt - 1.0 : 0.0;
    t.Np = UN * (1.0 + saturated(t.RN, sN));
    return t;
}

} // namespace

std::span<const ParameterSpec> DataConstrainedLaw::parameters() const
{
    return kParameters;
}

double DataConstrainedLaw::eval(std::span<const double> p, const LawPoint& point) const
{
    const Terms t = termsAt(p, point);
    return p[0] + p[1] * std::pow(t.Np, -p[3]) + p[2] * std::pow(t.Dp, -p[4]);
}

void DataConstrainedLaw::gradient(std::span<const double> p, const LawPoint& point, std::span<double> grad) const
{
    const double A = p[1], B = p[2], alpha = p[3], beta = p[4], sD = p[5], sN = p[6];
    const Terms t = termsAt(p, point);
    const double nTerm = std::pow(t.Np, -alpha); // N'^-alpha
    const double dTerm = std::pow(t.Dp, -beta);  // D'^-beta
    grad[0] = 1.0;
    grad[1] = nTerm;
    grad[2] = dTerm;
    grad[3] = -A * nTerm * std::log(t.Np);
    grad[4] = -B * dTerm * std::log(t.Dp);
    // dD'/dR_D* = U_D * decayShape(R_D/R_D*).
    grad[5] = -beta * B * dTerm / t.Dp * t.UD * decayShape(t.RD / sD);
    grad[6] = 0.0;
    if (!t.excess)
        return; // U_N = N: N' = N depends on no parameter but through the terms above.

    // U_N = N_opt(A, B, alpha, beta). With M = N_opt and u = R_N/R_N*:
    // dN'/dM = R_N* decayShape(u) + (1 - e^-u)  (both terms >= 0, no cancellation),
    // dN'/dR_N* = M decayShape(u), dL/dN' = -alpha A N'^(-alpha-1), and
    // log M = (log alpha + log A - log beta - log B + beta log U_D) / alpha.
    const double u = t.RN / sN;
    const double dNpdM = sN * decayShape(u) - std::expm1(-u);
    // w = dL/d(log M) / (alpha A), kept without the factor A so that it stays finite for tiny A.
    const double w = -nTerm / t.Np * dNpdM * t.Nopt;
    grad[1] += w;                                             // d log M / dA = 1/(alpha A)
    grad[2] += -A * w / B;                                    // d log M / dB = -1/(alpha B)
    grad[3] += A * w * (1.0 - alpha * t.logNopt) / alpha;     // d log M / dalpha = (1 - alpha log M)/alpha^2
    grad[4] += A * w * (std::log(t.UD) - 1.0 / beta);         // d log M / dbeta = (log U_D - 1/beta)/alpha
    grad[6] = -alpha * A * nTerm / t.Np * t.Nopt * decayShape(u);
}

} // namespace core

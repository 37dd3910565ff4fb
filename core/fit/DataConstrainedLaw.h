// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/fit/Law.h"

namespace core {

/// Muennighoff et al. 2023 ("Scaling Data-Constrained Language Models"), the data-constrained
/// Chinchilla form: L = E + A/N'^alpha + B/D'^beta (loss in nats/token; N parameters, D training
/// tokens counting repeats, U_D unique tokens), with
///   D' = U_D + U_D R_D* (1 - exp(-R_D/R_D*)),  R_D = D/U_D - 1   (repeated epochs of data),
///   N' = U_N + U_N R_N* (1 - exp(-R_N/R_N*)),  R_N = N/U_N - 1,  U_N = min(N, N_opt(U_D)),
///   N_opt(U_D) = (alpha A / (beta B))^(1/alpha) U_D^(beta/alpha).
/// N_opt is the compute-optimal model size for U_D tokens under the law's own Chinchilla terms,
/// i.e. the N that solves alpha A N^-alpha = beta B U_D^-beta; it is the same function as
/// D_to_N in the huggingface/datablations README (G = (alpha A/(beta B))^(1/(alpha+beta)),
/// N = (U_D G)^(beta/alpha) G), and it moves with A, B, alpha, beta during a fit.
/// Unique tokens come from LawPoint::U; when U is unknown (0), not > 0, NaN, or U >= D the data
/// are taken as unrepeated: U_D = D, R_D = 0, D' = D. When N_opt is not a finite number > 0
/// (A = 0 or B = 0) U_N = N. With U_D = D and N <= N_opt the law is Chinchilla's exactly.
/// Parameters: E, A, B, alpha, beta, RDstar, RNstar. Default starts: the paper's fit (E = e^0.6254804,
/// A = e^6.255414, B = e^7.3049974, alpha = beta = 0.3526596, R_D* = 15.387756, R_N* = 5.309743);
/// bounds E, A, B >= 0, 0 < alpha, beta <= 10, R_D*, R_N* > 0 (no upper bound).
/// The gradient is analytic; at N = N_opt both branches of the min() have the same value and the
/// same first derivatives, and gradient() differentiates the branch that eval() takes.
class DataConstrainedLaw final : public Law {
public:
    [[nodiscard]] std::string_view id() const override { return "datacon"; }
    [[nodiscard]] std::string_view formula() const override
    {
        return "L = E + A/N'^alpha + B/D'^beta, D' = U_D + U_D*RDstar*(1 - exp(-R_D/RDstar)), "
               "R_D = D/U_D - 1, N' = U_N + U_N*RNstar*(1 - exp(-R_N/RNstar)), R_N = N/U_N - 1, "
               "U_N = min(N, (alpha*A/(beta*B))^(1/alpha) * U_D^(beta/alpha))";
    }
    [[nodiscard]] std::span<const ParameterSpec> parameters() const override;
    [[nodiscard]] bool usesX() const override { return false; }
    [[nodiscard]] double eval(std::span<const double> params, const LawPoint& point) const override;
    void gradient(std::span<const double> params, const LawPoint& point, std::span<double> grad) const override;
};

} // namespace core

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/fit/Law.h"

#include <string>
#include <vector>

namespace core {

/// Broken Neural Scaling Law (Caballero et al., ICLR 2023) with n breaks, in one variable x
/// (N, D or C, as the power law): L = a + b x^(-c0) prod_{i=1..n} (1 + (x/d_i)^(1/f_i))^(-c_i f_i).
/// a is the asymptote (loss units), b the scale, c0 the slope before the first break; break i
/// sits at x = d_i (units of x), changes the log-log slope by -c_i, and f_i is its smoothness
/// (the slope changes over a few f_i e-folds of x around d_i; small f_i = sharp).
/// Ids "bnsl" (n = 1), "bnsl2", "bnsl3". Parameters: a, b, c0, then c_i, d_i, f_i per break.
/// Bounds: a >= 0; b > 0; d_i > 0 (no upper bound); 0 < f_i <= 10 (f = 10 already spreads a
/// break over tens of decades); c0 and c_i in [-10, 10]: free in sign, since a break may steepen or
/// flatten the curve and c0 < 0 allows an initial rise (e.g. double descent), and capped like
/// the other laws' exponents.
/// Default starts (data-independent; the fit engine adds multi-start): a 1.69, b 406.4, c0 0.34
/// (the power law's start, Chinchilla's N term), c_i 0.1 (a mild steepening, not 0, so that the
/// derivatives in d_i and f_i are not zero at the start), d_i = 1e9, 1e11, 1e13 (breaks spread
/// over typical N and D), f_i 1.
/// Evaluated in logs (x^(-c0) = exp(-c0 log x), log(1 + (x/d)^(1/f)) = softplus((log x - log d)/f)),
/// so large or tiny x, d and 1/f neither overflow nor lose the product's digits.
class BrokenPowerLaw final : public Law {
public:
    /// A law with `breaks` breaks, clamped to 1..3.
    explicit BrokenPowerLaw(int breaks);

    [[nodiscard]] std::string_view id() const override { return m_id; }
    [[nodiscard]] std::string_view formula() const override { return m_formula; }
    [[nodiscard]] std::span<const ParameterSpec> parameters() const override { return m_parameters; }
    [[nodiscard]] bool usesX() const override { return true; }
    [[nodiscard]] double eval(std::span<const double> params, const LawPoint& point) const override;
    void gradient(std::span<const double> params, const LawPoint& point, std::span<double> grad) const override;

private:
    /// log of b's factor: -c0 log x - sum_i c_i f_i softplus((log x - log d_i)/f_i).
    [[nodiscard]] double logShape(std::span<const double> params, double logX) const;

    int m_breaks = 1;
    std::string m_id;
    std::string m_formula;
    std::vector<ParameterSpec> m_parameters;
};

} // namespace core

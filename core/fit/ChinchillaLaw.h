// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/fit/Law.h"

namespace core {

/// Chinchilla's parametric loss (Hoffmann et al. 2022, approach 3): L = E + A/N^alpha + B/D^beta.
/// Parameters: E, A, B, alpha, beta. Default starts: the paper's published values (E 1.69,
/// A 406.4, B 410.7, alpha 0.34, beta 0.28); bounds E, A, B >= 0, 0 < alpha, beta <= 10.
class ChinchillaLaw final : public Law {
public:
    [[nodiscard]] std::string_view id() const override { return "chinchilla"; }
    [[nodiscard]] std::string_view formula() const override { return "L = E + A/N^alpha + B/D^beta"; }
    [[nodiscard]] std::span<const ParameterSpec> parameters() const override;
    [[nodiscard]] bool usesX() const override { return false; }
    [[nodiscard]] double eval(std::span<const double> params, const LawPoint& point) const override;
    void gradient(std::span<const double> params, const LawPoint& point, std::span<double> grad) const override;
    double evalWithGradient(std::span<const double> params, const LawPoint& point,
                            std::span<double> grad) const override;
};

} // namespace core

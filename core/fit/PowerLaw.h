// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/fit/Law.h"

namespace core {

/// L = E + A * x^(-alpha) in one variable x (N, D or C). With E fixed at 0 it is Kaplan's
/// single-variable form (x_c / x)^alpha with A = x_c^alpha. Parameters: E, A, alpha.
/// Default starts: Chinchilla's N term (E 1.69, A 406.4, alpha 0.34); bounds E, A >= 0, 0 < alpha <= 10.
class PowerLaw final : public Law {
public:
    [[nodiscard]] std::string_view id() const override { return "power"; }
    [[nodiscard]] std::string_view formula() const override { return "L = E + A * x^(-alpha)"; }
    [[nodiscard]] std::span<const ParameterSpec> parameters() const override;
    [[nodiscard]] bool usesX() const override { return true; }
    [[nodiscard]] double eval(std::span<const double> params, const LawPoint& point) const override;
    void gradient(std::span<const double> params, const LawPoint& point, std::span<double> grad) const override;
    double evalWithGradient(std::span<const double> params, const LawPoint& point,
                            std::span<double> grad) const override;
};

} // namespace core

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/fit/Law.h"

namespace core {

/// Kaplan et al. 2020, eq. 1.5: L = [(Nc/N)^(alphaN/alphaD) + Dc/D]^alphaD, with N counting
/// non-embedding parameters in the paper's convention. Parameters: Nc, Dc, alphaN, alphaD.
/// Default starts: the paper's Table 2 fit (Nc 6.4e13, Dc 1.8e13, alphaN 0.076, alphaD 0.103);
/// bounds Nc, Dc > 0, 0 < alphaN, alphaD <= 10.
class KaplanLaw final : public Law {
public:
    [[nodiscard]] std::string_view id() const override { return "kaplan"; }
    [[nodiscard]] std::string_view formula() const override
    {
        return "L = [(Nc/N)^(alphaN/alphaD) + Dc/D]^alphaD";
    }
    [[nodiscard]] std::span<const ParameterSpec> parameters() const override;
    [[nodiscard]] bool usesX() const override { return false; }
    [[nodiscard]] double eval(std::span<const double> params, const LawPoint& point) const override;
    void gradient(std::span<const double> params, const LawPoint& point, std::span<double> grad) const override;
};

} // namespace core

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/Error.h"

#include <tl/expected.hpp>

#include <array>
#include <cstddef>
#include <span>

namespace core {

/// A power law y = k C^exponent in compute C (FLOPs), fitted by ordinary least squares of ln y on
/// ln C (Chinchilla approaches 1 and 2: N_opt = k C^a in parameters, D_opt = k' C^b in tokens).
/// Standard errors are the usual OLS ones, s^2 (X^T X)^-1 with s^2 = RSS / (n - 2); they assume
/// independent residuals (an envelope's points are serially correlated, so there they are too
/// small) and are NaN with only 2 points. A value type; fit() is pure and thread-safe.
struct PowerLawInC {
    double exponent = 0.0;   ///< a (or b)
    double k = 0.0;          ///< coefficient, in y's units per FLOP^exponent
    double lnK = 0.0;        ///< ln k (fitted directly; k = exp(lnK))
    double seExponent = 0.0; ///< standard error of the exponent (NaN when n = 2)
    double seLnK = 0.0;      ///< standard error of ln k (NaN when n = 2)
    double seK = 0.0;        ///< standard error of k by the delta method, k * seLnK
    double rmseLog = 0.0;    ///< root mean square residual of ln y
    double r2 = 0.0;         ///< coefficient of determination of ln y (NaN when ln y is constant)
    std::size_t points = 0;
    double lnCMean = 0.0;    ///< mean ln C of the points (where intercept and slope are uncorrelated)
    double seCentre = 0.0;   ///< standard error of the fitted ln y at lnCMean, s / sqrt(n) (NaN when n = 2)

    /// k C^exponent.
    [[nodiscard]] double at(double C) const;
    /// The two-sided `level` (e.g. 0.95) confidence interval of the fitted line k C^exponent at C:
    /// ln y +- t_{n-2} sqrt(seCentre^2 + (ln C - lnCMean)^2 seExponent^2), exponentiated; {NaN, NaN}
    /// with 2 points. Assumes independent residuals (not so for an envelope: too narrow there).
    [[nodiscard]] std::array<double, 2> interval(double C, double level) const;

    /// Fits ln y = ln k + exponent ln C (ln C centred internally for conditioning). Errors
    /// (parameter "power law"): sizes differ, fewer than 2 points, a value not finite and > 0, or
    /// every C equal.
    [[nodiscard]] static tl::expected<PowerLawInC, Error> fit(std::span<const double> C,
                                                              std::span<const double> y);
};

} // namespace core

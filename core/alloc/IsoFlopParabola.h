// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/Error.h"

#include <tl/expected.hpp>

#include <array>
#include <cstddef>
#include <span>

namespace core {

/// A least-squares parabola loss = c0 + c1 u + c2 u^2 in u = x - centre, x = ln N (N in parameters,
/// loss in nats/token; the loss itself, not its log, as Chinchilla's approach 2 fits it). The
/// centre is the weighted mean of x, so the 3x3 normal equations stay well conditioned.
/// Vertex x* = centre - c1 / (2 c2), defined when c2 > 0. Its uncertainty is by the delta method:
/// Cov(c) = s^2 (X^T W X)^-1 with s^2 = sum w r^2 / (n - 3) (weights are relative), and
/// var(x*) = g^T Cov g with g = d x* / d c = (0, -1/(2 c2), c1/(2 c2^2)); the interval is
/// x* +- t_{n-3} se (Student t). With 3 points the fit is exact and there is no interval (NaN).
/// A value type; fit() is pure and thread-safe.
struct IsoFlopParabola {
    double centre = 0.0;                ///< weighted mean of x = ln N
    std::array<double, 3> coef{};       ///< c0, c1, c2 in u = x - centre
    std::array<double, 9> covariance{}; ///< Cov(c), row-major 3x3 (zero when n = 3)
    std::size_t points = 0;
    double rss = 0.0; ///< weighted residual sum of squares

    /// c2 > 0: the parabola has a minimum.
    [[nodiscard]] bool hasMinimum() const { return coef[2] > 0.0; }
    /// The fitted loss at x = ln N.
    [[nodiscard]] double value(double x) const;
    /// Coefficients of the same parabola in x itself: a + b x + c x^2, returned as {a, b, c}.
    [[nodiscard]] std::array<double, 3> rawCoefficients() const;
    /// Vertex ln N* (NaN when c2 <= 0).
    [[nodiscard]] double vertex() const;
    /// The loss at the vertex, c0 - c1^2 / (4 c2) (NaN when c2 <= 0).
    [[nodiscard]] double vertexLoss() const;
    /// Standard error of ln N* by the delta method (NaN without a minimum or with 3 points).
    [[nodiscard]] double vertexStdError() const;
    /// Standard error of the loss at the vertex by the delta method (NaN as above).
    [[nodiscard]] double vertexLossStdError() const;
    /// Two-sided interval for ln N* at `level` (e.g. 0.95): vertex +- t quantile x se; {NaN, NaN}
    /// when the standard error is NaN.
    [[nodiscard]] std::array<double, 2> vertexInterval(double level) const;

    /// Fits x (ln N) against y (loss) with optional weights (empty = all 1; each finite and > 0).
    /// Errors (parameter "parabola"): sizes differ, fewer than 3 points, a non-finite value, all x
    /// equal or fewer than 3 distinct x (the system is singular).
    [[nodiscard]] static tl::expected<IsoFlopParabola, Error>
    fit(std::span<const double> x, std::span<const double> y, std::span<const double> weights = {});
};

} // namespace core

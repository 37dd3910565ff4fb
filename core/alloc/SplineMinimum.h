// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/Error.h"

#include <tl/expected.hpp>

#include <cstddef>
#include <span>

namespace core {

/// Which interpolant a spline minimum uses: Akima (GSL gsl_interp_akima, needs 5 distinct x;
/// local, no overshoot between points, as Porian et al. use for IsoFLOP minima) or a natural
/// cubic spline (gsl_interp_cspline, needs 3).
enum class SplineKind { Akima, Cubic };

/// The minimum of an interpolant through (x, y) points, an alternative to a parabola's vertex for
/// IsoFLOP profiles (x = ln N, y = loss in nats/token). Points with equal x are merged (mean y);
/// the interpolant is evaluated on a grid of 2001 equally spaced x over [min x, max x], and the best
/// grid point is refined by golden-section search over its two neighbouring cells (to 1e-10 in x).
/// It never extrapolates: a minimum at either end means the profile has no interior minimum.
/// A value type; find() is pure and thread-safe (every GSL object is owned per call).
struct SplineMinimum {
    double x = 0.0;                      ///< argmin (ln N*)
    double y = 0.0;                      ///< interpolant's value there (loss)
    SplineKind kind = SplineKind::Akima; ///< the interpolant actually used
    bool fellBack = false;               ///< Akima was asked for but < 5 distinct x: cubic spline used
    bool atEdge = false;                 ///< the minimum is the first or last x (not interior)
    std::size_t points = 0;              ///< distinct x used

    /// Errors (parameter "spline"): sizes differ, a non-finite value, fewer than 3 distinct x, or
    /// a GSL status (named).
    [[nodiscard]] static tl::expected<SplineMinimum, Error> find(std::span<const double> x,
                                                                 std::span<const double> y, SplineKind kind);
};

} // namespace core

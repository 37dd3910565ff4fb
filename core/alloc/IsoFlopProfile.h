// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/alloc/IsoFlopOptions.h"
#include "core/alloc/IsoFlopParabola.h"
#include "core/alloc/IsoFlopPoint.h"
#include "core/alloc/SplineMinimum.h"

#include <array>
#include <cstddef>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace core {

/// Something about one IsoFLOP profile that the user should see before trusting its vertex.
struct IsoFlopWarning {
    enum class Kind {
        TooFewPoints,       ///< fewer than IsoFlopOptions::minPoints (or 3 distinct N): no vertex
        NoInterval,         ///< exactly 3 points: the parabola interpolates them, no interval
        NoMinimum,          ///< parabola curvature c <= 0: no vertex
        VertexOutsideRange, ///< vertex below the smallest or above the largest sampled N (extrapolated)
        VertexAtEdge,       ///< vertex between the two outermost sampled N at one end
        LowestAtEdge,       ///< the lowest observed loss is at the smallest or largest N (off-centre grid)
        NarrowProfile,      ///< max ln N - min ln N under IsoFlopOptions::minSpanLnN
        SplineFallback,     ///< Akima needs 5 distinct N: a cubic spline was used
        SplineAtEdge,       ///< spline vertex chosen, but its minimum is at an end: no vertex
        FitFailed,          ///< the parabola or spline could not be computed (message says why)
    };
    Kind kind;
    std::string message;
};

/// One IsoFLOP profile (the runs at one budget) and its compute-optimal point.
/// Units: C FLOPs, N parameters, D tokens, loss nats/token. The chosen vertex (IsoFlopOptions::vertex)
/// gives nOpt = exp(lnNOpt), dOpt = C / (6 nOpt) and lossOpt; every field is NaN when the profile
/// has no vertex. nOptInterval is the parabola's delta-method interval (NaN for the spline vertex
/// or with 3 points). A value type; analyse() is pure and thread-safe.
struct IsoFlopProfile {
    static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

    double C = kNaN;                  ///< the budget, or the geometric mean C of the runs
    std::vector<std::size_t> members; ///< indices into the points given, ascending N
    std::vector<double> N, D, loss;   ///< the profile's points, ascending N
    std::optional<IsoFlopParabola> parabola;
    std::optional<SplineMinimum> spline;
    double lnNOpt = kNaN;
    double nOpt = kNaN;
    double dOpt = kNaN;
    double lossOpt = kNaN;
    double seLnNOpt = kNaN; ///< standard error of ln N_opt (parabola, delta method)
    std::array<double, 2> nOptInterval{kNaN, kNaN};
    double seLossOpt = kNaN; ///< standard error of lossOpt (parabola, delta method)
    bool usedInFit = false;  ///< entered the N_opt / D_opt power-law fits
    std::vector<IsoFlopWarning> warnings;

    [[nodiscard]] std::size_t points() const { return N.size(); }
    [[nodiscard]] bool hasVertex() const;
    [[nodiscard]] bool has(IsoFlopWarning::Kind kind) const;
    /// No warning that puts the vertex itself in doubt (outside or at the edge of the sampled N,
    /// lowest loss at an end, narrow, no vertex).
    [[nodiscard]] bool trusted() const;

    /// Fits one profile at compute C from `members` of `points`.
    [[nodiscard]] static IsoFlopProfile analyse(double C, std::span<const std::size_t> members,
                                                std::span<const IsoFlopPoint> points,
                                                const IsoFlopOptions& options);
};

} // namespace core

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/alloc/SplineMinimum.h"

#include <cmath>
#include <cstddef>
#include <string>

namespace core {

/// Settings of Chinchilla's approach 2 (IsoFLOP profiles). Defaults follow Hoffmann et al.: group by
/// the nominal budget, parabola of loss in ln N, 95% intervals; an Akima minimum is computed beside
/// the parabola's vertex so the two can be compared.
struct IsoFlopOptions {
    /// How runs are grouped into profiles. Auto: by the budget when any point has one, else BinnedC.
    /// Budget: runs with equal budgets (relative difference under 1e-9) form a profile; runs
    /// without a budget are left out. BinnedC: runs sorted by C; a new profile starts wherever two
    /// consecutive runs differ by more than cToleranceDex in log10 C (single linkage), and the
    /// profile's C is the geometric mean of its runs' C.
    enum class Grouping { Auto, Budget, BinnedC };
    /// Which minimum is the profile's N_opt: the parabola's vertex (Hoffmann et al.) or the
    /// spline's minimum (Porian et al.; never extrapolated).
    enum class Vertex { Parabola, Spline };

    Grouping grouping = Grouping::Auto;
    double cToleranceDex = 0.05; ///< BinnedC: the largest gap in log10 C inside one profile
    Vertex vertex = Vertex::Parabola;
    bool computeSpline = true; ///< also compute the spline minimum (required when vertex = Spline)
    SplineKind splineKind = SplineKind::Akima;
    double confidence = 0.95;          ///< level of the vertex interval (delta method, Student t)
    std::size_t minPoints = 3;         ///< fewer points: no vertex (a parabola needs 3)
    double minSpanLnN = std::log(3.0); ///< narrower profiles (max ln N - min ln N) are flagged
    /// When true, the power laws use only profiles without a warning about their vertex (outside
    /// or at the edge of the sampled N, lowest loss at an end, too narrow); by default every
    /// profile with a vertex is used and the warnings say which to doubt.
    bool fitTrustedOnly = false;
    std::string weightColumn; ///< run attribute used as relative weights (empty: all 1)
};

} // namespace core

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/data/Sweep.h"
#include "core/fit/FitData.h"
#include "core/plot/PlotPoints.h"
#include "core/util/Error.h"

#include <tl/expected.hpp>

#include <cstddef>

namespace core {

/// Which points of a sweep enter a fit: from each run's first curve, its final point (the
/// default), its lowest-loss point, or all points; then the `excludeTopLoss` highest-loss points
/// are dropped. Only usable points count: N, D, C and loss finite and > 0 (the sweep's left-out
/// rows never enter a fit); a run whose final point is not usable contributes nothing under
/// Final (it is in Sweep::leftOut, so the user sees why). `x` fills FitData::x for one-variable laws.
/// FitData::U holds each point's run's unique tokens (Run::U), 0 where unknown or not > 0.
struct FitSelection {
    enum class Points { Final, Min, All };

    Points points = Points::Final;
    std::size_t excludeTopLoss = 0;
    XQuantity x = XQuantity::N;

    bool operator==(const FitSelection&) const = default;

    /// The fit's points, in run order (within a run, curve order); FitData::run holds each
    /// point's run index in the sweep. Error (parameter "--points") when no usable point remains.
    [[nodiscard]] tl::expected<FitData, Error> select(const Sweep& sweep) const;
};

} // namespace core

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/data/Sweep.h"
#include "core/fit/FitData.h"
#include "core/util/Error.h"

#include <tl/expected.hpp>

#include <cmath>
#include <cstddef>
#include <limits>
#include <string>
#include <vector>

namespace core {

/// One run's final loss as an IsoFLOP profile point: N parameters, D tokens, C FLOPs (NaN when
/// unknown), the nominal budget in FLOPs (NaN when the data has none), loss in nats/token, a
/// relative weight (> 0) and the index of its run in the sweep (or of its row in a FitData).
struct IsoFlopPoint {
    double N = std::numeric_limits<double>::quiet_NaN();
    double D = std::numeric_limits<double>::quiet_NaN();
    double C = std::numeric_limits<double>::quiet_NaN();
    double budget = std::numeric_limits<double>::quiet_NaN();
    double loss = std::numeric_limits<double>::quiet_NaN();
    double weight = 1.0;
    std::size_t run = 0;
};

/// The usable IsoFLOP points of a sweep and how many runs were left out.
struct IsoFlopPointSet {
    std::vector<IsoFlopPoint> points;
    std::size_t skipped = 0; ///< runs without N, D and final loss finite and > 0, or without C and budget
};

/// One point per run of `sweep`: its final loss (Run::finalValue(), the first curve's last point),
/// Run::N, Run::D, Run::C and Run::budget. A run is used when N, D and the loss are finite and > 0
/// and it has a budget or a C (finite and > 0); others are counted in `skipped`. `weightColumn`
/// (empty = all weights 1) names a numeric run attribute used as the point's weight; a run whose
/// value is missing, not a number or not > 0 is an Error (parameter "--weights").
/// Pure and thread-safe.
[[nodiscard]] tl::expected<IsoFlopPointSet, Error> isoFlopPoints(const Sweep& sweep,
                                                                 const std::string& weightColumn = {});

/// The points of a FitData (no budget: profiles are then grouped by binned C). Rows whose N, D, C
/// or loss are not finite and > 0 are counted in `skipped`; FitData::weight is carried over;
/// IsoFlopPoint::run is the FitData's row index. Pure and thread-safe.
[[nodiscard]] IsoFlopPointSet isoFlopPoints(const FitData& data);

} // namespace core

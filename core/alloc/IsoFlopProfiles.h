// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/alloc/IsoFlopOptions.h"
#include "core/alloc/IsoFlopPoint.h"
#include "core/alloc/IsoFlopResult.h"
#include "core/data/Sweep.h"
#include "core/fit/FitData.h"
#include "core/util/Error.h"

#include <tl/expected.hpp>

#include <span>

namespace core {

/// Chinchilla's approach 2 (Hoffmann et al. 2022, section 3.2): group the points into IsoFLOP
/// profiles (IsoFlopGrouping), fit each (IsoFlopProfile::analyse: parabola of loss in ln N, vertex,
/// interval, optional Akima/spline minimum, warnings), then fit N_opt and D_opt as power laws in C.
/// `skipped` is added to IsoFlopResult::pointsSkipped (points the caller already left out).
/// Errors: no point at all, or a grouping error (IsoFlopGrouping::make). Fewer than 2 vertices is
/// not an error: the profiles are returned without nFit/dFit and with a warning.
/// Pure and thread-safe; runs on the calling thread (milliseconds for thousands of runs).
[[nodiscard]] tl::expected<IsoFlopResult, Error>
isoFlopProfiles(std::span<const IsoFlopPoint> points, const IsoFlopOptions& options, std::size_t skipped = 0);

/// Approach 2 on a sweep's final losses (isoFlopPoints(sweep, options.weightColumn)); the
/// sweep's filters (ImportOptions::filters, `--where`) have already chosen the runs.
[[nodiscard]] tl::expected<IsoFlopResult, Error> isoFlopProfiles(const Sweep& sweep,
                                                                 const IsoFlopOptions& options);

/// Approach 2 on the points of a FitData (no budget: grouped by binned C unless Grouping::Budget,
/// which is then an error).
[[nodiscard]] tl::expected<IsoFlopResult, Error> isoFlopProfiles(const FitData& data,
                                                                 const IsoFlopOptions& options);

} // namespace core

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/data/Sweep.h"
#include "core/plot/PlotPoints.h"

#include <cstddef>
#include <string>
#include <vector>

namespace core {

/// Runs that differ only by their seed, drawn as one curve: the mean loss (nats/token) of the
/// mates against x (D tokens or C FLOPs) with the band from the lowest to the highest mate.
struct SeedBand {
    std::vector<std::size_t> runs; ///< the mates (sweep indices), ascending
    PlotPoints mean;               ///< (x, mean loss), x ascending
    std::vector<double> lower;     ///< lowest mate's loss at mean.x
    std::vector<double> upper;     ///< highest mate's loss at mean.x
};

/// Training curves smoothed for display: an exponential moving average of the loss with factor
/// f in [0, 1) over the points in x order (x ascending, as logPlotPoints returns them; for D and C
/// that is training order). f = 0 returns `points`. Never produces a value <= 0 from positive
/// input. Pure.
[[nodiscard]] PlotPoints smoothPlotPoints(const PlotPoints& points, double factor);

/// Groups `runs` (sweep indices) into seed-mates by seedMateKey(run, seedColumn) and returns one
/// SeedBand per group of 2 or more, over the x range all mates cover: at the union of the mates'
/// x there, each mate's loss is interpolated linearly in (ln x, ln loss) after smoothing with
/// `factor` (see smoothPlotPoints), and the mean, minimum and maximum are taken. Mates whose
/// ranges do not overlap are not grouped. `x` must be D or C (curves against N are vertical);
/// for N the result is empty. Pure and thread-safe.
[[nodiscard]] std::vector<SeedBand> seedBands(const Sweep& sweep, const std::vector<std::size_t>& runs,
                                              const std::string& seedColumn, XQuantity x, double factor);

} // namespace core

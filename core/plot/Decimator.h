// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/plot/PlotPoints.h"

namespace core {

/// Reduces a polyline to at most about 4 points per pixel column, bucketed in log10(x) screen space.
/// For each column it keeps the first and last point and those with the minimum and maximum y, in
/// their original order, so every spike and every column's extremes survive. Points outside
/// [xMin, xMax] (data units, > 0) are dropped except the nearest neighbour on each side, so lines
/// run off the plot edge. Input points must be log-valid (see logPlotPoints). With x ascending (as
/// logPlotPoints returns them) the visible range is found by binary search and walked against
/// precomputed column boundaries: O(log n + visible points + columns), no logarithm per point.
/// Unsorted input takes a slower O(n) path with one log10 per point. Returns the input unchanged
/// when it already has <= 4 * columns points.
[[nodiscard]] PlotPoints decimateLogMinMax(const PlotPoints& in, double xMin, double xMax,
                                           int columns);

} // namespace core

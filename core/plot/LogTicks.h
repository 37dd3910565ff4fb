// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace core {

/// Tick positions for a log axis, in data units (> 0), ascending.
struct LogTicks {
    std::vector<double> major; ///< labelled ticks
    std::vector<double> minor; ///< unlabelled grid lines
};

/// Ticks for a log axis spanning [lo, hi] (data units, 0 < lo < hi). Over several decades: majors at
/// powers of ten (thinned to every k-th decade to stay <= maxMajor), minors at 2..9 x 10^k. Over a
/// factor of 10 but fewer than three powers of ten: 1, 2, 5 x 10^k, or 1, 3 x 10^k when those are
/// more than maxMajor (1.5e8 to 1.2e10 reads 200M ... 10B, or 300M, 1B, 3B, 10B), else powers of
/// ten. Within a decade or two (a narrow loss axis): majors at plain "nice" decimal steps (1, 2,
/// 2.5, 5 x 10^k), so a loss axis from 2.1 to 3.4 reads 2.2, 2.4, ... 3.4; over a factor of 3 or
/// more, at nice mantissas spread evenly in log (2.3 to 11 reads 2.5, 3, 4, 5, 6, 8, 10).
[[nodiscard]] LogTicks logTicks(double lo, double hi, int maxMajor = 8);

/// How tick labels look: SI-like suffixes for counts ("350M", "7B", "1.5T"), scientific ("1e21")
/// for FLOPs, plain decimals ("2.5") for losses.
enum class TickStyle { Count, Scientific, Plain };

/// Label for a tick value: shortest text that shows `v` exactly enough to tell neighbouring ticks
/// apart. Count: 1K, 10K, 350M, 7B, 1.5T; Scientific: 1e18, 3e21, 2.5e20; Plain: 0.5, 2, 2.25, 1e-5
/// below 1e-4 and 1e6 above 1e6.
[[nodiscard]] std::string formatTick(double v, TickStyle style);

/// Room for tick labels along one axis of a chart, in pixels.
struct TickLabelRoom {
    double lengthPx = 0;  ///< length of the axis (plot area width or height)
    double paddingPx = 4; ///< space kept on each side of a label (Qt Charts' label padding)
    /// Size of a label along the axis: its text width on a horizontal axis, its line height on a
    /// vertical one. Called from the calling thread only.
    std::function<double(const std::string&)> extentPx;
};

/// logTicks(lo, hi, m) for the largest m <= maxMajor whose labels (formatTick(v, style)) all fit
/// `room` whole: each within an equal share of the axis, lengthPx / (labels + 1) - 2 * paddingPx
/// (the room Qt Charts gives a category label before it truncates it to "..."), and clear of its
/// neighbours by 2 * paddingPx at their log positions. When even m = 2 does not fit, the sparsest
/// ticks (m = 2). Same units and empty result for an invalid range as logTicks.
[[nodiscard]] LogTicks fittedLogTicks(double lo, double hi, TickStyle style, const TickLabelRoom& room,
                                      int maxMajor = 8);

} // namespace core

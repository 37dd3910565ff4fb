// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

namespace core {

/// Tick positions for a log axis, in data units (> 0), ascending.
struct LogTicks {
    std::vector<double> major; ///< labelled ticks
    std::vector<double> minor; ///< unlabelled grid lines
};

/// Ticks for a log axis spanning [lo, hi] (data units, 0 < lo < hi). Over several decades: majors at
/// powers of ten (thinned to every k-th decade to stay <= maxMajor), minors at 2..9 x 10^k. Within a
/// decade or two (a narrow loss axis): majors at plain "nice" decimal steps (1, 2, 2.5, 5 x 10^k),
/// so a loss axis from 2.1 to 3.4 reads 2.2, 2.4, ... 3.4; over a factor of 3 or more, at nice
/// mantissas spread evenly in log (2.3 to 11 reads 2.5, 3, 4, 5, 6, 8, 10).
[[nodiscard]] LogTicks logTicks(double lo, double hi, int maxMajor = 8);

/// How tick labels look: SI-like suffixes for counts ("350M", "7B", "1.5T"), scientific ("1e21")
/// for FLOPs, plain decimals ("2.5") for losses.
enum class TickStyle { Count, Scientific, Plain };

/// Label for a tick value: shortest text that shows `v` exactly enough to tell neighbouring ticks
/// apart. Count: 1K, 10K, 350M, 7B, 1.5T; Scientific: 1e18, 3e21, 2.5e20; Plain: 0.5, 2, 2.25, 1e-5
/// below 1e-4 and 1e6 above 1e6.
[[nodiscard]] std::string formatTick(double v, TickStyle style);

} // namespace core

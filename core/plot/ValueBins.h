// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <vector>

namespace core {

/// Groups sorted distinct values into at most `maxBins` bins by cutting at the largest gaps
/// ("natural breaks"), so clusters such as the nominal budgets of an IsoFLOP sweep, read with
/// noise, each get their own bin. Gaps are measured in log10 when every value is > 0 (`logScale`
/// permitting), else linearly. Returns the index in `sorted` where each bin starts (first is 0),
/// ascending; empty for empty input. `sorted` must be ascending and free of duplicates and NaN.
[[nodiscard]] std::vector<std::size_t> naturalBreaks(const std::vector<double>& sorted,
                                                     std::size_t maxBins, bool logScale = true);

/// Bins for colouring by a numeric attribute: the natural breaks with the most bins (<= maxBins)
/// whose narrowest cut is at least `separation` times the widest gap left inside a bin, i.e. when
/// the values really form clusters, each holding at least a quarter of an even share; otherwise (continuous values) bins of equal counts by rank,
/// so an isolated extreme value does not take a bin of its own. Same input and output as
/// naturalBreaks.
[[nodiscard]] std::vector<std::size_t> valueBins(const std::vector<double>& sorted, std::size_t maxBins,
                                                 double separation = 3.0);

} // namespace core

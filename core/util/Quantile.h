// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

namespace core {

/// The q-quantile (q in [0, 1]) of `values`, linear between order statistics (numpy's default
/// method), e.g. q = 0.025 for the lower end of a 95% percentile interval. `values` must not be
/// empty; it is taken by value and sorted. Pure function.
[[nodiscard]] double quantile(std::vector<double> values, double q);

} // namespace core

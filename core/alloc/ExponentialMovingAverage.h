// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <span>
#include <vector>

namespace core {

/// Exponential moving average with factor f in [0, 1): s_0 = x_0, s_i = f s_{i-1} + (1 - f) x_i
/// (f = 0 returns x unchanged; no start-up debiasing, so early values lean towards x_0).
/// Pure and thread-safe. The caller checks f.
[[nodiscard]] std::vector<double> exponentialMovingAverage(std::span<const double> x, double factor);

} // namespace core

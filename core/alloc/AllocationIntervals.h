// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/alloc/Allocation.h"
#include "core/fit/Law.h"
#include "core/util/Error.h"

#include <tl/expected.hpp>

#include <cstddef>
#include <functional>
#include <limits>
#include <span>
#include <string>
#include <vector>

namespace core {

/// A percentile interval [lower, upper].
struct PercentileInterval {
    double lower = std::numeric_limits<double>::quiet_NaN();
    double upper = std::numeric_limits<double>::quiet_NaN();
};

/// Percentile intervals of an allocation over bootstrap draws (units as in Allocation).
struct AllocationIntervals {
    double level = 0.95; ///< central coverage, e.g. 0.95 for the 2.5th and 97.5th percentiles
    PercentileInterval C, N, D, tokensPerParam, loss, totalFlops;
    std::size_t draws = 0;  ///< draws whose allocation succeeded (used)
    std::size_t failed = 0; ///< draws whose allocation was an error (left out; see warnings)
    std::vector<std::string> warnings;
};

/// Checks bootstrap draws before percentiles are taken over them: at least one draw, each with at
/// least law.parameters().size() values (extra trailing values, e.g. derived quantities, are
/// allowed), and level in (0, 1). Errors name "--bootstrap" or "level". Pure.
[[nodiscard]] tl::expected<void, Error> checkBootstrapDraws(const Law& law, const std::vector<std::vector<double>>& draws,
                                                            double level);

/// Allocates for one parameter vector (in the law's order); must be safe to call concurrently.
using AllocateFunction = std::function<tl::expected<Allocation, Error>(std::span<const double> params)>;

/// Runs `allocate` on every bootstrap draw and takes percentiles of each field: the
/// (1 - level)/2 and (1 + level)/2 quantiles with linear interpolation between order statistics
/// (numpy's default, as BootstrapResult uses). A draw is BootstrapResult::draws' row: the law's
/// parameters first (law.parameters().size() values), then derived quantities, which are ignored.
/// Example, for a budget C: allocationIntervals(law, boot.draws,
///     [&](std::span<const double> p) { return computeOptimal(law, p, C, options); });
/// Draws are spread over `threads` threads (0 = all cores); results do not depend on the count.
/// Errors (values): no draws, a draw shorter than the law's parameters, level not in (0, 1), or
/// every draw failing (the first draw's error is quoted). Draws that fail are counted in `failed`
/// with a warning.
[[nodiscard]] tl::expected<AllocationIntervals, Error>
allocationIntervals(const Law& law, const std::vector<std::vector<double>>& draws, const AllocateFunction& allocate,
                    double level = 0.95, unsigned threads = 0);

} // namespace core

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>
#include <span>
#include <vector>

namespace core {

/// One distinct optimum of a multi-start fit: converged starts whose objectives agree within
/// 1e-9 relative are one optimum. `params` are the law's natural parameters (same order as the
/// FitResult), taken from the lowest-index start of the group.
struct MultiStartOptimum {
    double objective = 0.0;
    std::vector<double> params;
    std::size_t starts = 0;     ///< how many starts converged here
    std::size_t firstStart = 0; ///< 0-based index of the lowest start in the grid
};

/// How the starts of a multi-start fit ended. Independent of the number of threads.
struct MultiStartStats {
    std::size_t starts = 0;      ///< starts run
    std::size_t converged = 0;   ///< starts that met the gradient tolerance
    std::size_t reachedBest = 0; ///< starts whose objective is within 1e-9 relative of the best
    std::size_t bestStart = 0;   ///< 0-based grid index of the best start (lowest index on ties)
    std::size_t evaluations = 0;  ///< objective+gradient evaluations over all starts
    std::size_t iterationLimit = 0; ///< starts that hit the iteration limit
    std::size_t distinctOptima = 0;          ///< number of groups among converged starts
    std::vector<MultiStartOptimum> optima;   ///< the lowest 20 groups, best first
    /// Converged starts whose objective is within 1e-3 relative of the best but whose parameters
    /// differ from the best's by more than 1% relative in some parameter (near-equal basins).
    std::size_t disagreeing = 0;
    std::vector<double> disagreeingExample; ///< the parameters of the first such start
};

/// The first parameter in which `a` and `b` differ by more than 1% relative (what "different
/// parameters" means for MultiStartStats::disagreeing), or nullopt. Same sizes expected.
[[nodiscard]] inline std::optional<std::size_t> firstDifferentParameter(std::span<const double> a,
                                                                        std::span<const double> b)
{
    for (std::size_t k = 0; k < a.size() && k < b.size(); ++k)
        if (std::abs(a[k] - b[k]) > 1e-2 * std::max(std::abs(a[k]), std::abs(b[k])))
            return k;
    return std::nullopt;
}

} // namespace core

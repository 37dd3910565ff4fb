// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <cstddef>

namespace core {

/// Box-constrained linear least squares in at most kMax unknowns, given by its normal equations:
/// minimises q(c) = c^T G c - 2 b^T c over lo <= c <= hi (each lo finite; hi finite or +inf;
/// G symmetric positive semi-definite). Used by variableProjection for the 1-3 linear coefficients
/// of a scaling law at fixed exponents, so it is exact rather than iterative: every assignment of
/// each unknown to "free", "at lo" or "at hi" is tried (after the unconstrained solution, which is
/// returned at once when feasible), the free unknowns solved on the diagonally scaled system, and
/// the feasible assignment with the lowest q kept. Subsystems that are singular to working
/// precision are skipped (another face then attains the minimum); an unknown whose column is zero
/// takes the value in [lo, hi] nearest 0. Plain value type, no allocation, thread-safe.
struct VarProBoxLsq {
    static constexpr std::size_t kMax = 3;
    using Vec = std::array<double, kMax>;
    using Mat = std::array<Vec, kMax>;

    std::size_t k = 0; ///< number of unknowns, <= kMax
    Mat G{};           ///< only the leading k x k block is read
    Vec b{};
    Vec lo{};
    Vec hi{};

    /// The minimiser (its first k entries); always feasible.
    [[nodiscard]] Vec solve() const;
};

} // namespace core

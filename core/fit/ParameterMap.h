// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/fit/FitRequest.h"
#include "core/util/Error.h"

#include <tl/expected.hpp>

#include <cstddef>
#include <span>
#include <vector>

namespace core {

/// Maps a solver's unconstrained variables q (one per free parameter) to a law's parameters p, so
/// that every local solver honours the request's fixed values, bounds and ties the same way.
/// A free parameter lives in a closed interval [lo, hi] (the law's bounds, replaced by
/// FitRequest::bounds): q is mapped by lo + (hi - lo)/(1 + e^-q) when both ends are finite,
/// lo + e^q or hi - e^-q for one end, identity for none. A tied follower reads its leader's q and
/// the intersection of both intervals applies; a fixed parameter is constant.
/// Immutable after create(); cheap to copy; safe to use from several threads at once.
class ParameterMap {
public:
    /// Validates the request against the law: unknown names (--fix, --bounds, --tie), an empty or
    /// reversed interval, a fixed value outside its bounds, ties to a fixed or tied parameter or
    /// in a cycle, a start vector of the wrong size (--start), no free parameter. Errors name the option.
    [[nodiscard]] static tl::expected<ParameterMap, Error> create(const Law& law, const FitRequest& request);

    [[nodiscard]] std::size_t freeCount() const { return m_leader.size(); }
    [[nodiscard]] std::size_t size() const { return m_source.size(); }
    /// The law-parameter index the free variable j stands for (its leader).
    [[nodiscard]] std::size_t leaderOf(std::size_t j) const { return m_leader[j]; }
    /// -1 for a fixed parameter, else the free variable it reads.
    [[nodiscard]] long sourceOf(std::size_t i) const { return m_source[i]; }
    [[nodiscard]] double lower(std::size_t i) const { return m_lower[i]; }
    [[nodiscard]] double upper(std::size_t i) const { return m_upper[i]; }

    /// Writes all law parameters for solver variables q.
    void toParams(std::span<const double> q, std::span<double> p) const;
    /// Solver variables for law parameters p (the leaders' values, nudged strictly inside their
    /// intervals; fixed and follower entries of p are ignored).
    [[nodiscard]] std::vector<double> toSolver(std::span<const double> p) const;
    /// p with fixed values and ties imposed and free values clamped into their intervals.
    [[nodiscard]] std::vector<double> normalise(std::span<const double> p) const;
    /// Chain rule: from dF/dp (law order) to dF/dq (free order) at q.
    void chain(std::span<const double> q, std::span<const double> dFdp, std::span<double> dFdq) const;
    /// From dF/dp to dF/d(leader value): sums each follower's entry into its leader's.
    void collapse(std::span<const double> dFdp, std::span<double> dFdLeader) const;

private:
    [[nodiscard]] double toP(std::size_t j, double q) const;
    [[nodiscard]] double dPdQ(std::size_t j, double q) const;

    std::vector<long> m_source;        ///< per law parameter
    std::vector<double> m_fixed;       ///< per law parameter (used where m_source < 0)
    std::vector<double> m_lower, m_upper; ///< per law parameter, effective
    std::vector<std::size_t> m_leader; ///< per free variable
};

} // namespace core

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/alloc/Allocation.h"
#include "core/alloc/AllocationIntervals.h"
#include "core/fit/Bootstrap.h"
#include "core/fit/FitRequest.h"
#include "core/fit/FitResult.h"

#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace core {

/// What formatResultTables() writes: a fit's parameters and statistics and, optionally, an
/// allocation. A plain value type; fill it by hand or with resultTableInput(). Values are never
/// rounded here; only the text is. NaN (or a missing entry) means "absent" and prints as an
/// empty cell.
struct ResultTableInput {
    static constexpr double kAbsent = std::numeric_limits<double>::quiet_NaN();

    std::string law;                ///< the law's id for the statistics table (empty = no row)
    std::vector<std::string> names; ///< parameter names, one row each, in the law's order
    std::vector<double> values;     ///< estimates, aligned with names
    std::vector<double> stderrs;    ///< standard errors, aligned with names
    /// Percentile interval ends, aligned with names; entries beyond names.size() (e.g.
    /// BootstrapResult's derived quantities) are ignored. All absent = no interval columns.
    std::vector<double> lower, upper;
    double intervalLevel = 0.95; ///< coverage of lower/upper, for the column headers

    std::string objectiveName;  ///< e.g. "huber-log" (objectiveName()); empty = no row
    double objective = kAbsent; ///< the minimised objective value
    std::size_t points = 0;     ///< points fitted
    double rmseLog = kAbsent;   ///< RMSE of log loss (FitResult::rmseLog)
    double r2Log = kAbsent;     ///< R^2 of log loss (FitResult::r2Log)

    std::optional<Allocation> allocation;                   ///< adds the allocation table
    std::optional<AllocationIntervals> allocationIntervals; ///< its interval columns

    /// Significant digits of every number in Markdown and LaTeX (CSV writes exact round-trip
    /// text); at least 5 is recommended for parameters.
    int digits = 6;
};

/// The input for `fit` (names, params, stderrs, objective value, rmseLog, r2Log; points = the
/// number of residuals) fitted with `objective`, plus `bootstrap`'s 2.5th/97.5th percentiles as the
/// intervals when given. `law` and the allocation are left for the caller. Pure function.
[[nodiscard]] ResultTableInput resultTableInput(const FitResult& fit, Objective objective,
                                                const BootstrapResult* bootstrap = nullptr);

} // namespace core

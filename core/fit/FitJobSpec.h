// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/fit/FitRequest.h"
#include "core/fit/FitSelection.h"
#include "core/fit/HoldoutCheck.h"
#include "core/plot/PlotPoints.h"
#include "core/util/Error.h"

#include <tl/expected.hpp>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace core {

/// Points kept by a fit range: those whose `quantity` (N parameters, D tokens or C FLOPs) lies
/// in [lower, upper] (inclusive; upper may be +infinity).
struct FitRange {
    XQuantity quantity = XQuantity::N;
    double lower = 0.0;
    double upper = std::numeric_limits<double>::infinity();
    bool operator==(const FitRange&) const = default;
};

/// Everything that determines a fit of a sweep, as the GUI edits it: the law (by registry id),
/// which points enter (FitSelection, runs excluded by the user, a range on N, D or C), the
/// objective and its settings, fixed/bounded/started parameters by name, the start grid, an
/// optional bootstrap and an optional backtest (fit below a cutoff, predict above). A value type
/// with ==, so equal specs give equal results (runFitJob is deterministic) and can be cached.
struct FitJobSpec {
    std::string lawId = "chinchilla";
    FitSelection selection;
    std::vector<std::size_t> excludedRuns; ///< sweep run indices, ascending, no repeats
    std::optional<FitRange> range;
    Objective objective = Objective::LsqLog;
    double delta = 1e-3; ///< Huber threshold (HuberLog)
    StartGrid grid = StartGrid::Default;
    std::size_t lhsStarts = 32; ///< Latin-hypercube starts when grid is Lhs
    std::map<std::string, double> fixed;
    std::map<std::string, ParameterBounds> bounds;
    std::map<std::string, double> starts; ///< start values replacing the law's defaults
    std::size_t bootstrap = 0;            ///< resamples (0 = none)
    std::uint64_t seed = 0;
    std::optional<HoldoutSplit> backtest;
    unsigned threads = 0; ///< 0 = all cores

    bool operator==(const FitJobSpec&) const = default;

    /// Whether run `run` (a sweep index) is excluded by the user.
    [[nodiscard]] bool isExcluded(std::size_t run) const;
    /// A copy with `runs` excluded (exclude = true) or included again, kept sorted and unique.
    [[nodiscard]] FitJobSpec withExcluded(const std::vector<std::size_t>& runs, bool exclude) const;

    /// The FitRequest for the registry law `lawId`. Errors (values): unknown law (parameter
    /// "law"), a start, fixed value or bound naming no parameter of the law (parameter
    /// "start"/"fixed"/"bounds" with the name); the rest is validated by fitLaw.
    [[nodiscard]] tl::expected<FitRequest, Error> request() const;
};

} // namespace core

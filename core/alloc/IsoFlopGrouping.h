// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/alloc/IsoFlopOptions.h"
#include "core/alloc/IsoFlopPoint.h"
#include "core/util/Error.h"

#include <tl/expected.hpp>

#include <span>
#include <string>
#include <vector>

namespace core {

/// Runs grouped into IsoFLOP profiles (see IsoFlopOptions::Grouping for the rules): each group's
/// compute C in FLOPs (the budget, or the geometric mean of the runs' C) and its members as indices
/// into the points given, in ascending C. A value type; make() is pure and thread-safe.
struct IsoFlopGrouping {
    struct Group {
        double C = 0.0;
        std::vector<std::size_t> members;
        double spanDex = 0.0; ///< max - min log10 C of the members (0 when grouped by budget)
    };

    std::vector<Group> groups;
    bool byBudget = false;
    std::size_t ungrouped = 0; ///< points without the grouping quantity (no budget, or no C)
    std::string description;   ///< the rule used, for the user and for reports

    /// Errors (parameter "--group"): Budget asked for but no point has a budget; a tolerance not > 0.
    [[nodiscard]] static tl::expected<IsoFlopGrouping, Error> make(std::span<const IsoFlopPoint> points,
                                                                   const IsoFlopOptions& options);
};

} // namespace core

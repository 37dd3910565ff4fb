// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/alloc/IsoFlopProfile.h"
#include "core/alloc/PowerLawInC.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace core {

/// Chinchilla's approach 2 on a set of runs: one profile per budget (ascending C) and the power laws
/// N_opt = k C^a (parameters) and D_opt = k' C^b (tokens) fitted by least squares in log-log over the
/// profiles with usedInFit. Because D_opt = C / (6 N_opt), b = 1 - a and k' = 1 / (6 k) exactly.
/// nFit and dFit are absent when fewer than 2 profiles have a vertex (a warning says so).
struct IsoFlopResult {
    std::vector<IsoFlopProfile> profiles;
    std::optional<PowerLawInC> nFit;
    std::optional<PowerLawInC> dFit;
    bool byBudget = false;
    std::string grouping;     ///< how runs were grouped (IsoFlopGrouping::description)
    std::string vertexMethod; ///< e.g. "parabola of loss in ln N (least squares), 95% delta-method interval"
    std::size_t pointsUsed = 0;        ///< points in some profile
    std::size_t pointsSkipped = 0;     ///< runs/rows unusable or without a budget (or C) to group by
    std::vector<std::string> warnings; ///< result-level (per-profile ones are in each profile)

    /// The fitted exponents a (N_opt) and b (D_opt); NaN when not fitted.
    [[nodiscard]] double a() const { return nFit ? nFit->exponent : IsoFlopProfile::kNaN; }
    [[nodiscard]] double b() const { return dFit ? dFit->exponent : IsoFlopProfile::kNaN; }
};

} // namespace core

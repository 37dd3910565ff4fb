// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "JsonWriter.h"

#include "core/data/Sweep.h"
#include "core/fit/Law.h"

#include <ostream>
#include <span>
#include <string>
#include <vector>

/// One approach's answer for the side-by-side comparison: its exponents a (N_opt ~ C^a) and
/// b (D_opt ~ C^b) and, per budget, N_opt and D_opt; or why the data do not support it.
struct ApproachAnswer {
    int approach = 0; ///< Chinchilla's numbering: 1 envelope, 2 IsoFLOP profiles, 3 parametric fit
    std::string name;
    std::string unavailable; ///< non-empty: the reason this approach gave no answer
    double a = 0.0, b = 0.0;
    std::vector<double> nOpt, dOpt; ///< per budget
};

/// Chinchilla's three approaches on one sweep at `budgets` (FLOPs, C = 6ND): approach 3 from the
/// fitted law (law, params; a and b from its derived quantities, else from the allocation's slope
/// at each budget), approaches 2 and 1 from the same runs (core::isoFlopProfiles,
/// core::envelope; their power laws in C evaluated at each budget, an extrapolation when the
/// budget is outside the data). Never fails: an approach the data do not support says why.
[[nodiscard]] std::vector<ApproachAnswer> compareApproaches(const core::Sweep& sweep, const core::Law& law,
                                                            std::span<const double> params,
                                                            const std::vector<double>& budgets);

/// Writes the comparison as a JSON array, and per budget the spread of N_opt (max/min over the
/// approaches that answered).
void writeSideBySide(JsonWriter& j, const std::vector<ApproachAnswer>& answers, const std::vector<double>& budgets);
/// The same as text lines.
void writeSideBySideText(std::ostream& out, const std::vector<ApproachAnswer>& answers, const std::vector<double>& budgets);

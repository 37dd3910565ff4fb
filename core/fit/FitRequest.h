// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/fit/Law.h"

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace core {

/// What a least-squares fit minimises: sum of w_i (log Lhat_i - log y_i)^2 (LsqLog, the default
/// for scaling laws; needs y > 0) or sum of w_i (Lhat_i - y_i)^2 (Lsq).
enum class Objective { LsqLog, Lsq };

/// One fit: the law (not owned; laws live in the registry for the program's lifetime), the
/// objective, start values (empty = the law's defaults) and parameters held fixed by name.
struct FitRequest {
    const Law* law = nullptr;
    Objective objective = Objective::LsqLog;
    std::vector<double> start;
    std::map<std::string, double> fixed;
    std::size_t maxIterations = 500;
};

} // namespace core

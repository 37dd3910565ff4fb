// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/fit/FitData.h"
#include "core/fit/FitRequest.h"
#include "core/fit/ParameterMap.h"
#include "core/fit/ResidualLoss.h"
#include "core/util/Error.h"

#include <tl/expected.hpp>

#include <vector>

namespace core {

/// What every local solver checks and builds before its first step: the parameter map, the start
/// (request.start or the law's defaults, with fixed values and ties imposed and clamped into the
/// bounds) and the per-point loss. A value type.
struct LocalFitSetup {
    ParameterMap map;
    std::vector<double> start;
    ResidualLoss loss;

    /// Errors (values): no law, fixed/bounds/ties/start size (ParameterMap::create), the data
    /// (checkFitData). Pure function.
    [[nodiscard]] static tl::expected<LocalFitSetup, Error> prepare(const FitData& data, const FitRequest& request);
};

} // namespace core

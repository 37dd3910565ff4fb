// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/fit/Bootstrap.h"
#include "core/fit/FitData.h"
#include "core/fit/HoldoutCheck.h"
#include "core/fit/LawFitter.h"

#include <cstddef>
#include <optional>
#include <vector>

namespace core {

class Law;

/// The outcome of runFitJob (and, once added, runFitJobBootstrap): the points fitted (FitData,
/// whose `run` maps each point to its sweep run), the multi-start fit, the bootstrap when asked
/// for, and the backtest when asked for (its held-out points' runs in `heldOutRuns`, aligned with
/// HoldoutResult::observed). `law` is the registry law (not owned; lives for the program).
/// A value type, never rounded.
struct FitJobResult {
    const Law* law = nullptr;
    FitData data;
    LawFit fit;
    std::optional<BootstrapResult> bootstrap;
    std::optional<HoldoutResult> backtest;
    std::vector<std::size_t> heldOutRuns;
    std::size_t excludedPoints = 0;   ///< usable points dropped because their run is excluded
    std::size_t outOfRangePoints = 0; ///< usable points dropped by the fit range
};

} // namespace core

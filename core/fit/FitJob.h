// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/data/Sweep.h"
#include "core/fit/FitJobResult.h"
#include "core/fit/FitJobSpec.h"
#include "core/util/Error.h"
#include "core/util/Progress.h"

#include <tl/expected.hpp>

namespace core {

/// The points of `sweep` that `spec` fits: spec.selection's points minus the runs in
/// spec.excludedRuns and the points outside spec.range. `excluded`/`outOfRange` (optional) receive
/// how many usable points each rule dropped. Errors (values): the selection's errors, and
/// (parameter "selection") no point left after exclusions and range.
[[nodiscard]] tl::expected<FitData, Error> fitJobData(const Sweep& sweep, const FitJobSpec& spec,
                                                      std::size_t* excluded = nullptr,
                                                      std::size_t* outOfRange = nullptr);

/// Fits as spec says (fitLaw on fitJobData) and, when spec.backtest is set, runs holdoutCheck on
/// the same points. Does not bootstrap (see runFitJobBootstrap), so the GUI can show the fit
/// first. `progress` covers both parts (fraction of the whole); false cancels ("cancelled").
/// Deterministic for a spec, whatever the thread count. Pure; any thread.
/// Errors (values): those of fitJobData, FitJobSpec::request, fitLaw and holdoutCheck.
[[nodiscard]] tl::expected<FitJobResult, Error> runFitJob(const Sweep& sweep, const FitJobSpec& spec,
                                                          const Progress& progress = {});

/// Adds spec.bootstrap resamples (bootstrapFit around `result`'s fit, seeded by spec.seed) to a
/// copy of `result`. Returns it unchanged when spec.bootstrap is 0. Errors as bootstrapFit
/// (including "cancelled" when `progress` returns false). Pure; any thread.
[[nodiscard]] tl::expected<FitJobResult, Error> runFitJobBootstrap(const FitJobResult& result,
                                                                   const FitJobSpec& spec,
                                                                   const Progress& progress = {});

} // namespace core

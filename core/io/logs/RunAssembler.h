// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/data/Sweep.h"
#include "core/io/ImportOptions.h"
#include "core/io/logs/LoggedRun.h"
#include "core/util/Error.h"
#include "core/util/Progress.h"

#include <tl/expected.hpp>

#include <string>
#include <vector>

namespace core {

/// `options` with its column roles (--columns, meant for run tables) read as run-log choices where
/// those are unset: loss -> logs.metric, N/D/C/budget/unique_tokens -> logs.keys. Pure.
[[nodiscard]] ImportOptions withColumnRolesAsLogOptions(ImportOptions options);

/// The metric a set of runs would use as loss under `options`, and the other metrics logged.
struct MetricChoice {
    std::string metric;               ///< empty when no metric is named like a loss and none was given
    bool detected = false;            ///< true when chosen by name, false when options.metric named it
    std::vector<std::string> metrics; ///< every metric logged by any run, in order of first appearance
};

/// Chooses the loss metric: options.metric when given (Error naming --metric when no run logs
/// it), else a metric named like a loss ("loss", "lm_loss", "eval_loss", "val/loss"; not
/// bounds, min/max or std columns), validation before training, then the one most runs log.
[[nodiscard]] tl::expected<MetricChoice, Error> chooseLossMetric(const std::vector<LoggedRun>& runs,
                                                                 const RunMetadataOptions& options);

/// Turns logged runs into a Sweep: each run keeps one curve, the loss metric's, every point in
/// logged order; its parameters become attributes, with the rows of a join table and the groups
/// of a name pattern added; runs failing options.filters are left out (filterRuns); N, D, C, budget and U come from the run itself, from the keys in
/// options.logs.keys, or from keys named like them (params, n_params, model_size; tokens, train_tokens);
/// per-point tokens from the log, else step × tokensPerStep, and C = 6·N·tokens. Points whose loss,
/// tokens or FLOPs cannot go on a log axis are kept and listed in Sweep::leftOut. Sweep::notes
/// say which metric, keys and join were used and which runs lack N or D. `sourcePath` and
/// `format` become Sweep::sourcePath and Sweep::format; logs.warnings are copied into the notes.
/// Errors (values): no runs; an options.metric, key or join column no run has (naming the option);
/// an unreadable join table (naming it); a bad name pattern; no run with N, tokens or C; cancel.
[[nodiscard]] tl::expected<Sweep, Error> assembleSweep(RunLogs logs, const std::string& sourcePath,
                                                       const std::string& format,
                                                       const ImportOptions& options,
                                                       const Progress& progress = {});

class RunAttributeSources;

/// assembleSweep with the loss metric already chosen and the join and pattern already set up
/// (the folder importer finds its own join table). Same result and errors otherwise.
[[nodiscard]] tl::expected<Sweep, Error> assembleSweep(RunLogs logs, const std::string& sourcePath,
                                                       const std::string& format,
                                                       const ImportOptions& options,
                                                       const MetricChoice& choice,
                                                       const RunAttributeSources& sources,
                                                       const Progress& progress = {});

} // namespace core

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace core {

/// What a column of a per-run metric history is (see RunHistoryImporter).
enum class HistoryColumnKind {
    Step,    ///< the x of every point
    Tokens,  ///< tokens seen so far: the points' token counts, not a series
    Skipped, ///< bookkeeping, not a metric: W&B's _runtime, _timestamp, _wandb.*; pandas' index
    Metric,  ///< any other column: a series when it holds numbers
};

/// Rank of `name` among the step column names _step, step, global_step, trainer/global_step,
/// iteration, iter (case-insensitive; lower is preferred), or -1 when it is not one.
[[nodiscard]] int historyStepRank(std::string_view name);

/// Index of the step column of `columns` (the best-ranked step name, leftmost on a tie), or -1.
[[nodiscard]] int findHistoryStepColumn(const std::vector<std::string>& columns);

/// True for the token-count column names tokens, num_tokens, tokens_seen,
/// num_input_tokens_seen, trainer/tokens (case-insensitive).
[[nodiscard]] bool isHistoryTokensName(std::string_view name);

/// True for columns that are bookkeeping, not metrics: "" (a pandas index), _runtime,
/// _timestamp, and _wandb or anything under it (_wandb.runtime, _wandb/runtime).
[[nodiscard]] bool isHistorySkippedName(std::string_view name);

/// The step names, for messages: "_step, step, global_step, trainer/global_step, iteration, iter".
[[nodiscard]] std::string historyStepNames();

/// How surely `columns` (a header) is a per-run metric history: true when it has a step column,
/// at least one metric column, and no column that core::detectColumns takes as N, D, C or run
/// (a D column named like a token count is allowed: it is the points' tokens here). Pure.
[[nodiscard]] bool looksLikeRunHistory(const std::vector<std::string>& columns);

} // namespace core

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/logs/LoggedRun.h"
#include "core/util/Error.h"

#include <tl/expected.hpp>

#include <string>
#include <vector>

namespace core {

/// Reads one Hugging Face trainer_state.json (transformers' TrainerState, written with NaN
/// unquoted) into a LoggedRun. log_history rows become series: every number in a row except
/// step, epoch, num_input_tokens_seen and total_flos is a point (row's step, value, the row's
/// num_input_tokens_seen as tokens or NaN), so train rows give loss, grad_norm, learning_rate and
/// eval rows eval_loss, eval_runtime, ... The summary row (the one with train_runtime) goes to
/// params as "summary.<key>"; the other top-level scalars (global_step, max_steps,
/// train_batch_size, ...) go to params by name, nested objects '.'-joined. Name: the file's
/// directory, or its parent when that directory is checkpoint-<n> (then param "checkpoint" = n);
/// id: that run directory's path. Stateless; thread-safe.
class HfTrainerStateReader {
public:
    /// Most warnings reported per file; the rest are counted in one last warning.
    static constexpr std::size_t kMaxWarnings = 20;

    /// Errors (naming the file): unreadable, over 256 MiB, empty or invalid JSON (line:column),
    /// not an object, log_history missing or not an array, log_history[i] not an object,
    /// log_history[i].step missing or not a number. A metric value that is not a number (text,
    /// true/false, an object) is skipped with a warning naming log_history[i].<key>.
    [[nodiscard]] static tl::expected<LoggedRun, Error> read(const std::string& path,
                                                             std::vector<std::string>& warnings);
};

} // namespace core

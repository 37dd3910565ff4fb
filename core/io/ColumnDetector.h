// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/data/Role.h"
#include "core/io/ColumnDetection.h"
#include "core/io/ImportOptions.h"
#include "core/util/Error.h"

#include <tl/expected.hpp>

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace core {

/// The column names recognised for `role`, in order of preference (matched case-insensitively):
/// N: N, params, n_params, num_params, "Model Size"; D: D, tokens, n_tokens, train_tokens;
/// C: C, flops, compute, "Training FLOP"; budget: budget; loss: loss, val_loss, eval/loss,
/// eval_loss, train/loss, train/lm_loss; run: run, name, run_id; step: step;
/// unique_tokens: unique_tokens, "unique tokens", U_D, UD.
[[nodiscard]] std::span<const std::string_view> roleAliases(Role role);

/// Index of the column named `name` in `columns`: an exact match first, else a case-insensitive
/// one; -1 when there is none.
[[nodiscard]] int findColumn(const std::vector<std::string>& columns, std::string_view name);

/// "a, b, c": the column names for error messages.
[[nodiscard]] std::string listColumns(const std::vector<std::string>& columns);

/// Assigns roles to the columns of a table. options.columns wins for each role it names; the other
/// roles take the first alias of roleAliases() that is present. A column taken by one role is not
/// offered to another. `unsure` is set (with a note) when there is no loss column, no N/D/C column,
/// or several columns match one role's aliases.
/// Errors: an explicitly named column that does not exist (parameter "--columns", lists the
/// available columns); `file` is only copied into the Error.
[[nodiscard]] tl::expected<ColumnDetection, Error>
detectColumns(const std::vector<std::string>& columns, const ImportOptions& options,
              const std::string& file);

} // namespace core

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/logs/RunLogImporter.h"

#include <string>

namespace core {

/// Reads one run's metric history from one file (id "run-history"): a table with a step column
/// (_step, step, global_step, trainer/global_step, iteration or iter, any case) and metric
/// columns, without run, N, D or C columns. Covers W&B run.history()/scan_history() saved as CSV
/// (_step, _runtime, _timestamp, train/loss, ... with empty cells where a key was not logged),
/// W&B's wandb-history.jsonl (one JSON object per line, bare NaN allowed, nested keys joined with
/// '/'), and plain per-run metric files (e.g. "train/lm_loss<TAB>step"). CSV, TSV or ';' is told
/// by the header line; JSON Lines by the extension .jsonl/.ndjson or a first '{'.
/// Every numeric column but the step is a series with a point wherever its cell is non-empty;
/// _runtime, _timestamp, _wandb.* and an unnamed (pandas index) column are skipped; a column named
/// tokens, num_tokens, tokens_seen, num_input_tokens_seen or trainer/tokens gives the points'
/// token counts. The run's name is the file stem (for wandb-history.jsonl the run directory's
/// name: the parent's, or the grandparent's when the parent is "files"); its id is the file name.
/// Errors (values): unopenable or empty file, no step column, no data rows, a row without a step,
/// a ragged CSV row, invalid JSON (an incomplete last line without newline is skipped with a
/// warning: a file still being written), text in the step, tokens or a numeric column, NUL bytes,
/// "cancelled"; each names the file and line:column. Stateless; safe from several threads at once.
class RunHistoryImporter final : public RunLogImporter {
public:
    [[nodiscard]] std::string_view id() const override { return "run-history"; }
    [[nodiscard]] std::string_view label() const override
    {
        return "Per-run metric history (CSV, TSV, JSON Lines)";
    }
    [[nodiscard]] std::vector<std::string_view> extensions() const override;
    /// For a header (a delimited first line, or the keys of a first JSON object) that
    /// looksLikeRunHistory: 0.95 as CSV/TSV/text (above the generic CSV importer's 0.9), 1.0 as
    /// .jsonl/.ndjson (ties the JSON Lines importer's 1.0; the registry lists this importer first,
    /// and ties go to the first), 0.95 for a '{' file of another or no extension, 0.5 for .json
    /// (a per-run summary importer should win there). 0 for anything else, e.g. a table with
    /// N, D, C or run columns, which the table importers read.
    [[nodiscard]] double sniff(std::string_view path, std::string_view head) const override;
    [[nodiscard]] tl::expected<RunLogs, Error> readLogs(const std::string& path,
                                                        const Progress& progress) const override;

    /// The run name for `path`: the file stem, or for wandb-history.jsonl the run directory's name.
    [[nodiscard]] static std::string runNameFor(const std::string& path);
};

} // namespace core

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/data/Role.h"

#include <map>
#include <string>
#include <vector>

namespace core {

/// Keep rows where `column` equals `value` (or, with equals = false, does not). When both the cell
/// and `value` parse as numbers they are compared as numbers ("1e-3" == "0.001"), else as trimmed text.
struct RowFilter {
    std::string column;
    std::string value;
    bool equals = true;
};

/// How runs read from experiment-tracker logs (TensorBoard, MLflow, W&B, Hugging Face, per-run
/// JSON, folders) get their loss metric, N, D and C. Everything is optional: empty means "detect".
struct RunMetadataOptions {
    /// The metric used as loss, as the log names it ("train/lm_loss", "eval_loss"); empty = detect
    /// (a metric named like a loss, validation before training; Sweep::notes says which).
    std::string metric;
    /// Role (N, D, C, budget, unique_tokens) -> the run parameter or attribute key holding it,
    /// e.g. N -> "model_size", D -> "hyperparameters.tokens". Values like "70m" or "1.4B" are read
    /// with their suffix (k = 1e3, M = 1e6, B/G = 1e9, T = 1e12).
    std::map<Role, std::string> keys;
    /// A regular expression (ECMAScript) searched in each run's name, then its file name, whose
    /// named groups, (?<name>...) or (?P<name>...), become attributes: "N", "D", "C" set those
    /// quantities, any other name (e.g. "seed") an attribute of that name.
    std::string namePattern;
    /// A CSV/TSV table of run attributes to join; empty = in a folder, a table none of whose rows
    /// are runs but one of whose columns names the runs' files or names is used (notes say which).
    std::string joinTable;
    /// The join table's column matched against run names, file names and file stems; empty = the
    /// column that matches the most runs.
    std::string joinColumn;
    /// Training tokens per optimizer step (global batch × sequence length); tokens = step × this
    /// when the log has no token counts. 0 = not given.
    double tokensPerStep = 0;

    bool operator==(const RunMetadataOptions&) const = default;
};

/// How to read a run table. Everything is optional: empty means "detect".
struct ImportOptions {
    std::map<Role, std::string> columns;   ///< explicit role -> column name; overrides detection
    std::vector<RowFilter> filters;        ///< all must hold for a row to be kept
    std::vector<std::string> runKey;       ///< composite run key columns (overrides the run role)
    char delimiter = 0;                    ///< 0 = sniff (',', '\t', ';'); only for delimited text
    RunMetadataOptions logs;               ///< for run logs and folders; ignored by run tables
};

} // namespace core

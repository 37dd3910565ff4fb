// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/logs/LoggedRun.h"
#include "core/util/Error.h"

#include <tl/expected.hpp>

#include <string>
#include <vector>

namespace core {

/// Reads one JSON object describing one finished run (a scaling-law data release's per-model
/// file: name, hyperparameters{params, tokens, ...}, results[{loss, val_data: [path], ...}]).
/// Params: every scalar leaf outside arrays of objects, keyed by its '.'-joined path
/// ("hyperparameters.params", "name"); arrays of at most 20 scalars as one space-joined text
/// param, longer ones (command lines) skipped (see JsonParamFlattener). Metrics: each array of
/// objects at path P gives, for each element labelled L, one point (step NaN, tokens NaN) per
/// numeric leaf K: "P[L].K" ("results[c4_val].loss"); text, true/false and arrays in elements are
/// dropped. The label is the element's first text field among val_data, name, dataset, split,
/// eval_set and task (a one-string array counts as text); for paths the parent directory's name
/// when those are unique within the array ("training/eval_data/c4_val/shard.tar" -> "c4_val"),
/// else the file name, else the whole value; the index when there is no such field or the labels
/// still collide. Run name: the "name" field, else the file stem; run id: the file name.
/// Stateless; thread-safe.
class RunJsonReader {
public:
    /// Errors (naming the file): unreadable, over 256 MiB, empty or invalid JSON (line:column),
    /// not a JSON object (e.g. a top-level array). Warnings: an array element that is not an
    /// object (named "results[3]"), skipped; a run with no metric at all.
    [[nodiscard]] static tl::expected<LoggedRun, Error> read(const std::string& path,
                                                             std::vector<std::string>& warnings);
    /// The labels of an array's elements, as described above (exposed for tests).
    [[nodiscard]] static std::vector<std::string> labelsOf(const std::vector<std::string>& values,
                                                           const std::vector<bool>& present);
};

} // namespace core

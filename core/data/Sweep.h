// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/data/Conventions.h"
#include "core/data/LeftOutRow.h"
#include "core/data/Role.h"
#include "core/data/Run.h"

#include <map>
#include <string>
#include <vector>

namespace core {

/// A sweep of training runs loaded from one file, with how it was read.
/// A value type: copy or move it freely; it owns all its data. Not thread-safe for concurrent writes.
struct Sweep {
    std::string sourcePath;                ///< the file it came from
    std::string format;                    ///< importer id, e.g. "csv", "tsv", "jsonl"
    std::vector<Run> runs;
    Conventions conventions;
    std::map<Role, std::string> roleColumns; ///< which source column got each role
    std::string layout;                      ///< "curves" (several points per run) or "final-loss" (one per run)
    std::vector<std::string> runKeyColumns;  ///< columns that identify a run (empty: one run per row)
    std::vector<LeftOutRow> leftOut;         ///< rows kept but excluded from log plots and fits
    std::vector<std::string> notes;          ///< how the file was read, for the user (e.g. ambiguous roles)

    [[nodiscard]] std::size_t pointCount() const;
    /// Metric name -> total number of points over all runs.
    [[nodiscard]] std::map<std::string, std::size_t> metricPointCounts() const;
};

} // namespace core

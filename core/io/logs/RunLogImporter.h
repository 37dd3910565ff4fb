// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/Importer.h"
#include "core/io/logs/LoggedRun.h"

namespace core {

/// Base of the importers of experiment-tracker logs (TensorBoard, MLflow, W&B, Hugging Face,
/// per-run JSON, per-run metric tables). A subclass only reads runs as logged (readLogs); this
/// class turns them into a Sweep with assembleSweep (loss metric, N, D, C and joins from
/// ImportOptions::logs) and into a preview (one row per run and metric). Stateless and const, so
/// usable from several threads at once, like every Importer.
class RunLogImporter : public Importer {
public:
    /// Reads every run at `path` (a file or a directory, as the format has it), every point kept,
    /// in the order logged. `progress` (may be empty) is called from the calling thread; returning
    /// false cancels (an Error saying so). Errors name the file and the line, column or byte offset.
    [[nodiscard]] virtual tl::expected<RunLogs, Error>
    readLogs(const std::string& path, const Progress& progress) const = 0;

    /// Columns run, metric, points, first step, last step, last value; one row per run and metric
    /// (up to maxRows); detection.roles[Loss] is the metric that would be used as loss.
    [[nodiscard]] tl::expected<TablePreview, Error>
    preview(const std::string& path, const ImportOptions& options, std::size_t maxRows) const override;
    /// readLogs, then assembleSweep (options.logs, and options.filters on run attributes).
    [[nodiscard]] tl::expected<Sweep, Error>
    read(const std::string& path, const ImportOptions& options, const Progress& progress) const override;
};

} // namespace core

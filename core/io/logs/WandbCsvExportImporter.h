// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/logs/RunLogImporter.h"

namespace core {

/// Reads the CSV that a W&B line-plot panel's "Export CSV" writes (id "wandb-csv"): wide format,
/// a first column "Step" and one column per run and metric named "<run> - <metric>", plus
/// "<run> - <metric>__MIN" / "__MAX" for the sampled min/max band. The run name is what precedes
/// the LAST " - " (run names may contain " - "). One LoggedRun per run name (id and name = that
/// name), in order of first appearance; one series per metric ("train/loss", "train/loss__MIN",
/// ...); a point wherever a cell is non-empty (W&B leaves cells of steps a run did not log empty).
/// "NaN" and "inf" are kept as such. Note: W&B samples this export; the full history is in the
/// run's history artifact or run.history() (read those with RunHistoryImporter).
/// Errors (values): unopenable or empty file, a first column other than Step, no data rows, a row
/// with another field count than the header, an empty step, text in a number cell (each at
/// line:column), a NUL byte (binary data), "cancelled". A column that is not "<run> - <metric>"
/// is skipped with a warning. Stateless; safe to use from several threads at once.
class WandbCsvExportImporter final : public RunLogImporter {
public:
    [[nodiscard]] std::string_view id() const override { return "wandb-csv"; }
    [[nodiscard]] std::string_view label() const override { return "W&B chart CSV export"; }
    [[nodiscard]] std::vector<std::string_view> extensions() const override { return {"csv"}; }
    /// 0.97 for a header whose first field is Step (or step, _step) and whose other fields all
    /// contain " - " (above the generic CSV importer's 0.9 and RunHistoryImporter's 0.95); else 0.
    [[nodiscard]] double sniff(std::string_view path, std::string_view head) const override;
    [[nodiscard]] tl::expected<RunLogs, Error> readLogs(const std::string& path,
                                                        const Progress& progress) const override;
};

} // namespace core

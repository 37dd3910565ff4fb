// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/logs/RunLogImporter.h"

namespace core {

/// Reads an MLflow file store (id "mlflow"): an mlruns/ directory, one experiment directory in
/// it, or one run directory. Experiments are named by their meta.yaml; each run directory holds
/// meta.yaml (run_id/run_uuid, run_name, start_time, lifecycle_stage), metrics/<key> (lines
/// "timestamp value step", or legacy "timestamp value" = step 0; a '/' in a key is a
/// subdirectory), params/<key> and tags/<key> (file content = value). Run names come from
/// meta.yaml's run_name, else tags/mlflow.runName, else the run id. Params hold the run's params,
/// its tags as "tags.<key>", "experiment" and "run_id". Skipped: .trash/, models/, and runs and
/// experiments whose lifecycle_stage is "deleted". Run ids are "<experiment>/<run name>"; runs are
/// ordered by experiment id, start time, run id; series by metric name, points in file order.
/// Stateless; safe to use from several threads.
class MlflowFileStoreImporter final : public RunLogImporter {
public:
    [[nodiscard]] std::string_view id() const override { return "mlflow"; }
    [[nodiscard]] std::string_view label() const override { return "MLflow file store (mlruns/)"; }
    /// None: the store is a directory.
    [[nodiscard]] std::vector<std::string_view> extensions() const override { return {}; }
    /// 0: this importer reads directories only.
    [[nodiscard]] double sniff(std::string_view path, std::string_view head) const override;
    /// 0.95 for a directory named mlruns, one whose subdirectories hold experiment meta.yaml files
    /// (experiment_id, no run id), an experiment directory or a run directory; else 0. Reads only
    /// meta.yaml files, of at most 64 subdirectories.
    [[nodiscard]] double sniffDirectory(const std::string& dir) const override;
    /// Errors (naming the file, line and column where there is one): not a directory, not an
    /// MLflow store, no runs, an unreadable or malformed meta.yaml, a malformed metric line,
    /// cancelled. Warnings: a run directory without meta.yaml (skipped), an experiment directory
    /// without meta.yaml (skipped), a param or tag file over 1 MiB (skipped).
    [[nodiscard]] tl::expected<RunLogs, Error> readLogs(const std::string& path,
                                                        const Progress& progress) const override;
};

} // namespace core

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/logs/RunLogImporter.h"

namespace core {

/// Reads an MLflow SQLite tracking store (id "mlflow-sqlite"; extensions db, sqlite, sqlite3),
/// the mlflow.db of `mlflow server --backend-store-uri sqlite:///mlflow.db`, read-only through
/// libsqlite3. Tables (MLflow's dbmodels): runs(run_uuid, name, lifecycle_stage, experiment_id,
/// start_time), experiments(experiment_id, name, lifecycle_stage), metrics(key, value,
/// timestamp, step, is_nan, run_uuid), params(key, value, run_uuid), tags(key, value, run_uuid).
/// Runs and experiments whose lifecycle_stage is "deleted" are skipped. Points are ordered by
/// (timestamp, step, value), the order of MLflow's SqlAlchemyStore.get_metric_history, which is
/// the logged order; is_nan = 1 gives NaN, and ±1.7976931348623157e308 (how MLflow stores ±inf)
/// gives ±inf. Names, ids, params and run order as MlflowFileStoreImporter (run name from
/// runs.name, else the mlflow.runName tag, else the run id). Stateless; safe to use from several
/// threads (one connection per call).
class MlflowSqliteImporter final : public RunLogImporter {
public:
    [[nodiscard]] std::string_view id() const override { return "mlflow-sqlite"; }
    [[nodiscard]] std::string_view label() const override { return "MLflow SQLite store (mlflow.db)"; }
    [[nodiscard]] std::vector<std::string_view> extensions() const override;
    /// 0 unless `head` starts with SQLite's 16-byte magic "SQLite format 3\0"; then 0.95 when the
    /// database opens and has MLflow's tables metrics and runs, else 0.3 (so reading it says why
    /// it is not an MLflow store).
    [[nodiscard]] double sniff(std::string_view path, std::string_view head) const override;
    /// Errors (naming the file; SQLite's message where it has one): not a database, truncated or
    /// corrupt ("database disk image is malformed"), not an MLflow database ("no table
    /// 'metrics'"), a metric value that is not a number (naming the run, metric and step), no
    /// runs, cancelled.
    [[nodiscard]] tl::expected<RunLogs, Error> readLogs(const std::string& path,
                                                        const Progress& progress) const override;
};

} // namespace core

// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/logs/MlflowSqliteImporter.h"

#include "core/io/ProgressThrottle.h"
#include "core/io/logs/MlflowRunRecord.h"
#include "core/io/logs/SqliteDb.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <map>
#include <unordered_map>

namespace core {

namespace {

constexpr std::string_view kMagic{"SQLite format 3\0", 16};
constexpr std::size_t kRowsPerProgress = std::size_t{1} << 16;

bool contains(const std::vector<std::string>& names, std::string_view name)
{
    return std::find(names.begin(), names.end(), name) != names.end();
}

/// `column` when the table has it, else `fallback` (an SQL literal).
std::string columnOr(const std::vector<std::string>& columns, const char* column, const char* fallback)
{
    return contains(columns, column) ? std::string(column) : std::string(fallback);
}

Error dbError(const std::string& path, std::string message)
{
    return Error::at(path, 0, 0, std::move(message));
}

struct Experiment {
    std::string name;
    bool deleted = false;
};

tl::expected<std::map<std::string, Experiment>, Error> readExperiments(const SqliteDb& db,
                                                                      const std::vector<std::string>& tables)
{
    std::map<std::string, Experiment> experiments;
    if (!contains(tables, "experiments"))
        return experiments;
    auto columns = db.columns("experiments");
    if (!columns)
        return tl::unexpected(columns.error());
    if (!contains(*columns, "experiment_id"))
        return experiments;
    auto q = db.prepare("SELECT experiment_id, " + columnOr(*columns, "name", "NULL") + ", "
                        + columnOr(*columns, "lifecycle_stage", "NULL") + " FROM experiments");
    if (!q)
        return tl::unexpected(q.error());
    for (;;) {
        auto row = q->step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            return experiments;
        experiments[q->text(0)] = Experiment{q->text(1), q->text(2) == "deleted"};
    }
}

/// Reads params or tags (`table`) into the runs' params; tags get the prefix "tags." and set
/// the run name from mlflow.runName when the run has none.
tl::expected<void, Error> readKeyValues(const SqliteDb& db, const std::string& table,
                                        const std::unordered_map<std::string, std::size_t>& index,
                                        std::vector<MlflowRunRecord>& records)
{
    auto q = db.prepare("SELECT run_uuid, key, value FROM " + table);
    if (!q)
        return tl::unexpected(q.error());
    const bool tags = table == "tags";
    for (;;) {
        auto row = q->step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            return {};
        const auto it = index.find(q->text(0));
        if (it == index.end())
            continue;
        MlflowRunRecord& r = records[it->second];
        const std::string key = q->text(1);
        const std::string value = q->text(2);
        if (tags && key == "mlflow.runName" && r.run.name.empty())
            r.run.name = value;
        r.run.params[tags ? "tags." + key : key] = mlflowParamValue(value);
    }
}

/// Reads the metrics table into the runs' series, in MLflow's history order.
tl::expected<void, Error> readMetrics(const SqliteDb& db,
                                      const std::unordered_map<std::string, std::size_t>& index,
                                      std::vector<MlflowRunRecord>& records, const Progress& progress)
{
    const std::string& path = db.path();
    auto columns = db.columns("metrics");
    if (!columns)
        return tl::unexpected(columns.error());
    for (const char* required : {"run_uuid", "key", "value"})
        if (!contains(*columns, required))
            return tl::unexpected(dbError(path, std::string("not an MLflow database: table 'metrics' has no column '")
                                                    + required + "'"));
    const std::string timestamp = columnOr(*columns, "timestamp", "0");
    const std::string step = columnOr(*columns, "step", "0");
    auto q = db.prepare("SELECT run_uuid, key, value, " + step + ", " + columnOr(*columns, "is_nan", "0")
                        + " FROM metrics ORDER BY run_uuid, " + timestamp + ", " + step + ", value");
    if (!q)
        return tl::unexpected(q.error());
    constexpr double kMax = std::numeric_limits<double>::max();
    constexpr double kInf = std::numeric_limits<double>::infinity();
    std::string currentRun;
    MlflowRunRecord* run = nullptr;
    std::unordered_map<std::string, std::size_t> seriesIndex;
    std::size_t runsSeen = 0;
    for (std::size_t rows = 1;; ++rows) {
        auto row = q->step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            return {};
        if (rows % kRowsPerProgress == 0 && progress
            && !progress(double(runsSeen) / double(std::max<std::size_t>(records.size(), 1))))
            return tl::unexpected(ProgressThrottle::cancelled(path));
        std::string runId = q->text(0);
        if (runId != currentRun || rows == 1) {
            currentRun = std::move(runId);
            const auto it = index.find(currentRun);
            run = it != index.end() ? &records[it->second] : nullptr;
            seriesIndex.clear();
            if (run != nullptr)
                ++runsSeen;
        }
        if (run == nullptr)
            continue; // a deleted run, or one of a deleted experiment
        std::string key = q->text(1);
        auto [slot, added] = seriesIndex.try_emplace(key, run->run.series.size());
        if (added) {
            run->run.series.emplace_back();
            run->run.series.back().metric = std::move(key);
        }
        LoggedSeries& series = run->run.series[slot->second];
        const std::optional<double> s = q->isNull(3) ? std::optional<double>(0.0) : q->number(3);
        const std::optional<double> nan = q->isNull(4) ? std::optional<double>(0.0) : q->number(4);
        std::optional<double> v = q->number(2);
        const std::string where = "table metrics, run " + currentRun + ", metric '" + series.metric + "'";
        if (!s)
            return tl::unexpected(dbError(path, where + ": step is not a number: '" + q->text(3) + "'"));
        if (nan && *nan != 0)
            v = std::numeric_limits<double>::quiet_NaN();
        else if (!v)
            return tl::unexpected(dbError(path, where + ", step " + q->text(3)
                                                    + ": value is not a number: '" + q->text(2) + "'"));
        else if (*v == kMax || *v == -kMax)
            v = *v > 0 ? kInf : -kInf;
        series.append(*s, *v);
    }
}

} // namespace

std::vector<std::string_view> MlflowSqliteImporter::extensions() const
{
    return {"db", "sqlite", "sqlite3"};
}

double MlflowSqliteImporter::sniff(std::string_view path, std::string_view head) const
{
    if (head.size() < kMagic.size() || head.substr(0, kMagic.size()) != kMagic)
        return 0.0;
    auto db = SqliteDb::openReadOnly(std::string(path));
    if (!db)
        return 0.3;
    auto tables = db->tables();
    if (tables && contains(*tables, "metrics") && contains(*tables, "runs"))
        return 0.95;
    return 0.3;
}

tl::expected<RunLogs, Error> MlflowSqliteImporter::readLogs(const std::string& path,
                                                            const Progress& progress) const
{
    auto db = SqliteDb::openReadOnly(path);
    if (!db)
        return tl::unexpected(db.error());
    auto tables = db->tables();
    if (!tables)
        return tl::unexpected(tables.error());
    for (const char* required : {"metrics", "runs"})
        if (!contains(*tables, required))
            return tl::unexpected(dbError(path, std::string("not an MLflow database: no table '") + required + "'"));
    auto experiments = readExperiments(*db, *tables);
    if (!experiments)
        return tl::unexpected(experiments.error());

    auto columns = db->columns("runs");
    if (!columns)
        return tl::unexpected(columns.error());
    if (!contains(*columns, "run_uuid"))
        return tl::unexpected(dbError(path, "not an MLflow database: table 'runs' has no column 'run_uuid'"));
    auto q = db->prepare("SELECT run_uuid, " + columnOr(*columns, "name", "NULL") + ", "
                         + columnOr(*columns, "lifecycle_stage", "NULL") + ", "
                         + columnOr(*columns, "experiment_id", "NULL") + ", "
                         + columnOr(*columns, "start_time", "NULL") + " FROM runs");
    if (!q)
        return tl::unexpected(q.error());
    std::vector<MlflowRunRecord> records;
    std::unordered_map<std::string, std::size_t> index;
    for (;;) {
        auto row = q->step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            break;
        if (q->text(2) == "deleted")
            continue;
        MlflowRunRecord r;
        r.runId = q->text(0);
        r.experimentId = q->text(3);
        const auto e = experiments->find(r.experimentId);
        if (e != experiments->end() && e->second.deleted)
            continue;
        r.experimentName = e != experiments->end() && !e->second.name.empty() ? e->second.name : r.experimentId;
        r.run.name = q->text(1);
        r.run.source = path;
        r.run.format = "mlflow-sqlite";
        if (const auto t = q->number(4))
            r.startTime = *t;
        index.emplace(r.runId, records.size());
        records.push_back(std::move(r));
    }
    if (records.empty())
        return tl::unexpected(dbError(path, "no runs: the database has no runs that are not deleted"));
    for (const char* table : {"params", "tags"})
        if (contains(*tables, table))
            if (auto read = readKeyValues(*db, table, index, records); !read)
                return tl::unexpected(read.error());
    if (auto read = readMetrics(*db, index, records, progress); !read)
        return tl::unexpected(read.error());
    if (progress && !progress(1.0))
        return tl::unexpected(ProgressThrottle::cancelled(path));
    RunLogs logs;
    logs.runs = orderMlflowRuns(std::move(records));
    return logs;
}

} // namespace core

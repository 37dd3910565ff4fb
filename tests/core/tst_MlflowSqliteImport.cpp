// SPDX-License-Identifier: GPL-3.0-or-later
// The MLflow SQLite importer (issue 6, item 2): an mlflow.db written here with the sqlite3 C API
// and MLflow's table and column names (experiments, runs, metrics with is_nan, params, tags),
// rows inserted out of order, a deleted run, a run of a deleted experiment, NaN as is_nan = 1 and
// -inf as MLflow stores it (-DBL_MAX); every point compared exactly; corrupt variants (truncated
// copies, overwritten pages, random bytes after the SQLite magic, another SQLite database) give
// errors naming the file with SQLite's message; and the whole path through core::importFile.
#include "core/LogTestUtil.h"
#include "core/io/Importers.h"
#include "core/io/logs/MlflowSqliteImporter.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

#include <cmath>
#include <cstdint>
#include <fstream>
#include <initializer_list>
#include <limits>
#include <string>
#include <string_view>
#include <variant>

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

const char* const kSchema = R"SQL(
CREATE TABLE experiments (
    experiment_id INTEGER NOT NULL, name VARCHAR(256) NOT NULL, artifact_location VARCHAR(256),
    lifecycle_stage VARCHAR(32), creation_time BIGINT, last_update_time BIGINT,
    CONSTRAINT experiment_pk PRIMARY KEY (experiment_id), UNIQUE (name));
CREATE TABLE runs (
    run_uuid VARCHAR(32) NOT NULL, name VARCHAR(250), source_type VARCHAR(20),
    source_name VARCHAR(500), entry_point_name VARCHAR(50), user_id VARCHAR(256),
    status VARCHAR(9), start_time BIGINT, end_time BIGINT, deleted_time BIGINT,
    source_version VARCHAR(50), lifecycle_stage VARCHAR(20), artifact_uri VARCHAR(200),
    experiment_id INTEGER, CONSTRAINT run_pk PRIMARY KEY (run_uuid),
    FOREIGN KEY(experiment_id) REFERENCES experiments (experiment_id));
CREATE TABLE metrics (
    key VARCHAR(250) NOT NULL, value FLOAT NOT NULL, timestamp BIGINT NOT NULL,
    run_uuid VARCHAR(32) NOT NULL, step BIGINT DEFAULT '0' NOT NULL,
    is_nan BOOLEAN DEFAULT '0' NOT NULL,
    CONSTRAINT metric_pk PRIMARY KEY (key, timestamp, step, run_uuid, value, is_nan),
    FOREIGN KEY(run_uuid) REFERENCES runs (run_uuid));
CREATE INDEX index_metrics_run_uuid ON metrics (run_uuid);
CREATE TABLE params (
    key VARCHAR(250) NOT NULL, value VARCHAR(8000) NOT NULL, run_uuid VARCHAR(32) NOT NULL,
    CONSTRAINT param_pk PRIMARY KEY (key, run_uuid), FOREIGN KEY(run_uuid) REFERENCES runs (run_uuid));
CREATE TABLE tags (
    key VARCHAR(250) NOT NULL, value VARCHAR(5000), run_uuid VARCHAR(32) NOT NULL,
    CONSTRAINT tag_pk PRIMARY KEY (key, run_uuid), FOREIGN KEY(run_uuid) REFERENCES runs (run_uuid));
)SQL";

struct Metric {
    const char* run;
    const char* key;
    double value;
    std::int64_t timestamp;
    std::int64_t step;
    int isNan;
};

/// Writes an MLflow database; values are bound as doubles, so they are stored exactly.
class DbWriter {
public:
    explicit DbWriter(const std::string& path)
    {
        sqlite3_open_v2(path.c_str(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    }
    ~DbWriter() { sqlite3_close_v2(m_db); }
    DbWriter(const DbWriter&) = delete;
    DbWriter& operator=(const DbWriter&) = delete;

    bool exec(const std::string& sql)
    {
        return sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
    }
    bool metric(const Metric& m)
    {
        sqlite3_stmt* s = nullptr;
        sqlite3_prepare_v2(m_db, "INSERT INTO metrics (key, value, timestamp, run_uuid, step, is_nan) "
                                 "VALUES (?, ?, ?, ?, ?, ?)", -1, &s, nullptr);
        sqlite3_bind_text(s, 1, m.key, -1, SQLITE_TRANSIENT);
        sqlite3_bind_double(s, 2, m.value);
        sqlite3_bind_int64(s, 3, m.timestamp);
        sqlite3_bind_text(s, 4, m.run, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(s, 5, m.step);
        sqlite3_bind_int(s, 6, m.isNan);
        const bool ok = sqlite3_step(s) == SQLITE_DONE;
        sqlite3_finalize(s);
        return ok;
    }

private:
    sqlite3* m_db = nullptr;
};

using logtest::number;
using logtest::path;
using logtest::readAll;
using logtest::text;
using logtest::why;

void writeAll(const std::string& file, std::string_view bytes)
{
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

/// Two live experiments and a deleted one; runs small and large (experiment 0), tiny
/// (experiment 3), a deleted run and a live run of the deleted experiment.
bool writeStore(const std::string& file)
{
    DbWriter db(file);
    bool ok = db.exec(kSchema);
    ok = ok && db.exec(R"SQL(
INSERT INTO experiments VALUES (0, 'Default', 'file:///m/0', 'active', 1, 1);
INSERT INTO experiments VALUES (3, 'sweep', 'file:///m/3', 'active', 1, 1);
INSERT INTO experiments VALUES (4, 'old', 'file:///m/4', 'deleted', 1, 1);
INSERT INTO runs (run_uuid, name, status, start_time, lifecycle_stage, experiment_id)
  VALUES ('ccc', 'tiny', 'FINISHED', 500, 'active', 3),
         ('bbb', '', 'FAILED', 2000, 'active', 0),
         ('aaa', 'small', 'FINISHED', 1000, 'active', 0),
         ('ddd', 'gone', 'FINISHED', 1500, 'deleted', 0),
         ('eee', 'orphan', 'FINISHED', 1, 'active', 4);
INSERT INTO params VALUES ('n_params', '1000000', 'aaa'), ('lr', '0.0003', 'aaa'),
  ('optimizer', 'adamw', 'aaa'), ('n_params', '70M', 'bbb'), ('n_params', '5', 'ddd');
INSERT INTO tags VALUES ('mlflow.runName', 'small', 'aaa'), ('mlflow.user', 'root', 'aaa'),
  ('mlflow.runName', 'large', 'bbb');
)SQL");
    // Inserted out of order; MLflow's history order is (timestamp, step, value).
    for (const Metric& m : {Metric{"aaa", "loss", 1.0, 400, 30, 0}, Metric{"aaa", "eval/loss", 1.5, 250, 5, 0},
                            Metric{"aaa", "loss", 0.0, 300, 20, 1}, Metric{"aaa", "loss", 2.5, 100, 0, 0},
                            Metric{"aaa", "loss", 1.1, 400, 25, 0}, Metric{"aaa", "eval/loss", 3.0, 150, 0, 0},
                            Metric{"aaa", "loss", 1.25, 200, 10, 0},
                            Metric{"bbb", "loss", -1.7976931348623157e308, 20, 5, 0},
                            Metric{"bbb", "loss", 2.0, 10, 0, 0}, Metric{"ccc", "train/lm_loss", 0.1, 1, 1, 0},
                            Metric{"ddd", "loss", 9.0, 1, 0, 0}, Metric{"eee", "loss", 8.0, 1, 0, 0}})
        ok = ok && db.metric(m);
    return ok;
}

} // namespace

class TestMlflowSqliteImport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void readsTheDatabase()
    {
        QTemporaryDir dir;
        const std::string db = path(dir, "mlflow.db");
        QVERIFY(writeStore(db));
        const core::MlflowSqliteImporter importer;
        const auto logs = importer.readLogs(db, {});
        QVERIFY2(logs.has_value(), why(logs).c_str());
        QVERIFY(logs->warnings.empty());
        QCOMPARE(logs->runs.size(), std::size_t{3});
        const core::LoggedRun& small = logs->runs[0];
        const core::LoggedRun& large = logs->runs[1];
        const core::LoggedRun& tiny = logs->runs[2];
        QCOMPARE(small.id, std::string("Default/small"));
        QCOMPARE(large.id, std::string("Default/large")); // runs.name empty: the mlflow.runName tag
        QCOMPARE(tiny.id, std::string("sweep/tiny"));
        QCOMPARE(large.name, std::string("large"));
        QCOMPARE(small.format, std::string("mlflow-sqlite"));
        QCOMPARE(small.source, db);

        // Series in order of first appearance; points by (timestamp, step, value); is_nan = NaN.
        QCOMPARE(small.series.size(), std::size_t{2});
        QCOMPARE(small.series[0].metric, std::string("loss"));
        VERIFY_VALUES(small.series[0].step, 0.0, 10.0, 20.0, 25.0, 30.0);
        VERIFY_VALUES(small.series[0].value, 2.5, 1.25, kNaN, 1.1, 1.0);
        VERIFY_VALUES(small.series[0].tokens, kNaN, kNaN, kNaN, kNaN, kNaN);
        QCOMPARE(small.series[1].metric, std::string("eval/loss"));
        VERIFY_VALUES(small.series[1].step, 0.0, 5.0);
        VERIFY_VALUES(small.series[1].value, 3.0, 1.5);
        QCOMPARE(large.series.size(), std::size_t{1});
        VERIFY_VALUES(large.series[0].step, 0.0, 5.0);
        VERIFY_VALUES(large.series[0].value, 2.0, -kInf); // MLflow stores -inf as -DBL_MAX
        QCOMPARE(tiny.series.size(), std::size_t{1});
        VERIFY_VALUES(tiny.series[0].step, 1.0);
        VERIFY_VALUES(tiny.series[0].value, 0.1);

        QCOMPARE(number(small.params.at("n_params")), 1e6);
        QCOMPARE(number(small.params.at("lr")), 0.0003);
        QCOMPARE(text(small.params.at("optimizer")), std::string("adamw"));
        QCOMPARE(text(small.params.at("tags.mlflow.runName")), std::string("small"));
        QCOMPARE(text(small.params.at("tags.mlflow.user")), std::string("root"));
        QCOMPARE(text(small.params.at("experiment")), std::string("Default"));
        QCOMPARE(text(small.params.at("run_id")), std::string("aaa"));
        QCOMPARE(small.params.size(), std::size_t{7});
        QCOMPARE(text(large.params.at("n_params")), std::string("70M"));
        QCOMPARE(text(tiny.params.at("experiment")), std::string("sweep"));

        // Read-only: nothing written beside the database.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1);
    }

    void walDatabaseLeavesNoFilesBehind()
    {
        QTemporaryDir dir;
        const std::string db = path(dir, "mlflow.db");
        {
            DbWriter w(db);
            QVERIFY(w.exec("PRAGMA journal_mode=WAL;"));
        }
        QVERIFY(writeStore(db));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1); // checkpointed on close
        const core::MlflowSqliteImporter importer;
        const auto logs = importer.readLogs(db, {});
        QVERIFY2(logs.has_value(), why(logs).c_str());
        QCOMPARE(logs->runs.size(), std::size_t{3});
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1); // no -wal or -shm left
    }

    void sniffsTheMagicAndTheTables()
    {
        QTemporaryDir dir;
        const std::string db = path(dir, "mlflow.db");
        QVERIFY(writeStore(db));
        const std::string bytes = readAll(db);
        const core::MlflowSqliteImporter importer;
        QCOMPARE(importer.sniff(db, std::string_view(bytes).substr(0, 4096)), 0.95);
        QCOMPARE(importer.sniff(db, "SQLite format 3"), 0.0); // 15 bytes: no NUL yet
        QCOMPARE(importer.sniff(path(dir, "x.csv"), "a,b\n1,2\n"), 0.0);
        const std::string other = path(dir, "other.db");
        {
            DbWriter w(other);
            QVERIFY(w.exec("CREATE TABLE t (a INTEGER); INSERT INTO t VALUES (1);"));
        }
        QCOMPARE(importer.sniff(other, readAll(other)), 0.3);
        const auto logs = importer.readLogs(other, {});
        QVERIFY(!logs.has_value());
        QCOMPARE(logs.error().file, other);
        QCOMPARE(logs.error().message, std::string("not an MLflow database: no table 'metrics'"));
        const auto chosen = core::importerFor(db);
        QVERIFY2(chosen.has_value(), why(chosen).c_str());
        QCOMPARE((*chosen)->id(), std::string_view("mlflow-sqlite"));
    }

    void truncatedCopiesAreErrors()
    {
        QTemporaryDir dir;
        const std::string db = path(dir, "mlflow.db");
        QVERIFY(writeStore(db));
        const std::string bytes = readAll(db);
        QVERIFY(bytes.size() >= 4 * 4096);
        const core::MlflowSqliteImporter importer;
        for (std::size_t keep : {std::size_t{100}, std::size_t{4096}, bytes.size() / 2, bytes.size() - 1}) {
            const std::string cut = path(dir, "cut.db");
            writeAll(cut, std::string_view(bytes).substr(0, keep));
            const auto logs = importer.readLogs(cut, {});
            QVERIFY2(!logs.has_value(), qPrintable(QString::number(keep)));
            QCOMPARE(logs.error().file, cut);
            QVERIFY2(logs.error().message.starts_with("truncated SQLite database: its header says "),
                     logs.error().message.c_str());
            QVERIFY(logs.error().message.ends_with("the file has " + std::to_string(keep) + " bytes"));
        }
        // Shorter than the 100-byte header: SQLite's own message.
        const std::string stub = path(dir, "stub.db");
        writeAll(stub, std::string_view(bytes).substr(0, 50));
        const auto logs = importer.readLogs(stub, {});
        QVERIFY(!logs.has_value());
        QCOMPARE(logs.error().file, stub);
        QVERIFY2(logs.error().message.starts_with("SQLite: "), logs.error().message.c_str());
    }

    void overwrittenPagesAreErrors()
    {
        QTemporaryDir dir;
        const std::string db = path(dir, "mlflow.db");
        QVERIFY(writeStore(db));
        std::string bytes = readAll(db);
        for (std::size_t i = 4096; i < bytes.size(); ++i)
            bytes[i] = static_cast<char>(0xA5 ^ (i * 131));
        const std::string bad = path(dir, "bad.db");
        writeAll(bad, bytes);
        const core::MlflowSqliteImporter importer;
        const auto logs = importer.readLogs(bad, {});
        QVERIFY(!logs.has_value());
        QCOMPARE(logs.error().file, bad);
        QCOMPARE(logs.error().message, std::string("SQLite: database disk image is malformed"));
    }

    void randomBytesAfterTheMagicAreAnError()
    {
        QTemporaryDir dir;
        std::string bytes("SQLite format 3\0", 16);
        std::uint32_t x = 12345;
        while (bytes.size() < 8192) {
            x = x * 1664525u + 1013904223u;
            bytes += static_cast<char>(x >> 24);
        }
        const std::string file = path(dir, "random.db");
        writeAll(file, bytes);
        const core::MlflowSqliteImporter importer;
        QCOMPARE(importer.sniff(file, bytes), 0.3);
        const auto logs = importer.readLogs(file, {});
        QVERIFY(!logs.has_value());
        QCOMPARE(logs.error().file, file);
        QCOMPARE(logs.error().message, std::string("SQLite: file is not a database"));
        const auto missing = importer.readLogs(path(dir, "missing.db"), {});
        QVERIFY(!missing.has_value());
        QCOMPARE(missing.error().file, path(dir, "missing.db"));
    }

    void textInAValueIsAnError()
    {
        QTemporaryDir dir;
        const std::string db = path(dir, "mlflow.db");
        QVERIFY(writeStore(db));
        {
            DbWriter w(db);
            QVERIFY(w.exec("INSERT INTO metrics VALUES ('loss', 'abc', 500, 'aaa', 40, 0);"));
        }
        const core::MlflowSqliteImporter importer;
        const auto logs = importer.readLogs(db, {});
        QVERIFY(!logs.has_value());
        QCOMPARE(logs.error().file, db);
        QCOMPARE(logs.error().message,
                 std::string("table metrics, run aaa, metric 'loss', step 40: value is not a number: 'abc'"));
    }

    void noLiveRunsIsAnError()
    {
        QTemporaryDir dir;
        const std::string db = path(dir, "mlflow.db");
        {
            DbWriter w(db);
            QVERIFY(w.exec(kSchema));
            QVERIFY(w.exec("INSERT INTO experiments VALUES (0, 'Default', '', 'active', 1, 1);"
                           "INSERT INTO runs (run_uuid, name, lifecycle_stage, experiment_id) "
                           "VALUES ('x', 'x', 'deleted', 0);"));
        }
        const core::MlflowSqliteImporter importer;
        const auto logs = importer.readLogs(db, {});
        QVERIFY(!logs.has_value());
        QVERIFY(logs.error().message.starts_with("no runs"));
    }

    void throughImportFile()
    {
        QTemporaryDir dir;
        const std::string db = path(dir, "mlflow.db");
        {
            DbWriter w(db);
            QVERIFY(w.exec(kSchema));
            QVERIFY(w.exec("INSERT INTO experiments VALUES (0, 'Default', '', 'active', 1, 1);"
                           "INSERT INTO runs (run_uuid, name, start_time, lifecycle_stage, experiment_id) "
                           "VALUES ('r1', 'one', 1, 'active', 0), ('r2', 'two', 2, 'active', 0);"
                           "INSERT INTO params VALUES ('n_params', '1000000', 'r1'), ('n_params', '1000000', 'r2');"));
            for (const Metric& m : {Metric{"r1", "val/loss", 3.5, 1, 100, 0}, Metric{"r1", "val/loss", 3.25, 2, 200, 0},
                                    Metric{"r2", "val/loss", 3.0, 1, 100, 0}})
                QVERIFY(w.metric(m));
        }
        core::ImportOptions options;
        options.logs.tokensPerStep = 1000;
        const auto sweep = core::importFile(db, options);
        QVERIFY2(sweep.has_value(), why(sweep).c_str());
        QCOMPARE(sweep->format, std::string("mlflow-sqlite"));
        QCOMPARE(sweep->runs.size(), std::size_t{2});
        QCOMPARE(sweep->runs[0].id, std::string("Default/one"));
        for (const core::Run& run : sweep->runs)
            QCOMPARE(run.N, 1e6);
        QCOMPARE(sweep->pointCount(), std::size_t{3});
        QCOMPARE(sweep->runs[0].finalValue(), 3.25);
        QCOMPARE(sweep->runs[1].finalValue(), 3.0);
    }
};

QTEST_GUILESS_MAIN(TestMlflowSqliteImport)
#include "tst_MlflowSqliteImport.moc"

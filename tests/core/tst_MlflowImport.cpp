// SPDX-License-Identifier: GPL-3.0-or-later
// The MLflow file-store importer (issue 6, item 2): a byte-exact mlruns/ tree with two
// experiments, runs named in meta.yaml or by the mlflow.runName tag, a nested metric key, a legacy
// two-field line, nan and -inf values, a deleted run, a .trash experiment and a models/ folder;
// every point compared exactly; corrupt variants (text in a value field, too many fields, a run
// without meta.yaml, a bad meta.yaml, NUL bytes, an empty store) give errors or warnings naming
// the file, line and column; and the whole path through core::importFile with N from the
// n_params param.
#include "core/LogTestUtil.h"
#include "core/io/Importers.h"
#include "core/io/logs/MlflowFileStoreImporter.h"
#include "core/io/logs/MlflowMetricFile.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <initializer_list>
#include <limits>
#include <string>
#include <string_view>
#include <variant>

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

using logtest::number;
using logtest::path;
using logtest::text;
using logtest::why;

std::string put(const QTemporaryDir& dir, const std::string& name, std::string_view bytes)
{
    return logtest::writeFile(dir, QString::fromStdString(name), bytes);
}

std::string experimentMeta(const std::string& id, const std::string& nameLine)
{
    return "artifact_location: file:///tmp/mlruns/" + id + "\ncreation_time: 1700000000000\n"
           "experiment_id: '" + id + "'\nlast_update_time: 1700000000000\nlifecycle_stage: active\n"
           + nameLine + "\n";
}

std::string runMeta(const std::string& exp, const std::string& id, const std::string& nameLine,
                    const std::string& start, const std::string& stage = "active")
{
    return "artifact_uri: file:///tmp/mlruns/" + exp + "/" + id + "/artifacts\nend_time: null\n"
           "entry_point_name: ''\nexperiment_id: '" + exp + "'\nlifecycle_stage: " + stage + "\n"
           "run_id: " + id + "\n" + nameLine + "run_uuid: " + id + "\nsource_name: ''\nsource_type: 4\n"
           "source_version: ''\nstart_time: " + start + "\nstatus: 3\ntags: []\nuser_id: root\n";
}

/// Two experiments ("Default" = 0, "scaling: sweep" = 7), three live runs, one deleted run, a
/// .trash experiment with a run and a models/ folder.
void writeStore(const QTemporaryDir& dir)
{
    put(dir, "mlruns/0/meta.yaml", experimentMeta("0", "name: Default"));
    // Run "small": named in meta.yaml; nested key eval/loss with a legacy two-field line; nan.
    put(dir, "mlruns/0/a1b2/meta.yaml", runMeta("0", "a1b2", "run_name: small\n", "1700000001000"));
    put(dir, "mlruns/0/a1b2/metrics/loss",
        "1700000001100 2.5 0\n1700000001200 1.25 10\n1700000001300 nan 20\n");
    put(dir, "mlruns/0/a1b2/metrics/eval/loss", "1700000001150 3.0 0\n1700000001250 1.5\n");
    put(dir, "mlruns/0/a1b2/params/n_params", "1000000");
    put(dir, "mlruns/0/a1b2/params/lr", "0.0003");
    put(dir, "mlruns/0/a1b2/params/optimizer", "adamw");
    put(dir, "mlruns/0/a1b2/tags/mlflow.runName", "small");
    put(dir, "mlruns/0/a1b2/tags/mlflow.user", "root");
    // Run "large": no run_name in meta.yaml (older MLflow), named by the tag; started later.
    put(dir, "mlruns/0/c3d4/meta.yaml", runMeta("0", "c3d4", "", "1700000002000"));
    put(dir, "mlruns/0/c3d4/metrics/loss", "1700000002100 2.0 0\r\n1700000002200 -inf 5\r\n");
    put(dir, "mlruns/0/c3d4/params/n_params", "70M");
    put(dir, "mlruns/0/c3d4/tags/mlflow.runName", "large");
    // A deleted run: skipped.
    put(dir, "mlruns/0/dead/meta.yaml", runMeta("0", "dead", "run_name: gone\n", "1700000000500", "deleted"));
    put(dir, "mlruns/0/dead/metrics/loss", "1 9.0 0\n");
    // Experiment 7, quoted name; its run started before the others but sorts after experiment 0.
    put(dir, "mlruns/7/meta.yaml", experimentMeta("7", "name: 'scaling: sweep'"));
    put(dir, "mlruns/7/e5f6/meta.yaml", runMeta("7", "e5f6", "run_name: \"tiny\"\n", "1600000000000"));
    put(dir, "mlruns/7/e5f6/metrics/train/lm_loss", "1600000000100 0.5 1\n1600000000200 1e-05 2\n");
    put(dir, "mlruns/7/tags/mlflow.note.content", "experiment tag, not a run");
    // Deleted experiments and the model registry: skipped.
    put(dir, "mlruns/.trash/9/meta.yaml", experimentMeta("9", "name: old"));
    put(dir, "mlruns/.trash/9/f0f0/meta.yaml", runMeta("9", "f0f0", "run_name: trashed\n", "1"));
    put(dir, "mlruns/models/m1/meta.yaml", "name: m1\n");
}

} // namespace

class TestMlflowImport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void readsTheStore()
    {
        QTemporaryDir dir;
        writeStore(dir);
        const core::MlflowFileStoreImporter importer;
        const auto logs = importer.readLogs(path(dir, "mlruns"), {});
        QVERIFY2(logs.has_value(), why(logs).c_str());
        QVERIFY2(logs->warnings.empty(), logs->warnings.empty() ? "" : logs->warnings.front().c_str());
        QCOMPARE(logs->runs.size(), std::size_t{3});
        const core::LoggedRun& small = logs->runs[0];
        const core::LoggedRun& large = logs->runs[1];
        const core::LoggedRun& tiny = logs->runs[2];
        QCOMPARE(small.id, std::string("Default/small"));
        QCOMPARE(large.id, std::string("Default/large"));
        QCOMPARE(tiny.id, std::string("scaling: sweep/tiny"));
        QCOMPARE(small.name, std::string("small"));
        QCOMPARE(large.name, std::string("large"));
        QCOMPARE(tiny.name, std::string("tiny"));
        QCOMPARE(small.format, std::string("mlflow"));
        QVERIFY(small.source.ends_with("mlruns/0/a1b2"));

        // Series in metric-name order; points in file order; legacy line = step 0.
        QCOMPARE(small.series.size(), std::size_t{2});
        QCOMPARE(small.series[0].metric, std::string("eval/loss"));
        VERIFY_VALUES(small.series[0].step, 0.0, 0.0);
        VERIFY_VALUES(small.series[0].value, 3.0, 1.5);
        VERIFY_VALUES(small.series[0].tokens, kNaN, kNaN);
        QCOMPARE(small.series[1].metric, std::string("loss"));
        VERIFY_VALUES(small.series[1].step, 0.0, 10.0, 20.0);
        VERIFY_VALUES(small.series[1].value, 2.5, 1.25, kNaN);
        QCOMPARE(large.series.size(), std::size_t{1});
        VERIFY_VALUES(large.series[0].step, 0.0, 5.0);
        VERIFY_VALUES(large.series[0].value, 2.0, -kInf);
        QCOMPARE(tiny.series.size(), std::size_t{1});
        QCOMPARE(tiny.series[0].metric, std::string("train/lm_loss"));
        VERIFY_VALUES(tiny.series[0].step, 1.0, 2.0);
        VERIFY_VALUES(tiny.series[0].value, 0.5, 1e-05);

        // Params: numbers as numbers, text as text, tags prefixed, experiment and run id added.
        QCOMPARE(number(small.params.at("n_params")), 1e6);
        QCOMPARE(number(small.params.at("lr")), 0.0003);
        QCOMPARE(text(small.params.at("optimizer")), std::string("adamw"));
        QCOMPARE(text(small.params.at("tags.mlflow.runName")), std::string("small"));
        QCOMPARE(text(small.params.at("tags.mlflow.user")), std::string("root"));
        QCOMPARE(text(small.params.at("experiment")), std::string("Default"));
        QCOMPARE(text(small.params.at("run_id")), std::string("a1b2"));
        QCOMPARE(small.params.size(), std::size_t{7});
        QCOMPARE(text(large.params.at("n_params")), std::string("70M"));
        QCOMPARE(text(tiny.params.at("experiment")), std::string("scaling: sweep"));
        QCOMPARE(text(tiny.params.at("run_id")), std::string("e5f6"));
    }

    void readsOneExperimentOrOneRun()
    {
        QTemporaryDir dir;
        writeStore(dir);
        const core::MlflowFileStoreImporter importer;
        const auto exp = importer.readLogs(path(dir, "mlruns/7"), {});
        QVERIFY(exp.has_value());
        QCOMPARE(exp->runs.size(), std::size_t{1});
        QCOMPARE(exp->runs[0].id, std::string("scaling: sweep/tiny"));
        QVERIFY(exp->warnings.empty()); // tags/ of the experiment is not a run
        const auto run = importer.readLogs(path(dir, "mlruns/0/c3d4/"), {});
        QVERIFY(run.has_value());
        QCOMPARE(run->runs.size(), std::size_t{1});
        QCOMPARE(run->runs[0].id, std::string("Default/large"));
        VERIFY_VALUES(run->runs[0].series[0].value, 2.0, -kInf);
    }

    void sniffsDirectoriesOnly()
    {
        QTemporaryDir dir;
        writeStore(dir);
        const core::MlflowFileStoreImporter importer;
        QCOMPARE(importer.sniffDirectory(path(dir, "mlruns")), 0.95);
        QCOMPARE(importer.sniffDirectory(path(dir, "mlruns/0")), 0.95);
        QCOMPARE(importer.sniffDirectory(path(dir, "mlruns/0/a1b2")), 0.95);
        QCOMPARE(importer.sniffDirectory(path(dir, "mlruns/0/a1b2/metrics")), 0.0);
        QCOMPARE(importer.sniffDirectory(dir.path().toStdString()), 0.0);
        // A store under another name: its subdirectories hold experiment meta.yaml files.
        QVERIFY(QDir(dir.path()).rename(QStringLiteral("mlruns"), QStringLiteral("tracking")));
        QCOMPARE(importer.sniffDirectory(path(dir, "tracking")), 0.95);
        const std::string meta = path(dir, "tracking/0/meta.yaml");
        QCOMPARE(importer.sniff(meta, "experiment_id: '0'\n"), 0.0);
        QCOMPARE(importer.id(), std::string_view("mlflow"));
        QCOMPARE(importer.label(), std::string_view("MLflow file store (mlruns/)"));
    }

    void textInAValueFieldIsAnError()
    {
        QTemporaryDir dir;
        writeStore(dir);
        const std::string file = put(dir, "mlruns/0/a1b2/metrics/loss",
                                     "1700000001100 2.5 0\n1700000001200 abc 10\n");
        const core::MlflowFileStoreImporter importer;
        const auto logs = importer.readLogs(path(dir, "mlruns"), {});
        QVERIFY(!logs.has_value());
        QCOMPARE(logs.error().file, file);
        QCOMPARE(logs.error().line, std::size_t{2});
        QCOMPARE(logs.error().column, std::size_t{15});
        QCOMPARE(logs.error().message, std::string("value is not a number: 'abc'"));
    }

    void malformedMetricLines_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("four fields") << QByteArray("1 2.0 3\n1 2.0 3 4\n") << 2 << 9
                                     << QByteArray("expected 'timestamp value step' (2 or 3 fields), found more");
        QTest::newRow("one field") << QByteArray("1 2.0 3\n\n  17\n") << 3 << 3
                                   << QByteArray("expected 'timestamp value step' (2 or 3 fields), found 1");
        QTest::newRow("float step") << QByteArray("1 2.0 3.5\n") << 1 << 7 << QByteArray("step is not an integer: '3.5'");
        QTest::newRow("text timestamp") << QByteArray("t 2.0 3\n") << 1 << 1 << QByteArray("timestamp is not an integer: 't'");
        QTest::newRow("size suffix") << QByteArray("1 2K 3\n") << 1 << 3 << QByteArray("value is not a number: '2K'");
        QTest::newRow("NUL byte") << QByteArray("1 2.0 3\n1 2\0 3\n", 15) << 2 << 4
                                  << QByteArray("binary data (a NUL byte) in an MLflow metric file");
    }

    void malformedMetricLines()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QByteArray, message);
        QTemporaryDir dir;
        const std::string file = put(dir, "m", std::string_view(bytes.constData(), std::size_t(bytes.size())));
        core::LoggedSeries series;
        const auto read = core::readMlflowMetricFile(file, series);
        QVERIFY(!read.has_value());
        QCOMPARE(read.error().file, file);
        QCOMPARE(read.error().line, std::size_t(line));
        QCOMPARE(read.error().column, std::size_t(column));
        QCOMPARE(QByteArray::fromStdString(read.error().message), message);
    }

    void metricValuesAreExact()
    {
        double step = 0;
        double value = 0;
        std::size_t column = 0;
        std::string message;
        for (const auto& [line, want] : std::initializer_list<std::pair<const char*, double>>{
                 {"1 0.1 7", 0.1}, {"1 2.220446049250313e-16 7", 2.220446049250313e-16},
                 {"1 inf 7", kInf}, {"1 +1.5 7", 1.5}, {"1\t1e+20\t7", 1e20}}) {
            QVERIFY2(core::parseMlflowMetricLine(line, step, value, column, message), line);
            QCOMPARE(value, want);
            QCOMPARE(step, 7.0);
        }
        QVERIFY(core::parseMlflowMetricLine("1 NaN", step, value, column, message));
        QVERIFY(std::isnan(value));
        QCOMPARE(step, 0.0);
    }

    void runWithoutMetaYamlIsSkippedWithAWarning()
    {
        QTemporaryDir dir;
        writeStore(dir);
        put(dir, "mlruns/0/zz99/metrics/loss", "1 1.0 0\n");
        const core::MlflowFileStoreImporter importer;
        const auto logs = importer.readLogs(path(dir, "mlruns"), {});
        QVERIFY(logs.has_value());
        QCOMPARE(logs->runs.size(), std::size_t{3});
        QCOMPARE(logs->warnings.size(), std::size_t{1});
        QCOMPARE(logs->warnings[0], path(dir, "mlruns/0/zz99/meta.yaml") + ": missing; not an MLflow run, skipped");
    }

    void badMetaYamlIsAnError()
    {
        QTemporaryDir dir;
        writeStore(dir);
        const std::string meta = put(dir, "mlruns/0/c3d4/meta.yaml",
                                     "run_id: c3d4\nrun_name: 'unterminated\nstart_time: 1\n");
        const core::MlflowFileStoreImporter importer;
        const auto logs = importer.readLogs(path(dir, "mlruns"), {});
        QVERIFY(!logs.has_value());
        QCOMPARE(logs.error().file, meta);
        QCOMPARE(logs.error().line, std::size_t{2});
        QCOMPARE(logs.error().column, std::size_t{11});
        QCOMPARE(logs.error().message, std::string("unterminated quoted value: no closing '"));
        const auto direct = importer.readLogs(path(dir, "mlruns/0/c3d4"), {}); // the run itself
        QVERIFY(!direct.has_value());
        QCOMPARE(direct.error().file, meta);
        QCOMPARE(direct.error().line, std::size_t{2});
        put(dir, "mlruns/0/c3d4/meta.yaml", "run_id: c3d4\nthis line has no key\n");
        const auto again = importer.readLogs(path(dir, "mlruns"), {});
        QVERIFY(!again.has_value());
        QCOMPARE(again.error().line, std::size_t{2});
        QCOMPARE(again.error().column, std::size_t{1});
    }

    void emptyOrForeignDirectoriesAreErrors()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("mlruns/.trash")));
        const core::MlflowFileStoreImporter importer;
        const std::string store = path(dir, "mlruns");
        const auto empty = importer.readLogs(store, {});
        QVERIFY(!empty.has_value());
        QCOMPARE(empty.error().file, store);
        QVERIFY(empty.error().message.starts_with("no runs"));
        put(dir, "other/notes.txt", "hello");
        const auto foreign = importer.readLogs(path(dir, "other"), {});
        QVERIFY(!foreign.has_value());
        QVERIFY(foreign.error().message.starts_with("not an MLflow file store"));
        const auto file = importer.readLogs(path(dir, "other/notes.txt"), {});
        QVERIFY(!file.has_value());
        QVERIFY(file.error().message.starts_with("not a directory"));
    }

    void linkedDirectoriesAreNotFollowed()
    {
        QTemporaryDir dir;
        writeStore(dir);
        // Two links back up the tree: following them would walk 2^32 paths.
        QVERIFY(QFile::link(QStringLiteral(".."), QString::fromStdString(path(dir, "mlruns/0/a1b2/metrics/eval/up"))));
        QVERIFY(QFile::link(QStringLiteral("."), QString::fromStdString(path(dir, "mlruns/0/a1b2/metrics/eval/here"))));
        const core::MlflowFileStoreImporter importer;
        const auto logs = importer.readLogs(path(dir, "mlruns"), {});
        QVERIFY2(logs.has_value(), why(logs).c_str());
        QCOMPARE(logs->runs[0].series.size(), std::size_t{2});
    }

    void cancels()
    {
        QTemporaryDir dir;
        writeStore(dir);
        const core::MlflowFileStoreImporter importer;
        const auto logs = importer.readLogs(path(dir, "mlruns"),
                                            [](double) { return false; });
        QVERIFY(!logs.has_value());
        QCOMPARE(logs.error().message, std::string("cancelled"));
    }

    void throughImportFile()
    {
        QTemporaryDir dir;
        put(dir, "mlruns/0/meta.yaml", experimentMeta("0", "name: Default"));
        put(dir, "mlruns/0/r1/meta.yaml", runMeta("0", "r1", "run_name: one\n", "1"));
        put(dir, "mlruns/0/r1/params/n_params", "1000000");
        put(dir, "mlruns/0/r1/metrics/val/loss", "1 3.5 100\n2 3.25 200\n");
        put(dir, "mlruns/0/r2/meta.yaml", runMeta("0", "r2", "run_name: two\n", "2"));
        put(dir, "mlruns/0/r2/params/n_params", "1000000");
        put(dir, "mlruns/0/r2/metrics/val/loss", "1 3.0 100\n");
        const std::string store = path(dir, "mlruns");
        const auto chosen = core::importerFor(store);
        QVERIFY2(chosen.has_value(), why(chosen).c_str());
        QCOMPARE((*chosen)->id(), std::string_view("mlflow"));
        core::ImportOptions options;
        options.logs.tokensPerStep = 1000;
        const auto sweep = core::importFile(store, options);
        QVERIFY2(sweep.has_value(), why(sweep).c_str());
        QCOMPARE(sweep->format, std::string("mlflow"));
        QCOMPARE(sweep->runs.size(), std::size_t{2});
        QCOMPARE(sweep->runs[0].id, std::string("Default/one"));
        QCOMPARE(sweep->runs[1].id, std::string("Default/two"));
        for (const core::Run& run : sweep->runs) {
            QCOMPARE(run.N, 1e6);
            QCOMPARE(run.curves.size(), std::size_t{1});
        }
        QCOMPARE(sweep->pointCount(), std::size_t{3});
        QCOMPARE(sweep->runs[0].finalValue(), 3.25);
        QCOMPARE(sweep->runs[1].finalValue(), 3.0);
    }
};

QTEST_GUILESS_MAIN(TestMlflowImport)
#include "tst_MlflowImport.moc"

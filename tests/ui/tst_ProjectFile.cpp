// SPDX-License-Identifier: GPL-3.0-or-later
// Project files: every field survives a write and a read (doubles bit for bit), the data path is
// stored relative to the project and resolved against wherever the project now is, newer formats
// and malformed files are refused with errors naming the file and the key or position.
#include "ui/ProjectFile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <bit>
#include <cstdint>
#include <limits>

namespace {

const double kInf = std::numeric_limits<double>::infinity();

std::uint64_t bits(double v)
{
    return std::bit_cast<std::uint64_t>(v);
}

/// Every field set to something other than its default, with doubles that are hard to print.
ui::ProjectState fullState(const QString& dataPath)
{
    ui::ProjectState s;
    s.dataPath = dataPath;
    s.importOptions.columns = {
        {core::Role::N, "params"}, {core::Role::Loss, "val loss"}, {core::Role::Run, "name"}};
    s.importOptions.filters = {{"lr", "1e-3", true}, {"tag", "bad run", false}};
    s.importOptions.runKey = {"name", "seed"};
    s.importOptions.delimiter = '\t';
    core::RunMetadataOptions& logs = s.importOptions.logs;
    logs.metric = "train/lm_loss";
    logs.keys = {{core::Role::N, "model_size"}, {core::Role::D, "hyperparameters.tokens"}};
    logs.namePattern = "(?<N>\\d+m)-seed(?<seed>\\d+)";
    logs.joinTable = (QFileInfo(dataPath).absolutePath() + QStringLiteral("/metadata.tsv")).toStdString();
    logs.joinColumn = "name";
    logs.tokensPerStep = 2097152.0 + 0.1; // not a round number: must survive exactly
    core::FitJobSpec& f = s.fitSpec;
    f.lawId = "chinchilla";
    f.selection = {core::FitSelection::Points::Min, 3, core::XQuantity::C};
    f.range = core::FitRange{core::XQuantity::D, 0.1 + 0.2, kInf};
    f.objective = core::Objective::HuberLog;
    f.delta = 1.0 / 3.0;
    f.grid = core::StartGrid::Lhs;
    f.lhsStarts = 77;
    f.fixed = {{"E", 1.6934}, {"beta", -0.0}};
    f.bounds = {{"A", {5e-324, 1.7976931348623157e308}}, {"alpha", {-kInf, 2.0}}};
    f.starts = {{"B", 409.2}, {"alpha", 0.33999999999999997}};
    f.bootstrap = 250;
    f.seed = std::numeric_limits<std::uint64_t>::max(); // beyond 2^53: stored as a string
    f.backtest = core::HoldoutSplit{'C', 1.2345678901234567e21};
    f.threads = 3;
    s.excludedRunIds = {"run 7", "ümlaut-run"};
    s.fit = ui::SavedFit{"chinchilla",
                         {"E", "A", "B", "alpha", "beta"},
                         {1.6934, 406.4, 410.7, 0.3392, 0.2849},
                         0.012345678901234567};
    s.budget = 5.76e23;
    s.view = ui::Document::View::Residuals;
    s.x = core::XQuantity::D;
    s.colorBy = QStringLiteral("budget");
    s.hiddenRunIds = {"a", "b"};
    s.smoothing = 0.85;
    s.seedColumn = QStringLiteral("seed");
    s.chart = ui::ChartRange{1e7, 3.1622776601683795e10, 1.9, 4.4};
    s.originalProjectPath = QStringLiteral("/somewhere/else.scalelab");
    return s;
}

void writeText(const QString& path, const QByteArray& text)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
}

} // namespace

class TestProjectFile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTripsEveryFieldBitExact()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("p.scalelab"));
        const ui::ProjectState s = fullState(dir.filePath(QStringLiteral("data/runs.csv")));
        const auto written = ui::writeProjectFile(s, project);
        QVERIFY2(written.has_value(), qPrintable(written ? QString() : written.error().toString()));
        const auto read = ui::readProjectFile(project);
        QVERIFY2(read.has_value(), qPrintable(read ? QString() : read.error().toString()));
        QVERIFY(*read == s);
        // == says 0.0 == -0.0; the bits must match too.
        const core::FitJobSpec& f = read->fitSpec;
        QCOMPARE(bits(f.fixed.at("beta")), bits(-0.0));
        QCOMPARE(bits(f.range->lower), bits(0.1 + 0.2));
        QCOMPARE(f.range->upper, kInf);
        QCOMPARE(bits(f.delta), bits(1.0 / 3.0));
        QCOMPARE(bits(f.bounds.at("A").lower), bits(5e-324));
        QCOMPARE(bits(f.bounds.at("A").upper), bits(1.7976931348623157e308));
        QCOMPARE(f.bounds.at("alpha").lower, -kInf);
        QCOMPARE(bits(f.backtest->threshold), bits(1.2345678901234567e21));
        QCOMPARE(bits(read->fit->objective), bits(0.012345678901234567));
        QCOMPARE(f.seed, std::numeric_limits<std::uint64_t>::max());
        QCOMPARE(read->importOptions.delimiter, '\t');
        QCOMPARE(read->importOptions.logs.keys.at(core::Role::D), std::string("hyperparameters.tokens"));
        QCOMPARE(read->importOptions.logs.namePattern, std::string("(?<N>\\d+m)-seed(?<seed>\\d+)"));
        QCOMPARE(bits(read->importOptions.logs.tokensPerStep), bits(2097152.0 + 0.1));
        QCOMPARE(read->excludedRunIds[1], std::string("ümlaut-run"));
        QCOMPARE(read->dataPath, dir.filePath(QStringLiteral("data/runs.csv")));
        QCOMPARE(read->importOptions.logs.joinTable, dir.filePath(QStringLiteral("data/metadata.tsv")).toStdString());
        QCOMPARE(read->smoothing, 0.85);
        QCOMPARE(read->seedColumn, QStringLiteral("seed"));
    }

    void dataPathIsStoredRelativeAndFollowsTheProject()
    {
        QTemporaryDir a, b;
        const ui::ProjectState s = fullState(a.filePath(QStringLiteral("data/runs.csv")));
        const QByteArray json = ui::projectToJson(s, a.filePath(QStringLiteral("p.scalelab")));
        QVERIFY2(json.contains("\"path\": \"data/runs.csv\""), json.constData());
        // The project moved (with its data) to b: the path now resolves there.
        QDir(b.path()).mkpath(QStringLiteral("sub"));
        const QString moved = b.filePath(QStringLiteral("sub/p.scalelab"));
        writeText(moved, json);
        const auto read = ui::readProjectFile(moved);
        QVERIFY(read.has_value());
        QCOMPARE(read->dataPath, b.filePath(QStringLiteral("sub/data/runs.csv")));
        QVERIFY2(json.contains("\"joinTable\": \"data/metadata.tsv\""), json.constData()); // the join table too
        QCOMPARE(read->importOptions.logs.joinTable, b.filePath(QStringLiteral("sub/data/metadata.tsv")).toStdString());
        // Data beside a sibling directory: "../".
        const QByteArray up = ui::projectToJson(s, a.filePath(QStringLiteral("projects/p.scalelab")));
        QVERIFY2(up.contains("\"path\": \"../data/runs.csv\""), up.constData());
        // Recovery files keep the absolute path.
        const QByteArray abs =
            ui::projectToJson(s, b.filePath(QStringLiteral("r.scalelab")), ui::DataPathStyle::Absolute);
        QVERIFY(abs.contains(QStringLiteral("\"path\": \"%1\"").arg(s.dataPath).toUtf8()));
    }

    void newerFormatVersionIsRefused()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("new.scalelab"));
        writeText(project, R"({"formatVersion": 2, "data": {"path": "x.csv"}})");
        const auto read = ui::readProjectFile(project);
        QVERIFY(!read.has_value());
        QCOMPARE(read.error().file, project);
        QCOMPARE(read.error().key, QStringLiteral("formatVersion"));
        QCOMPARE(read.error().toString(),
                 project + QStringLiteral(
                               ": key 'formatVersion': format version 2 was written by a newer ScaleLab; "
                               "this version reads up to 1. Please update ScaleLab to open it."));
        writeText(project, R"({"data": {"path": "x.csv"}})");
        QCOMPARE(ui::readProjectFile(project).error().key, QStringLiteral("formatVersion"));
    }

    void malformedJsonNamesFileAndPosition()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("bad.scalelab"));
        //                 line 1    line 2                  line 3: the value is missing after "budget":
        writeText(project, "{\n  \"formatVersion\": 1,\n  \"view\": {\"budget\": }\n}\n");
        const auto read = ui::readProjectFile(project);
        QVERIFY(!read.has_value());
        QCOMPARE(read.error().file, project);
        QCOMPARE(read.error().offset, qint64(46)); // just past the "}" standing where a value should be
        QCOMPARE(read.error().line, 3);
        QCOMPARE(read.error().column, 23);
        QVERIFY2(read.error().toString().startsWith(project +
                                                    QStringLiteral(":3:23 (offset 46): not valid JSON: ")),
                 qPrintable(read.error().toString()));
    }

    void wrongTypesAndValuesNameTheKey_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("message");
        const QByteArray head = R"({"formatVersion": 1, "data": {"path": "x.csv"}, )";
        QTest::newRow("delta") << head + R"("fit": {"delta": "big"}})"
                               << "fit.delta"
                               << "expected a number";
        QTest::newRow("points") << head + R"("fit": {"selection": {"points": "last"}}})"
                                << "fit.selection.points"
                                << R"(unknown value "last" (expected "final", "min", "all"))";
        QTest::newRow("bootstrap") << head + R"("fit": {"bootstrap": -1}})"
                                   << "fit.bootstrap"
                                   << "expected a whole number from 0 to 9007199254740992";
        QTest::newRow("bounds") << head + R"("fit": {"bounds": {"A": [1]}}})"
                                << "fit.bounds.A"
                                << "expected [lower, upper]";
        QTest::newRow("fixed") << head + R"("fit": {"fixed": {"E": null}}})"
                               << "fit.fixed.E"
                               << "expected a number";
        QTest::newRow("hidden") << head + R"("view": {"hiddenRuns": ["a", 3]}})"
                                << "view.hiddenRuns[1]"
                                << "expected a string";
        QTest::newRow("view")
            << head + R"("view": {"view": "3d"}})"
            << "view.view"
            << R"(unknown value "3d" (expected "data", "isoflop", "allocation", "residuals"))";
        QTest::newRow("role") << head.chopped(3) + R"(, "import": {"columns": {"params": "N"}}}})"
                              << "data.import.columns.params"
                              << R"(unknown column role "params")";
        QTest::newRow("log key role") << head.chopped(3) + R"(, "import": {"logs": {"keys": {"size": "m"}}}}})"
                                      << "data.import.logs.keys.size"
                                      << R"(unknown role "size")";
        QTest::newRow("tokens per step") << head.chopped(3) + R"(, "import": {"logs": {"tokensPerStep": -2}}}})"
                                         << "data.import.logs.tokensPerStep"
                                         << "expected a number >= 0";
        QTest::newRow("no data") << QByteArray(R"({"formatVersion": 1})") << "data.path"
                                 << "missing: the project names no data file";
        QTest::newRow("result") << head + R"("result": {"names": ["E"], "params": [1, 2]}})"
                                << "result.params"
                                << "expected one value per name in result.names";
    }

    void wrongTypesAndValuesNameTheKey()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, key);
        QFETCH(QString, message);
        const auto read = ui::projectFromJson(json, QStringLiteral("/p/x.scalelab"));
        QVERIFY2(!read.has_value(), json.constData());
        QCOMPARE(read.error().key, key);
        QCOMPARE(read.error().message, message);
        QCOMPARE(read.error().toString(), QStringLiteral("/p/x.scalelab: key '%1': %2").arg(key, message));
    }

    void minimalFileTakesDefaults()
    {
        const auto read = ui::projectFromJson(R"({"formatVersion": 1, "data": {"path": "/d/runs.csv"}})",
                                              QStringLiteral("/p/x.scalelab"));
        QVERIFY(read.has_value());
        ui::ProjectState expected;
        expected.dataPath = QStringLiteral("/d/runs.csv");
        QVERIFY(*read == expected);
    }

    void writeFailureNamesTheFileAndKeepsTheOld()
    {
        QTemporaryDir dir;
        const QString missingDir = dir.filePath(QStringLiteral("no/such/dir/p.scalelab"));
        const auto failed = ui::writeProjectFile(fullState(QStringLiteral("/d.csv")), missingDir);
        QVERIFY(!failed.has_value());
        QVERIFY2(failed.error().toString().startsWith(missingDir + QStringLiteral(": cannot write")),
                 qPrintable(failed.error().toString()));
        // Overwriting goes through QSaveFile: the new content replaces the old completely.
        const QString project = dir.filePath(QStringLiteral("p.scalelab"));
        writeText(project, QByteArray(10000, 'x'));
        QVERIFY(ui::writeProjectFile(fullState(QStringLiteral("/d.csv")), project).has_value());
        QVERIFY(ui::readProjectFile(project).has_value());
    }
};

QTEST_GUILESS_MAIN(TestProjectFile)
#include "tst_ProjectFile.moc"

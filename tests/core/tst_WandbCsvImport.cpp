// SPDX-License-Identifier: GPL-3.0-or-later
// The W&B chart "Export CSV" importer (issue 6, item 4): runs split on the last " - ", __MIN/__MAX
// series, sparse cells, NaN kept; corrupt files give errors naming file, line and column; sniffing
// and importFile through the registry.
#include "LogTestUtil.h"

#include "core/io/Importers.h"
#include "core/io/logs/WandbCsvExportImporter.h"

#include <QtTest>

#include <cmath>
#include <limits>

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Two runs; the second's name contains " - " itself. Header quoted as W&B writes it.
constexpr std::string_view kExport =
    "\"Step\",\"alpha - train/loss\",\"alpha - train/loss__MIN\",\"alpha - train/loss__MAX\","
    "\"sweep - lr=1e-3 - seed 2 - train/loss\",\"sweep - lr=1e-3 - seed 2 - eval/loss\"\n"
    "0,4.5,4.25,4.75,5.5,\n"
    "100,\"3.5\",3.25,3.75,,4.125\n"
    "150,,,,NaN,nan\n"
    "200.5,2.5,2.25,2.75,0.1,3\n";

} // namespace

class TestWandbCsvImport : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    core::WandbCsvExportImporter importer_;

    std::string write(const char* name, std::string_view bytes)
    {
        return logtest::writeFile(dir_, QString::fromUtf8(name), bytes);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    void readsRunsSeriesAndEveryValue()
    {
        const std::string path = write("export.csv", kExport);
        const auto logs = importer_.readLogs(path, {});
        QVERIFY2(logs.has_value(), logs ? "" : logs.error().toString().c_str());
        QVERIFY(logs->warnings.empty());
        QCOMPARE(logs->runs.size(), std::size_t(2));

        const core::LoggedRun& alpha = logs->runs[0];
        QCOMPARE(alpha.name, std::string("alpha"));
        QCOMPARE(alpha.id, std::string("alpha"));
        QCOMPARE(alpha.source, path);
        QCOMPARE(alpha.format, std::string("wandb-csv"));
        QCOMPARE(alpha.series.size(), std::size_t(3));
        QCOMPARE(alpha.series[0].metric, std::string("train/loss"));
        QCOMPARE(alpha.series[1].metric, std::string("train/loss__MIN"));
        QCOMPARE(alpha.series[2].metric, std::string("train/loss__MAX"));
        VERIFY_VALUES(alpha.series[0].step, 0, 100, 200.5);
        VERIFY_VALUES(alpha.series[0].value, 4.5, 3.5, 2.5);
        VERIFY_VALUES(alpha.series[0].tokens, kNaN, kNaN, kNaN);
        VERIFY_VALUES(alpha.series[1].step, 0, 100, 200.5);
        VERIFY_VALUES(alpha.series[1].value, 4.25, 3.25, 2.25);
        VERIFY_VALUES(alpha.series[2].step, 0, 100, 200.5);
        VERIFY_VALUES(alpha.series[2].value, 4.75, 3.75, 2.75);

        const core::LoggedRun& sweep = logs->runs[1];
        QCOMPARE(sweep.name, std::string("sweep - lr=1e-3 - seed 2"));
        QCOMPARE(sweep.series.size(), std::size_t(2));
        QCOMPARE(sweep.series[0].metric, std::string("train/loss"));
        QCOMPARE(sweep.series[1].metric, std::string("eval/loss"));
        VERIFY_VALUES(sweep.series[0].step, 0, 150, 200.5);
        VERIFY_VALUES(sweep.series[0].value, 5.5, kNaN, 0.1);
        VERIFY_VALUES(sweep.series[1].step, 100, 150, 200.5);
        VERIFY_VALUES(sweep.series[1].value, 4.125, kNaN, 3);
    }

    void lastLineWithoutNewlineIsRead()
    {
        const std::string path = write("trunc.csv", "Step,a - loss,b - loss\n1,2.5,\n2,2.25,7");
        const auto logs = importer_.readLogs(path, {});
        QVERIFY2(logs.has_value(), logs ? "" : logs.error().toString().c_str());
        QCOMPARE(logs->runs.size(), std::size_t(2));
        VERIFY_VALUES(logs->runs[0].series[0].step, 1, 2);
        VERIFY_VALUES(logs->runs[0].series[0].value, 2.5, 2.25);
        VERIFY_VALUES(logs->runs[1].series[0].step, 2);
        VERIFY_VALUES(logs->runs[1].series[0].value, 7);
    }

    void columnWithoutSeparatorIsSkippedWithWarning()
    {
        const std::string path = write("odd.csv", "Step,a - loss,oddcolumn\n1,2.5,9\n");
        const auto logs = importer_.readLogs(path, {});
        QVERIFY(logs.has_value());
        QCOMPARE(logs->runs.size(), std::size_t(1));
        QCOMPARE(logs->warnings.size(), std::size_t(1));
        QVERIFY(logs->warnings[0].find("oddcolumn") != std::string::npos);
        QVERIFY(logs->warnings[0].find(path + ":1:") == 0);
    }

    void textInNumberCellNamesFileLineAndColumn()
    {
        const std::string path = write("text.csv", "Step,a - loss,b - loss\n1,2.5,3\n2,oops,3\n");
        const auto logs = importer_.readLogs(path, {});
        QVERIFY(!logs.has_value());
        QCOMPARE(logs.error().file, path);
        QCOMPARE(logs.error().line, std::size_t(3));
        QCOMPARE(logs.error().column, std::size_t(3));
        QVERIFY(logs.error().message.find("'oops' is not a number") != std::string::npos);
        QVERIFY(logs.error().message.find("a - loss") != std::string::npos);
    }

    void textOrEmptyStepIsAnError()
    {
        const std::string text = write("stepText.csv", "Step,a - loss\nfirst,2.5\n");
        auto logs = importer_.readLogs(text, {});
        QVERIFY(!logs.has_value());
        QCOMPARE(logs.error().line, std::size_t(2));
        QCOMPARE(logs.error().column, std::size_t(1));
        QVERIFY(logs.error().message.find("'first' is not a number (column 'Step')") != std::string::npos);
        const std::string empty = write("stepEmpty.csv", "Step,a - loss\n1,2.5\n,2.5\n");
        logs = importer_.readLogs(empty, {});
        QVERIFY(!logs.has_value());
        QCOMPARE(logs.error().line, std::size_t(3));
        QVERIFY(logs.error().message.find("empty step") != std::string::npos);
    }

    void headerOnlyHasNoDataRows()
    {
        const std::string path = write("header.csv", "Step,a - loss,a - loss__MIN\n");
        const auto logs = importer_.readLogs(path, {});
        QVERIFY(!logs.has_value());
        QCOMPARE(logs.error().file, path);
        QVERIFY(logs.error().message.find("no data rows") != std::string::npos);
    }

    void raggedRowEmptyFileAndMissingFile()
    {
        const std::string ragged = write("ragged.csv", "Step,a - loss,b - loss\n1,2.5,3\n2,2.5\n");
        auto logs = importer_.readLogs(ragged, {});
        QVERIFY(!logs.has_value());
        QCOMPARE(logs.error().line, std::size_t(3));
        QVERIFY(logs.error().message.find("expected 3 fields") != std::string::npos);

        const std::string empty = write("empty.csv", "");
        logs = importer_.readLogs(empty, {});
        QVERIFY(!logs.has_value());
        QCOMPARE(logs.error().file, empty);
        QVERIFY(logs.error().message.find("empty file") != std::string::npos);

        const std::string missing = dir_.filePath(QStringLiteral("nope.csv")).toStdString();
        logs = importer_.readLogs(missing, {});
        QVERIFY(!logs.has_value());
        QCOMPARE(logs.error().file, missing);
    }

    void binaryGarbageIsAClearError()
    {
        std::string bytes = "Step,a - loss\n1,2.5\n";
        bytes += std::string("\x89PNG\0\0\0\x0dIHDR", 12);
        const std::string withNul = write("nul.csv", bytes);
        auto logs = importer_.readLogs(withNul, {});
        QVERIFY(!logs.has_value());
        QCOMPARE(logs.error().file, withNul);
        QCOMPARE(logs.error().line, std::size_t(3));
        QVERIFY(logs.error().message.find("NUL") != std::string::npos);

        const std::string garbage = write("garbage.csv", "\xff\xfe\x13\x88garbage\x01\x02,zz\n\x7f\x80\n");
        logs = importer_.readLogs(garbage, {});
        QVERIFY(!logs.has_value());
        QCOMPARE(logs.error().file, garbage);
        QCOMPARE(logs.error().line, std::size_t(1));
        QVERIFY(logs.error().message.find("not a W&B chart export") != std::string::npos);
    }

    void flippedByteInANumberIsAnError()
    {
        std::string bytes(kExport);
        bytes[bytes.find("3.25")] = 'x'; // "x.25" on line 3
        const std::string path = write("flipped.csv", bytes);
        const auto logs = importer_.readLogs(path, {});
        QVERIFY(!logs.has_value());
        QCOMPARE(logs.error().line, std::size_t(3));
        QCOMPARE(logs.error().column, std::size_t(11));
        QVERIFY(logs.error().message.find("'x.25'") != std::string::npos);
    }

    void sniffing()
    {
        QCOMPARE(importer_.sniff("a.csv", kExport), 0.97);
        QCOMPARE(importer_.sniff("a.csv", "_step,r - loss\n"), 0.97);
        QCOMPARE(importer_.sniff("a.csv", "Step,loss\n1,2\n"), 0.0);
        QCOMPARE(importer_.sniff("a.csv", "run,N,loss\n"), 0.0);
        QCOMPARE(importer_.sniff("a.csv", "Step\n1\n"), 0.0);
        const std::string path = write("chart.csv", kExport);
        const auto chosen = core::importerFor(path);
        QVERIFY(chosen.has_value());
        QCOMPARE((*chosen)->id(), std::string_view("wandb-csv"));
        QCOMPARE(core::importerById("wandb-csv"), static_cast<const core::Importer*>(&*chosen.value()));
    }

    void importFileGivesASweep()
    {
        const std::string path = write("sweep.csv", kExport);
        core::ImportOptions options;
        options.logs.metric = "train/loss";
        options.logs.tokensPerStep = 1000;
        const auto sweep = core::importFile(path, options, {});
        QVERIFY2(sweep.has_value(), sweep ? "" : sweep.error().toString().c_str());
        QCOMPARE(sweep->format, std::string("wandb-csv"));
        QCOMPARE(sweep->runs.size(), std::size_t(2));
        QCOMPARE(sweep->runs[0].name, std::string("alpha"));
        QCOMPARE(sweep->runs[0].curves.size(), std::size_t(1));
        const core::Curve& alpha = sweep->runs[0].curves[0];
        QCOMPARE(alpha.metric, std::string("train/loss"));
        VERIFY_VALUES(alpha.value, 4.5, 3.5, 2.5);
        VERIFY_VALUES(alpha.tokens, 0, 100000, 200500);
        QCOMPARE(sweep->runs[1].name, std::string("sweep - lr=1e-3 - seed 2"));
        VERIFY_VALUES(sweep->runs[1].curves[0].value, 5.5, kNaN, 0.1);
    }
};

QTEST_GUILESS_MAIN(TestWandbCsvImport)
#include "tst_WandbCsvImport.moc"

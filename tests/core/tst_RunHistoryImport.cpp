// SPDX-License-Identifier: GPL-3.0-or-later
// The per-run metric history importer (issue 6, item 4): W&B run.history() CSV with sparse cells
// and bookkeeping columns, wandb-history.jsonl with NaN under <run>/files/, a polypythia-shaped
// TSV, token columns; sniffing through core::importerFor (history files here, sweep tables to the
// csv importer); corrupt variants; the real polypythia file.
#include "LogTestUtil.h"

#include "core/io/Importers.h"
#include "core/io/logs/RunHistoryImporter.h"

#include <QDirIterator>
#include <QFileInfo>
#include <QtTest>

#include <cmath>
#include <limits>

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// pandas' to_csv of run.history(): an unnamed index column, W&B's bookkeeping, sparse metrics.
constexpr std::string_view kWandbCsv = ",_step,_runtime,_timestamp,train/loss,eval/loss,lr,_wandb.runtime\n"
                                       "0,0,1.5,1700000000.25,4.5,,0.001,2\n"
                                       "1,1,2.5,1700000001.25,4.25,,0.002,3\n"
                                       "2,2,3.5,1700000002.25,,3.75,,4\n"
                                       "3,3,4.5,1700000003.25,4.0,3.5,0.003,5\n";

constexpr std::string_view kWandbJsonl =
    "{\"_step\": 0, \"_runtime\": 1.5, \"_timestamp\": 1700000000.5, \"train/loss\": 4.5, "
    "\"phase\": \"warmup\", \"_wandb\": {\"runtime\": 1}}\n"
    "\n"
    "{\"_step\": 1, \"_runtime\": 2.5, \"train/loss\": NaN, \"eval\": {\"loss\": 3.25}}\n"
    "{\"_step\": 2, \"train/loss\": 3.875, \"trainer/tokens\": 4096, \"phase\": \"main\"}\n";

constexpr std::string_view kPolypythia = "train/lm_loss\tstep\n"
                                         "11.070497512817383\t1\n"
                                         "11.069671630859375\t2\n"
                                         "10.5\t3\n"
                                         "9.25\t4\n"
                                         "8.125\t5\n";

} // namespace

class TestRunHistoryImport : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    core::RunHistoryImporter importer_;

    std::string write(const char* name, std::string_view bytes)
    {
        return logtest::writeFile(dir_, QString::fromUtf8(name), bytes);
    }

    core::Error errorOf(const std::string& path)
    {
        const auto logs = importer_.readLogs(path, {});
        if (logs)
            return {};
        return logs.error();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    void wandbHistoryCsv()
    {
        const std::string path = write("history.csv", kWandbCsv);
        const auto logs = importer_.readLogs(path, {});
        QVERIFY2(logs.has_value(), logs ? "" : logs.error().toString().c_str());
        QVERIFY(logs->warnings.empty());
        QCOMPARE(logs->runs.size(), std::size_t(1));
        const core::LoggedRun& run = logs->runs[0];
        QCOMPARE(run.name, std::string("history"));
        QCOMPARE(run.id, std::string("history.csv"));
        QCOMPARE(run.source, path);
        QCOMPARE(run.format, std::string("run-history"));
        QVERIFY(run.params.empty());
        QCOMPARE(run.series.size(), std::size_t(3)); // no _runtime, _timestamp, _wandb.*, index
        QCOMPARE(run.series[0].metric, std::string("train/loss"));
        VERIFY_VALUES(run.series[0].step, 0, 1, 3);
        VERIFY_VALUES(run.series[0].value, 4.5, 4.25, 4.0);
        VERIFY_VALUES(run.series[0].tokens, kNaN, kNaN, kNaN);
        QCOMPARE(run.series[1].metric, std::string("lr"));
        VERIFY_VALUES(run.series[1].step, 0, 1, 3);
        VERIFY_VALUES(run.series[1].value, 0.001, 0.002, 0.003);
        QCOMPARE(run.series[2].metric, std::string("eval/loss"));
        VERIFY_VALUES(run.series[2].step, 2, 3);
        VERIFY_VALUES(run.series[2].value, 3.75, 3.5);
    }

    void wandbHistoryJsonlUnderFiles()
    {
        const std::string path =
            write("wandb/run-20240101_000000-abc123/files/wandb-history.jsonl", kWandbJsonl);
        const auto logs = importer_.readLogs(path, {});
        QVERIFY2(logs.has_value(), logs ? "" : logs.error().toString().c_str());
        QCOMPARE(logs->runs.size(), std::size_t(1));
        const core::LoggedRun& run = logs->runs[0];
        QCOMPARE(run.name, std::string("run-20240101_000000-abc123"));
        QCOMPARE(run.id, std::string("wandb-history.jsonl"));
        QCOMPARE(run.series.size(), std::size_t(2));
        QCOMPARE(run.series[0].metric, std::string("train/loss"));
        VERIFY_VALUES(run.series[0].step, 0, 1, 2);
        VERIFY_VALUES(run.series[0].value, 4.5, kNaN, 3.875);
        VERIFY_VALUES(run.series[0].tokens, kNaN, kNaN, 4096);
        QCOMPARE(run.series[1].metric, std::string("eval/loss"));
        VERIFY_VALUES(run.series[1].step, 1);
        VERIFY_VALUES(run.series[1].value, 3.25);
        // "phase" holds only text: skipped, with a warning at its first cell.
        QCOMPARE(logs->warnings.size(), std::size_t(1));
        QVERIFY(logs->warnings[0].find(path + ":1:") == 0);
        QVERIFY(logs->warnings[0].find("'phase' holds text") != std::string::npos);

        // Directly in the run directory, and with no useful directory at all.
        const std::string direct = write("run-xyz/wandb-history.jsonl", kWandbJsonl);
        QCOMPARE(core::RunHistoryImporter::runNameFor(direct), std::string("run-xyz"));
        QCOMPARE(core::RunHistoryImporter::runNameFor("/wandb-history.jsonl"), std::string("wandb-history"));
    }

    void polypythiaShapedTsv()
    {
        const std::string path = write("70m-seed9.tsv", kPolypythia);
        const auto logs = importer_.readLogs(path, {});
        QVERIFY2(logs.has_value(), logs ? "" : logs.error().toString().c_str());
        QCOMPARE(logs->runs.size(), std::size_t(1));
        const core::LoggedRun& run = logs->runs[0];
        QCOMPARE(run.name, std::string("70m-seed9"));
        QCOMPARE(run.id, std::string("70m-seed9.tsv"));
        QCOMPARE(run.series.size(), std::size_t(1));
        QCOMPARE(run.series[0].metric, std::string("train/lm_loss"));
        VERIFY_VALUES(run.series[0].step, 1, 2, 3, 4, 5);
        VERIFY_VALUES(run.series[0].value, 11.070497512817383, 11.069671630859375, 10.5, 9.25, 8.125);
    }

    void tokensColumnGivesPointTokens()
    {
        const std::string path =
            write("tok.csv", "Step,num_input_tokens_seen,loss\n10,40960,3.5\n20,,3.25\n30,122880,3\n");
        const auto logs = importer_.readLogs(path, {});
        QVERIFY(logs.has_value());
        const core::LoggedRun& run = logs->runs[0];
        QCOMPARE(run.series.size(), std::size_t(1));
        VERIFY_VALUES(run.series[0].step, 10, 20, 30);
        VERIFY_VALUES(run.series[0].tokens, 40960, kNaN, 122880);
        VERIFY_VALUES(run.series[0].value, 3.5, 3.25, 3);
    }

    void sniffingThroughTheRegistry()
    {
        const auto idOf = [](const std::string& path) -> std::string {
            const auto importer = core::importerFor(path);
            return importer ? std::string((*importer)->id()) : "error: " + importer.error().toString();
        };
        QCOMPARE(idOf(write("h.csv", kWandbCsv)), std::string("run-history"));
        QCOMPARE(idOf(write("r/files/wandb-history.jsonl", kWandbJsonl)), std::string("run-history"));
        QCOMPARE(idOf(write("m.jsonl", "{\"step\": 1, \"loss\": 2}\n")), std::string("run-history"));
        QCOMPARE(idOf(write("p.tsv", kPolypythia)), std::string("run-history"));
        QCOMPARE(idOf(write("t.csv", "step,tokens,loss\n1,2,3\n")), std::string("run-history"));
        // Tables with N, D, C or run columns stay with the table importers.
        QCOMPARE(idOf(write("sweep.csv", "run,step,params,loss\na,1,100,2\n")), std::string("csv"));
        QCOMPARE(idOf(write("nd.csv", "step,N,D,loss\n1,100,1000,2\n")), std::string("csv"));
        QCOMPARE(idOf(write("sweep.jsonl", "{\"run\": \"a\", \"step\": 1, \"loss\": 2}\n")),
                 std::string("jsonl"));
        int tables = 0;
        QDirIterator it(QStringLiteral(SCALELAB_TEST_DATA_DIR),
                        {QStringLiteral("*.csv"), QStringLiteral("*.tsv")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            if (file.contains(QStringLiteral("/logs/")))
                continue; // run-log fixtures of other formats
            const std::string id = idOf(file.toStdString());
            QVERIFY2(id == "csv" || id.rfind("error", 0) == 0,
                     qPrintable(file + QStringLiteral(" -> ") + QString::fromStdString(id)));
            ++tables;
        }
        QVERIFY(tables >= 30);
        const std::string epoch =
            std::string(SCALELAB_SHARED_DATA_DIR) + "/epoch-chinchilla-replication/svg_extracted_data.csv";
        if (QFileInfo::exists(QString::fromStdString(epoch)))
            QCOMPARE(idOf(epoch), std::string("csv"));
        QCOMPARE(importer_.sniff("x.csv", "Step,a - loss\n"), 0.95); // the W&B export importer says 0.97
        QCOMPARE(importer_.sniff("x.csv", "step,loss\n"), 0.95);
        QCOMPARE(importer_.sniff("x.json", "{\"_step\": 1, \"loss\": 2}"), 0.5);
        QCOMPARE(importer_.sniff("x.csv", "step\n1\n"), 0.0);       // no metric
        QCOMPARE(importer_.sniff("x.csv", "loss,acc\n1,2\n"), 0.0); // no step
        QCOMPARE(importer_.sniff("x.csv", std::string_view("step,l\0", 7)), 0.0);
    }

    void importFileGivesASweep()
    {
        const std::string path = write("curve.tsv", kPolypythia);
        core::ImportOptions options;
        options.logs.tokensPerStep = 2097152;
        const auto sweep = core::importFile(path, options, {});
        QVERIFY2(sweep.has_value(), sweep ? "" : sweep.error().toString().c_str());
        QCOMPARE(sweep->format, std::string("run-history"));
        QCOMPARE(sweep->runs.size(), std::size_t(1));
        QCOMPARE(sweep->runs[0].name, std::string("curve"));
        const core::Curve& curve = sweep->runs[0].curves.at(0);
        QCOMPARE(curve.metric, std::string("train/lm_loss"));
        VERIFY_VALUES(curve.value, 11.070497512817383, 11.069671630859375, 10.5, 9.25, 8.125);
        VERIFY_VALUES(curve.tokens, 2097152, 4194304, 6291456, 8388608, 10485760);
    }

    void corruptVariantsAreClearErrors()
    {
        core::Error e = errorOf(write("mixed.csv", "_step,loss\n1,2.5\n2,oops\n"));
        QCOMPARE(e.line, std::size_t(3));
        QCOMPARE(e.column, std::size_t(3));
        QVERIFY(e.message.find("'oops' is not a number (column 'loss')") != std::string::npos);

        e = errorOf(write("textfirst.csv", "_step,loss\n1,bad\n2,2.5\n"));
        QCOMPARE(e.line, std::size_t(2)); // the text cell, though the number came later
        QCOMPARE(e.column, std::size_t(3));

        e = errorOf(write("nostep.csv", "_step,loss\n1,2.5\n,2.25\n"));
        QCOMPARE(e.line, std::size_t(3));
        QCOMPARE(e.column, std::size_t(1));
        QVERIFY(e.message.find("no step") != std::string::npos);

        e = errorOf(write("nostep.jsonl", "{\"_step\": 1, \"loss\": 2}\n{\"loss\": 3}\n"));
        QCOMPARE(e.line, std::size_t(2));
        QVERIFY(e.message.find("'_step'") != std::string::npos);

        e = errorOf(write("steptext.tsv", "loss\tstep\n2.5\tone\n"));
        QCOMPARE(e.line, std::size_t(2));
        QCOMPARE(e.column, std::size_t(5));

        e = errorOf(write("badjson.jsonl",
                          "{\"_step\": 1, \"loss\": 2}\n{\"_step\": 2, \"loss\": }\n{\"_step\": 3}\n"));
        QCOMPARE(e.line, std::size_t(2));
        QVERIFY(e.column > 0);
        QVERIFY(e.message.find("invalid JSON") != std::string::npos);

        e = errorOf(write("nosteps.csv", "loss,acc\n1,2\n"));
        QVERIFY(e.message.find("no step column") != std::string::npos);
        QVERIFY(e.message.find("loss, acc") != std::string::npos);

        const std::string header = write("header.tsv", "train/lm_loss\tstep\n");
        e = errorOf(header);
        QCOMPARE(e.file, header);
        QVERIFY(e.message.find("no data rows") != std::string::npos);

        e = errorOf(write("ragged.csv", "step,loss\n1,2\n2,3,4\n"));
        QCOMPARE(e.line, std::size_t(3));
        QVERIFY(e.message.find("expected 2 fields") != std::string::npos);

        e = errorOf(write("empty.csv", ""));
        QVERIFY(e.message.find("empty file") != std::string::npos);
        e = errorOf(write("empty.jsonl", "\n\n"));
        QVERIFY(e.message.find("empty file") != std::string::npos);

        const std::string missing = dir_.filePath(QStringLiteral("missing.tsv")).toStdString();
        QCOMPARE(errorOf(missing).file, missing);

        std::string binary("loss\tstep\n2.5\t1\n", 16);
        binary += std::string("\x1f\x8b\x08\0\0\0", 6);
        e = errorOf(write("binary.tsv", binary));
        QCOMPARE(e.line, std::size_t(3));
        QVERIFY(e.message.find("NUL") != std::string::npos);
        e = errorOf(write("binary.jsonl", std::string("{\"_step\": 1, \"l\": 2}\n{\"_st\0ep", 29)));
        QCOMPARE(e.line, std::size_t(2));
        QCOMPARE(e.column, std::size_t(6));
        QVERIFY(e.message.find("NUL") != std::string::npos);

        std::string flipped(kPolypythia);
        flipped[flipped.find("9.25")] = '#';
        e = errorOf(write("flipped.tsv", flipped));
        QCOMPARE(e.line, std::size_t(5));
        QCOMPARE(e.column, std::size_t(1));
    }

    void incompleteLastJsonLineIsSkippedWithWarning()
    {
        const std::string path = write(
            "live.jsonl", "{\"_step\": 1, \"loss\": 2}\n{\"_step\": 2, \"loss\": 1.5}\n{\"_step\": 3, \"lo");
        const auto logs = importer_.readLogs(path, {});
        QVERIFY2(logs.has_value(), logs ? "" : logs.error().toString().c_str());
        VERIFY_VALUES(logs->runs[0].series[0].value, 2, 1.5);
        QCOMPARE(logs->warnings.size(), std::size_t(1));
        QVERIFY(logs->warnings[0].find(path + ":3:") == 0);
        // The same cut with a newline after it is an error: the line was finished that way.
        const auto bad =
            importer_.readLogs(write("cut.jsonl", "{\"_step\": 1, \"loss\": 2}\n{\"_step\": 3, \"lo\n"), {});
        QVERIFY(!bad.has_value());
        QCOMPARE(bad.error().line, std::size_t(2));
    }

    void realPolypythiaFile()
    {
        const std::string path = std::string(SCALELAB_SHARED_DATA_DIR) + "/polypythia-seeds/70m-seed1.tsv";
        if (!QFileInfo::exists(QString::fromStdString(path)))
            QSKIP("shared data (polypythia-seeds) not present");
        QCOMPARE((*core::importerFor(path))->id(), std::string_view("run-history"));
        const auto logs = importer_.readLogs(path, {});
        QVERIFY2(logs.has_value(), logs ? "" : logs.error().toString().c_str());
        QCOMPARE(logs->runs.size(), std::size_t(1));
        const core::LoggedRun& run = logs->runs[0];
        QCOMPARE(run.name, std::string("70m-seed1"));
        QCOMPARE(run.series.size(), std::size_t(1));
        const core::LoggedSeries& s = run.series[0];
        QCOMPARE(s.metric, std::string("train/lm_loss"));
        QCOMPARE(s.size(), std::size_t(143000));
        for (std::size_t i = 0; i < s.size(); ++i)
            if (s.step[i] != static_cast<double>(i + 1))
                QFAIL(qPrintable(QStringLiteral("step %1 at index %2").arg(s.step[i]).arg(i)));
        // head -3 / tail -2 of the file.
        QVERIFY(s.value[0] == 11.070497512817383);
        QVERIFY(s.value[1] == 11.069671630859375);
        QVERIFY(s.value[142998] == 2.812286376953125);
        QVERIFY(s.value[142999] == 2.8003928661346436);
    }
};

QTEST_GUILESS_MAIN(TestRunHistoryImport)
#include "tst_RunHistoryImport.moc"

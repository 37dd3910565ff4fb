// SPDX-License-Identifier: GPL-3.0-or-later
// TensorBoard event files as runs (issue 6, item 1): the golden event file of TensorBoard's own
// tf_record.rs test (tf.summary.scalar("accuracy", 0.99, step=77), byte for byte), runs as
// directories read in file-name order, every point kept, SessionLog START purging later steps,
// a truncated tail, a bad data CRC (skip, warn) and a bad length CRC (error with the offset),
// sniffing of files and directories, and N and tokens attached through the assembler.
#include "core/io/Importers.h"
#include "core/io/TfRecordReader.h"
#include "core/io/logs/TensorBoardImporter.h"

#include "core/TfEventBuilders.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

using testproto::Bytes;
using testproto::doubleEvent;
using testproto::hparamsEvent;
using testproto::scalarEvent;
using testproto::sessionStart;
using testproto::versionEvent;
namespace fs = std::filesystem;

Bytes hex(std::initializer_list<int> values)
{
    Bytes out;
    for (int v : values)
        out.push_back(static_cast<std::byte>(v));
    return out;
}

Bytes text(const std::string& s)
{
    Bytes out;
    for (char c : s)
        out.push_back(static_cast<std::byte>(c));
    return out;
}

Bytes cat(std::initializer_list<Bytes> parts)
{
    Bytes out;
    for (const Bytes& p : parts)
        out.insert(out.end(), p.begin(), p.end());
    return out;
}

/// The event file of tensorboard/data/server/tf_record.rs test_success, written by TF 2 for
/// tf.summary.scalar("accuracy", 0.99, step=77) and dumped with xxd there: two records.
Bytes goldenEventFile()
{
    const Bytes record1 = cat({hex({0x09, 0x00, 0x00, 0x80, 0x38, 0x99, 0xd6, 0xd7, 0x41, 0x1a, 0x0d}),
                               text("brain.Event:2")});
    const Bytes record2 = cat({hex({0x09, 0xc4, 0x05, 0xb7, 0x3d, 0x99, 0xd6, 0xd7, 0x41, 0x10, 0x4d, 0x2a, 0x25,
                                    0x0a, 0x23, 0x0a, 0x08}),
                               text("accuracy"),
                               hex({0x42, 0x0a, 0x08, 0x01, 0x12, 0x00, 0x22, 0x04, 0xa4, 0x70, 0x7d, 0x3f, 0x4a,
                                    0x0b, 0x0a, 0x09, 0x0a, 0x07}),
                               text("scalars")});
    return cat({hex({0x18, 0, 0, 0, 0, 0, 0, 0, 0xa3, 0x7f, 0x4b, 0x22}), record1, hex({0x12, 0x4b, 0x36, 0xab}),
                hex({0x32, 0, 0, 0, 0, 0, 0, 0, 0x24, 0x19, 0x56, 0xec}), record2, hex({0xa5, 0x5b, 0x64, 0x33})});
}

Bytes frames(std::initializer_list<Bytes> events)
{
    Bytes out;
    for (const Bytes& e : events) {
        const Bytes f = core::frameTfRecord(e);
        out.insert(out.end(), f.begin(), f.end());
    }
    return out;
}

void writeFile(const fs::path& path, const Bytes& bytes)
{
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

bool contains(const std::string& s, const std::string& part)
{
    return s.find(part) != std::string::npos;
}

} // namespace

class TestTensorBoardImport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void goldenFileFromTensorBoardsTests()
    {
        QTemporaryDir dir;
        const fs::path file = fs::path(dir.path().toStdString()) / "run1" / "events.out.tfevents.1600000000.host.1.v2";
        writeFile(file, goldenEventFile());
        const core::TensorBoardImporter tb;
        auto logs = tb.readLogs(file.string(), {});
        QVERIFY2(logs.has_value(), logs ? "" : logs.error().toString().c_str());
        QCOMPARE(logs->runs.size(), std::size_t{1});
        const core::LoggedRun& run = logs->runs[0];
        QCOMPARE(run.name, std::string("run1"));
        QCOMPARE(run.series.size(), std::size_t{1});
        QCOMPARE(run.series[0].metric, std::string("accuracy"));
        QCOMPARE(run.series[0].size(), std::size_t{1});
        QCOMPARE(run.series[0].step[0], 77.0);
        QCOMPARE(run.series[0].value[0], static_cast<double>(0.99F));
        QVERIFY(logs->warnings.empty());
        // Chosen by sniffing, both as the file and as its directory.
        auto byFile = core::importerFor(file.string());
        QVERIFY(byFile.has_value());
        QCOMPARE(std::string((*byFile)->id()), std::string("tensorboard"));
        auto byDir = core::importerFor(file.parent_path().string());
        QVERIFY(byDir.has_value());
        QCOMPARE(std::string((*byDir)->id()), std::string("tensorboard"));
    }

    void filesInNameOrderWithRestartPurge()
    {
        QTemporaryDir dir;
        const fs::path run = fs::path(dir.path().toStdString()) / "N70m";
        // Written second by name, so read second although created first.
        writeFile(run / "events.out.tfevents.0000000002.host.2.v2",
                  frames({versionEvent(), sessionStart(3), scalarEvent(3, "train/loss", 2.75F),
                          doubleEvent(4, "train/loss", 2.625)}));
        writeFile(run / "events.out.tfevents.0000000001.host.1.v2",
                  frames({versionEvent(), scalarEvent(1, "train/loss", 4.0F), scalarEvent(2, "train/loss", 3.5F),
                          scalarEvent(3, "train/loss", 9.0F), scalarEvent(4, "train/loss", 9.5F),
                          scalarEvent(4, "lr", 0.001F)}));
        const core::TensorBoardImporter tb;
        auto logs = tb.readLogs(run.string(), {});
        QVERIFY2(logs.has_value(), logs ? "" : logs.error().toString().c_str());
        QCOMPARE(logs->runs.size(), std::size_t{1});
        const core::LoggedSeries* loss = logs->runs[0].find("train/loss");
        QVERIFY(loss != nullptr);
        // Steps 3 and 4 of the first file were purged by the restart at step 3; lr's step 4 too.
        QCOMPARE(loss->step, (std::vector<double>{1, 2, 3, 4}));
        QCOMPARE(loss->value, (std::vector<double>{4.0, 3.5, 2.75, 2.625}));
        QCOMPARE(logs->runs[0].find("lr")->size(), std::size_t{0});
        QCOMPARE(logs->warnings.size(), std::size_t{1});
        QVERIFY(contains(logs->warnings[0], "purged 3 points"));

        // Through the registry: N from the run name, tokens = step x 1024, C = 6 N tokens.
        core::ImportOptions options;
        options.logs.namePattern = "N(?<N>\\d+m)";
        options.logs.tokensPerStep = 1024;
        auto sweep = core::importFile(run.string(), options);
        QVERIFY2(sweep.has_value(), sweep ? "" : sweep.error().toString().c_str());
        QCOMPARE(sweep->format, std::string("tensorboard"));
        QCOMPARE(sweep->runs.size(), std::size_t{1});
        const core::Run& r = sweep->runs[0];
        QCOMPARE(r.N, 7e7);
        QCOMPARE(r.curves[0].metric, std::string("train/loss"));
        QCOMPARE(r.curves[0].tokens, (std::vector<double>{1024, 2048, 3072, 4096}));
        QCOMPARE(r.curves[0].flops[3], 6.0 * 7e7 * 4096);
        QCOMPARE(r.D, 4096.0);
        QCOMPARE(sweep->layout, std::string("curves"));
        QCOMPARE(sweep->conventions.flopFormula, std::string("C = 6ND"));
    }

    void hparamsBecomeParamsAndGiveN()
    {
        QTemporaryDir dir;
        const fs::path run = fs::path(dir.path().toStdString()) / "lightning" / "version_0";
        writeFile(run / "events.out.tfevents.1.h",
                  frames({versionEvent(), hparamsEvent(true), scalarEvent(100, "val/loss", 3.5F),
                          scalarEvent(200, "val/loss", 3.25F)}));
        auto logs = core::TensorBoardImporter().readLogs(run.string(), {});
        QVERIFY(logs.has_value());
        const core::LoggedRun& r = logs->runs[0];
        QCOMPARE(r.series.size(), std::size_t{1}); // the placeholder tensor is no series
        QCOMPARE(std::get<double>(r.params.at("n_params")), 7e7);
        QCOMPARE(std::get<std::string>(r.params.at("optimizer")), std::string("adamw"));
        QCOMPARE(std::get<std::string>(r.params.at("compile")), std::string("true"));
        QVERIFY(r.params.count("notes") == 0);
        core::ImportOptions options;
        options.logs.tokensPerStep = 1e6;
        auto sweep = core::importFile(run.string(), options);
        QVERIFY2(sweep.has_value(), sweep ? "" : sweep.error().toString().c_str());
        QCOMPARE(sweep->runs[0].N, 7e7); // n_params detected
        QCOMPARE(sweep->runs[0].D, 2e8);
        QCOMPARE(sweep->conventions.parameterCount, std::string("as given in 'n_params'"));
    }

    void nestedRunDirectories()
    {
        QTemporaryDir dir;
        const fs::path root(dir.path().toStdString());
        writeFile(root / "b" / "c" / "events.out.tfevents.1.h", frames({versionEvent(), scalarEvent(5, "loss", 2.0F)}));
        writeFile(root / "a" / "events.out.tfevents.1.h", frames({versionEvent(), scalarEvent(7, "loss", 3.0F)}));
        const core::TensorBoardImporter tb;
        auto logs = tb.readLogs(root.string(), {});
        QVERIFY(logs.has_value());
        QCOMPARE(logs->runs.size(), std::size_t{2});
        QCOMPARE(logs->runs[0].id, std::string("a"));
        QCOMPARE(logs->runs[1].id, std::string("b/c"));
        QCOMPARE(logs->runs[1].series[0].value[0], 2.0);
        // A folder of run directories goes to the folder importer, which finds both runs.
        auto importer = core::importerFor(root.string());
        QVERIFY(importer.has_value());
        QCOMPARE(std::string((*importer)->id()), std::string("folder"));
    }

    void truncatedTailIsAccepted()
    {
        QTemporaryDir dir;
        const fs::path file = fs::path(dir.path().toStdString()) / "events.out.tfevents.1.h";
        Bytes bytes = frames({versionEvent(), scalarEvent(1, "loss", 3.0F), scalarEvent(2, "loss", 2.5F)});
        bytes.resize(bytes.size() - 7); // the writer is still writing the last record
        writeFile(file, bytes);
        auto logs = core::TensorBoardImporter().readLogs(file.string(), {});
        QVERIFY(logs.has_value());
        QCOMPARE(logs->runs[0].series[0].value, (std::vector<double>{3.0}));
    }

    void badDataCrcSkipsTheRecordWithAWarning()
    {
        QTemporaryDir dir;
        const fs::path file = fs::path(dir.path().toStdString()) / "events.out.tfevents.1.h";
        const Bytes first = frames({versionEvent()});
        Bytes bytes = cat({first, frames({scalarEvent(1, "loss", 3.0F), scalarEvent(2, "loss", 2.5F)})});
        bytes[first.size() + 12 + 3] ^= std::byte{0x40}; // inside the data of the record at offset first.size()
        writeFile(file, bytes);
        auto logs = core::TensorBoardImporter().readLogs(file.string(), {});
        QVERIFY(logs.has_value());
        QCOMPARE(logs->runs[0].series[0].value, (std::vector<double>{2.5}));
        QCOMPARE(logs->warnings.size(), std::size_t{1});
        QVERIFY2(contains(logs->warnings[0], std::to_string(first.size())), logs->warnings[0].c_str());
    }

    void badLengthCrcIsAnErrorWithTheOffset()
    {
        QTemporaryDir dir;
        const fs::path file = fs::path(dir.path().toStdString()) / "events.out.tfevents.1.h";
        const Bytes first = frames({versionEvent(), scalarEvent(1, "loss", 3.0F)});
        Bytes bytes = cat({first, frames({scalarEvent(2, "loss", 2.5F)})});
        bytes[first.size() + 9] ^= std::byte{0x01}; // the second record's length CRC
        writeFile(file, bytes);
        auto logs = core::TensorBoardImporter().readLogs(file.string(), {});
        QVERIFY(!logs.has_value());
        QCOMPARE(logs.error().file, file.string());
        QVERIFY2(contains(logs.error().message, std::to_string(first.size())), logs.error().message.c_str());
        // In a folder, the broken file is listed as skipped and the other run still loads.
        const fs::path good = fs::path(dir.path().toStdString()) / "good" / "events.out.tfevents.1.h";
        writeFile(good, frames({versionEvent(), scalarEvent(4, "loss", 2.0F)}));
        fs::create_directories(fs::path(dir.path().toStdString()) / "bad");
        fs::rename(file, fs::path(dir.path().toStdString()) / "bad" / "events.out.tfevents.1.h");
        core::ImportOptions options;
        options.logs.tokensPerStep = 10;
        auto sweep = core::importFile(dir.path().toStdString(), options);
        QVERIFY2(sweep.has_value(), sweep ? "" : sweep.error().toString().c_str());
        QCOMPARE(sweep->runs.size(), std::size_t{1});
        QCOMPARE(sweep->runs[0].id, std::string("good"));
        bool listed = false;
        for (const std::string& note : sweep->notes)
            listed = listed || (contains(note, "skipped bad") && contains(note, "length"));
        QVERIFY(listed);
    }

    void garbageNamedLikeAnEventFile()
    {
        QTemporaryDir dir;
        const fs::path file = fs::path(dir.path().toStdString()) / "events.out.tfevents.1.h";
        writeFile(file, text("this is not a TFRecord file at all, just text\n"));
        QCOMPARE(core::TensorBoardImporter().sniff(file.string(), "this is not a TFRecord file at all"), 0.0);
        auto logs = core::TensorBoardImporter().readLogs(file.string(), {});
        QVERIFY(!logs.has_value());
        QCOMPARE(logs.error().file, file.string());
    }

    void lossMetricMustExist()
    {
        QTemporaryDir dir;
        const fs::path run = fs::path(dir.path().toStdString()) / "r";
        writeFile(run / "events.out.tfevents.1.h", frames({versionEvent(), scalarEvent(1, "accuracy", 0.5F)}));
        auto sweep = core::importFile(run.string());
        QVERIFY(!sweep.has_value());
        QCOMPARE(sweep.error().parameter, std::string("--metric"));
        QCOMPARE(sweep.error().file, run.string()); // an option error still names what was read
        QVERIFY(contains(sweep.error().message, "accuracy"));
        core::ImportOptions options;
        options.logs.metric = "val/loss";
        sweep = core::importFile(run.string(), options);
        QVERIFY(!sweep.has_value());
        QCOMPARE(sweep.error().parameter, std::string("--metric"));
        // A metric with no N, tokens or FLOPs anywhere cannot go on a log axis.
        options.logs.metric = "accuracy";
        sweep = core::importFile(run.string(), options);
        QVERIFY(!sweep.has_value());
        QCOMPARE(sweep.error().parameter, std::string("--key"));
        QCOMPARE(sweep.error().file, run.string());
        // A run that logs no scalar at all: an error about the data, not a list of no metrics.
        const fs::path empty = fs::path(dir.path().toStdString()) / "empty";
        writeFile(empty / "events.out.tfevents.1.h", frames({versionEvent()}));
        sweep = core::importFile(empty.string());
        QVERIFY(!sweep.has_value());
        QCOMPARE(sweep.error().file, empty.string());
        QVERIFY(sweep.error().parameter.empty());
        QVERIFY2(contains(sweep.error().message, "no run logs any metric value"), sweep.error().message.c_str());
    }
};

QTEST_APPLESS_MAIN(TestTensorBoardImport)
#include "tst_TensorBoardImport.moc"

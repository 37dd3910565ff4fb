// SPDX-License-Identifier: GPL-3.0-or-later
// Robustness of the run-log importers (issue 6: "every corrupt variant gives a clear error and
// never a crash", and never a hang): for a small valid fixture of each format (TensorBoard event
// file and run directory, MLflow mlruns/ tree and SQLite database, trainer_state.json, per-run
// JSON, W&B chart export, run histories as CSV, TSV and JSON Lines, a folder of several)
// deterministic variants: truncation at every byte (every k-th above 2 KiB), single-byte flips
// at pseudo-random offsets (fixed seeds), an empty file, garbage with the right name, values of
// the wrong type, damaged Event messages in valid TFRecord frames, SQL-made wrong types and
// missing tables, 100,000 nesting levels and 1.2 MiB lines, and for directories missing,
// misplaced and looping files and links. Each goes through core::importFile and
// core::readFolder, which must return (run it in the ASan/UBSan build): an error names the
// variant's path (or a file inside its directory) and says something; a load has curves with
// equal-length columns. Set SCALELAB_CORRUPTION_VERBOSE=1 to print every error.
#include "core/CorruptLogFixtures.h"
#include "core/CorruptVariants.h"
#include "core/io/TfRecordReader.h"

#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using corrupt::Variant;
using testproto::Bytes;
using Enc = testproto::Encoder;
using namespace logfixture;

class TestLogImportCorruption : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    corrupt::HangReporter hangs_;

    fs::path root() const { return fs::path(dir_.path().toStdString()); }

    /// The fixture must load (with the expected importer) before its variants mean anything.
    static void verifyLoads(const std::string& path, const std::string& format)
    {
        core::ImportOptions options;
        options.logs.tokensPerStep = 1024;
        auto sweep = core::importFile(path, options);
        QVERIFY2(sweep.has_value(), sweep ? "" : sweep.error().toString().c_str());
        QCOMPARE(sweep->format, format);
        QVERIFY(sweep->pointCount() > 0);
    }

    void finish(const corrupt::Audit& audit)
    {
        qInfo("%s", audit.summary().c_str());
        QVERIFY2(audit.problemCount == 0, audit.summary().c_str());
    }

    /// Writes each variant at `file` (the fixture restored afterwards) and loads `target`.
    void auditFile(corrupt::Audit& audit, const fs::path& file, const std::vector<Variant>& variants,
                   const fs::path& target, const std::string& original)
    {
        for (const Variant& v : variants) {
            writeBytes(file, v.bytes);
            audit.load(file.filename().string() + " " + v.label, target.string(), target.string());
            for (const char* suffix : {"-wal", "-shm", "-journal"}) {
                std::error_code ec;
                fs::remove(file.string() + suffix, ec);
            }
        }
        writeBytes(file, original);
    }

    void auditTextFormat(const std::string& name, const std::string& rel, std::string_view bytes,
                         const std::string& format, std::uint32_t seed, std::vector<Variant> extra)
    {
        const fs::path file = root() / name / rel;
        writeBytes(file, bytes);
        verifyLoads(file.string(), format);
        corrupt::Audit audit(name, hangs_);
        std::vector<Variant> variants = plus(corrupt::byteVariants(bytes, seed), corrupt::stress(bytes));
        auditFile(audit, file, plus(std::move(variants), std::move(extra)), file, std::string(bytes));
        finish(audit);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    void tensorBoardEventFile()
    {
        const std::vector<Bytes> events = tensorBoardEvents();
        const std::string original = framed(events);
        const fs::path file = root() / "tb" / "run1" / "events.out.tfevents.1700000000.host.1.v2";
        writeBytes(file, original);
        verifyLoads(file.string(), "tensorboard");
        std::vector<Variant> variants = corrupt::byteVariants(original, 11);
        // Damaged Event messages inside intact frames (valid CRCs): the protocol-buffers decoder.
        for (std::size_t e = 0; e < events.size(); ++e)
            for (std::size_t n = 0; n < events[e].size(); ++n) {
                std::vector<Bytes> cut = events;
                cut[e].resize(n);
                variants.push_back(
                    {"event " + std::to_string(e) + " cut to " + std::to_string(n) + " bytes", framed(cut)});
            }
        for (std::size_t e : {std::size_t{3}, events.size() - 1}) // the tensor and the hparams events
            for (Variant& v : corrupt::flips(asText(events[e]), static_cast<std::uint32_t>(12 + e), 100)) {
                std::vector<Bytes> flipped = events;
                flipped[e] = asBytes(v.bytes);
                variants.push_back({"event " + std::to_string(e) + " " + v.label, framed(flipped)});
            }
        for (Variant& v : corrupt::garbage(13)) // garbage payloads in valid frames
            variants.push_back({"framed " + v.label, framed({events[0], asBytes(v.bytes)})});
        // A length with a valid checksum that runs past the end of the file.
        for (std::uint64_t length : {std::uint64_t{1} << 20, std::uint64_t{1} << 63, ~std::uint64_t{0}}) {
            Enc header;
            header.raw(length, 8);
            const Bytes withCrc = core::frameTfRecord(header.out); // [len(8)][crc][8 bytes][crc]
            std::string frame = asText(Bytes(withCrc.begin() + 12, withCrc.begin() + 20)); // the length
            frame += asText(Bytes(withCrc.begin() + 20, withCrc.begin() + 24)); // its masked CRC-32C
            variants.push_back(
                {"record length " + std::to_string(length), framed({events[0]}) + frame + "abc"});
        }
        corrupt::Audit audit("tensorboard file", hangs_);
        auditFile(audit, file, variants, file, original);
        finish(audit);
    }

    void tensorBoardRunDirectory()
    {
        const fs::path run = root() / "tbdir" / "run1";
        const fs::path a = run / "events.out.tfevents.1.host", b = run / "events.out.tfevents.2.host";
        const std::vector<Bytes> events = tensorBoardEvents();
        auto reset = [&] {
            std::error_code ec;
            fs::remove_all(run, ec);
            writeBytes(a, framed({events[0], events[1], events[2]}));
            writeBytes(b, framed({events[0], events[5], events[6]}));
        };
        reset();
        verifyLoads(run.string(), "tensorboard");
        corrupt::Audit audit("tensorboard run directory", hangs_);
        std::error_code ec;
        const std::vector<std::pair<std::string, std::function<void()>>> cases = {
            {"intact", [] {}},
            {"first file missing", [&] { fs::remove(a, ec); }},
            {"both files missing",
             [&] {
                 fs::remove(a, ec);
                 fs::remove(b, ec);
             }},
            {"renamed without 'tfevents'",
             [&] {
                 fs::rename(a, run / "events.out.1", ec);
                 fs::remove(b, ec);
             }},
            {"event file is a directory",
             [&] {
                 fs::remove(a, ec);
                 fs::create_directories(a, ec);
             }},
            {"dangling link named like an event file",
             [&] { fs::create_symlink(run / "nowhere", run / "events.out.tfevents.3.h", ec); }},
            {"empty event file", [&] { writeBytes(b, ""); }},
            {"garbage event file", [&] { writeBytes(b, corrupt::garbage(14)[2].bytes); }},
            {"files in a subdirectory",
             [&] {
                 fs::create_directories(run / "sub", ec);
                 fs::rename(a, run / "sub" / a.filename(), ec);
             }},
            {"directory removed", [&] { fs::remove_all(run, ec); }},
        };
        for (const auto& [label, damage] : cases) {
            reset();
            damage();
            audit.load(label, run.string(), run.string());
        }
        reset();
        finish(audit);
    }

    void folderOfRuns()
    {
        const fs::path folder = root() / "folder";
        auto reset = [&] {
            std::error_code ec;
            fs::remove_all(folder, ec);
            writeBytes(folder / "70m-seed1.tsv", kHistoryTsv);
            writeBytes(folder / "tb" / "events.out.tfevents.1.host", framed(tensorBoardEvents()));
            writeTree(folder / "mlruns", kMlflowTree);
        };
        reset();
        verifyLoads(folder.string(), "folder");
        corrupt::Audit audit("folder of runs", hangs_);
        std::error_code ec;
        const std::vector<std::pair<std::string, std::function<void()>>> cases = {
            {"intact", [] {}},
            {"links back to the folder",
             [&] {
                 fs::create_directories(folder / "sub", ec);
                 fs::create_directory_symlink(folder, folder / "sub" / "up", ec);
                 fs::create_directory_symlink(folder, folder / "sub" / "up2", ec);
             }},
            {"a link to itself", [&] { fs::create_symlink(folder / "self", folder / "self", ec); }},
            {"a dangling link", [&] { fs::create_symlink(folder / "gone", folder / "run.jsonl", ec); }},
            {"every file corrupt",
             [&] {
                 writeBytes(folder / "70m-seed1.tsv", "step\tloss\nx\n");
                 writeBytes(folder / "tb" / "events.out.tfevents.1.host", "garbage");
                 fs::remove_all(folder / "mlruns" / "0" / "a1b2", ec);
             }},
            {"empty folder",
             [&] {
                 fs::remove_all(folder, ec);
                 fs::create_directories(folder, ec);
             }},
        };
        for (const auto& [label, damage] : cases) {
            reset();
            damage();
            audit.load(label, folder.string(), folder.string());
        }
        reset();
        finish(audit);
    }

    void mlflowFileStore()
    {
        const fs::path store = root() / "mlflow" / "mlruns";
        writeTree(store, kMlflowTree);
        verifyLoads(store.string(), "mlflow");
        corrupt::Audit audit("mlflow file store", hangs_);
        std::uint32_t seed = 21;
        for (const auto& [rel, bytes] : kMlflowTree) {
            std::vector<Variant> variants =
                plus(corrupt::truncations(bytes), corrupt::flips(bytes, seed++, 40));
            variants = plus(std::move(variants), corrupt::garbage(seed++));
            if (rel.find("/metrics/") != std::string::npos)
                variants = plus(std::move(variants), corrupt::fieldSwaps(bytes, ' '));
            variants = plus(std::move(variants), corrupt::stress(bytes));
            auditFile(audit, store / rel, variants, store, bytes);
        }
        // Missing and misplaced files and directories, opened as the store, the experiment and the run.
        const fs::path experiment = store / "0", run = experiment / "a1b2";
        std::error_code ec;
        const std::vector<std::pair<std::string, std::function<void()>>> cases = {
            {"intact", [] {}},
            {"no experiment meta.yaml", [&] { fs::remove(experiment / "meta.yaml", ec); }},
            {"no run meta.yaml", [&] { fs::remove(run / "meta.yaml", ec); }},
            {"no metrics/", [&] { fs::remove_all(run / "metrics", ec); }},
            {"no metrics/loss", [&] { fs::remove(run / "metrics" / "loss", ec); }},
            {"no params/ and tags/",
             [&] {
                 fs::remove_all(run / "params", ec);
                 fs::remove_all(run / "tags", ec);
             }},
            {"run meta.yaml is a directory",
             [&] {
                 fs::remove(run / "meta.yaml", ec);
                 fs::create_directories(run / "meta.yaml", ec);
             }},
            {"metrics/loss is a directory",
             [&] {
                 fs::remove(run / "metrics" / "loss", ec);
                 fs::create_directories(run / "metrics" / "loss", ec);
             }},
            {"metrics/ is a file",
             [&] {
                 fs::remove_all(run / "metrics", ec);
                 writeBytes(run / "metrics", "1 2 3\n");
             }},
            {"metrics/loss a dangling link",
             [&] {
                 fs::remove(run / "metrics" / "loss", ec);
                 fs::create_symlink(run / "gone", run / "metrics" / "loss", ec);
             }},
            {"params/ links to itself",
             [&] { fs::create_directory_symlink(run / "params", run / "params" / "loop", ec); }},
            {"meta.yaml a dangling link",
             [&] {
                 fs::remove(run / "meta.yaml", ec);
                 fs::create_symlink(run / "gone", run / "meta.yaml", ec);
             }},
            {"run directory missing", [&] { fs::remove_all(run, ec); }},
            {"experiment directory missing", [&] { fs::remove_all(experiment, ec); }},
        };
        for (const auto& [label, damage] : cases)
            for (const fs::path& target : {store, experiment, run}) {
                writeTree(store, kMlflowTree);
                damage();
                audit.load(label + " (opened at " + target.filename().string() + ")", target.string(),
                           target.string());
            }
        writeTree(store, kMlflowTree);
        finish(audit);
    }

    void mlflowSqlite()
    {
        const fs::path file = root() / "sqlite" / "mlflow.db";
        fs::create_directories(file.parent_path());
        const std::string original = sqliteFixture(file);
        QVERIFY(original.size() >= 512);
        verifyLoads(file.string(), "mlflow-sqlite");
        std::vector<Variant> variants = corrupt::byteVariants(original, 31);
        for (std::size_t page = 0; page * 512 < original.size(); ++page) {
            std::string zeroed = original;
            std::fill_n(zeroed.begin() + static_cast<std::ptrdiff_t>(page * 512), 512, '\0');
            variants.push_back({"page " + std::to_string(page + 1) + " zeroed", std::move(zeroed)});
        }
        for (Variant& v : corrupt::garbage(32))
            variants.push_back(
                {"SQLite magic then " + v.label, std::string("SQLite format 3\0", 16) + v.bytes});
        corrupt::Audit audit("mlflow sqlite", hangs_);
        auditFile(audit, file, variants, file, original);
        // Wrong types and missing tables or columns, written with SQL.
        for (const char* sql :
             {"UPDATE metrics SET value = 'abc' WHERE step = 10",
              "UPDATE metrics SET value = x'00ff'",
              "UPDATE metrics SET step = 'ten'",
              "UPDATE metrics SET step = 1e300",
              "UPDATE metrics SET is_nan = 'yes'",
              "UPDATE metrics SET key = ''",
              "UPDATE metrics SET key = x'6c006f'",
              "UPDATE metrics SET run_uuid = 'zzz'",
              "UPDATE runs SET start_time = 'soon', name = NULL, experiment_id = NULL",
              "UPDATE runs SET run_uuid = x'00' WHERE run_uuid = 'aaa'",
              "UPDATE runs SET lifecycle_stage = 'deleted'",
              "UPDATE experiments SET lifecycle_stage = 'deleted'",
              "UPDATE params SET value = x'ff00'",
              "UPDATE tags SET value = NULL",
              "DROP TABLE metrics",
              "DROP TABLE runs",
              "DROP TABLE experiments; DROP TABLE params; DROP TABLE tags",
              "CREATE TABLE m AS SELECT key, value, run_uuid FROM metrics; DROP TABLE metrics; "
              "ALTER TABLE m RENAME TO metrics",
              "ALTER TABLE metrics RENAME COLUMN step TO s",
              "ALTER TABLE metrics RENAME COLUMN value TO v",
              "ALTER TABLE runs RENAME COLUMN run_uuid TO id",
              "DELETE FROM metrics",
              "DELETE FROM runs",
              "PRAGMA journal_mode = WAL"}) {
            writeBytes(file, original);
            sqlite3* db = nullptr;
            sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr);
            const int rc = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
            sqlite3_close_v2(db);
            QVERIFY2(rc == SQLITE_OK, sql);
            audit.load(sql, file.string(), file.string());
        }
        writeBytes(file, original);
        finish(audit);
    }

    void hfTrainerState()
    {
        auditTextFormat("hf", "out/checkpoint-300/trainer_state.json", kTrainerState, "hf-trainer-state", 41,
                        corrupt::jsonValueSwaps(kTrainerState));
    }

    void runJson()
    {
        const std::string bytes =
            readBytes(fs::path(SCALELAB_TEST_DATA_DIR) / "logs" / "runjson" / "tiny-d=64-1.0.json");
        QVERIFY(!bytes.empty());
        auditTextFormat("runjson", "tiny-d=64-1.0.json", bytes, "run-json", 51,
                        corrupt::jsonValueSwaps(bytes));
    }

    void wandbExport()
    {
        auditTextFormat("wandb", "export.csv", kWandbExport, "wandb-csv", 61,
                        corrupt::fieldSwaps(kWandbExport, ','));
    }

    void historyCsv()
    {
        auditTextFormat("history-csv", "run-history.csv", kHistoryCsv, "run-history", 71,
                        corrupt::fieldSwaps(kHistoryCsv, ','));
    }

    void historyTsv()
    {
        auditTextFormat("history-tsv", "70m-seed1.tsv", kHistoryTsv, "run-history", 81,
                        corrupt::fieldSwaps(kHistoryTsv, '\t'));
    }

    void historyJsonLines()
    {
        auditTextFormat("history-jsonl", "r1/files/wandb-history.jsonl", kHistoryJsonl, "run-history", 91,
                        corrupt::jsonValueSwaps(kHistoryJsonl));
    }
};

QTEST_APPLESS_MAIN(TestLogImportCorruption)
#include "tst_LogImportCorruption.moc"

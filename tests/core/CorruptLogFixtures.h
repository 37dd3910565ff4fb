// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The valid fixtures that tst_LogImportCorruption damages, one small one per run-log format:
// TensorBoard events (simple_value, DT_DOUBLE double_val, DT_FLOAT tensor_content, a restart,
// hparams) framed as TFRecords, an MLflow mlruns/ tree and SQLite database, trainer_state.json,
// a W&B chart export and run histories as CSV, TSV and JSON Lines; and the file helpers that
// write them. Byte-exact: the corrupt variants are derived from these bytes.

#include "core/CorruptVariants.h"
#include "core/TfEventBuilders.h"
#include "core/io/TfRecordReader.h"

#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace logfixture {

namespace fs = std::filesystem;
using testproto::Bytes;

/// Writes `bytes` to `path`, creating its parent directories.
inline void writeBytes(const fs::path& path, std::string_view bytes)
{
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

/// The whole file at `path` ("" when unreadable).
inline std::string readBytes(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

inline std::string asText(const Bytes& b)
{
    return std::string(reinterpret_cast<const char*>(b.data()), b.size());
}

inline Bytes asBytes(std::string_view s)
{
    Bytes out;
    for (char c : s)
        out.push_back(static_cast<std::byte>(c));
    return out;
}

/// `a` followed by `b`.
inline std::vector<corrupt::Variant> plus(std::vector<corrupt::Variant> a, std::vector<corrupt::Variant> b)
{
    for (corrupt::Variant& v : b)
        a.push_back(std::move(v));
    return a;
}

// --- TensorBoard: events with simple_value, a DT_DOUBLE double_val, a DT_FLOAT tensor_content
// with plugin metadata, a restart and hparams.

inline std::vector<Bytes> tensorBoardEvents()
{
    using namespace testproto;
    return {versionEvent(),
            scalarEvent(1, "loss", 4.0F),
            doubleEvent(2, "loss", 3.5),
            tensorContentEvent(3, "loss", 3.25F),
            sessionStart(3),
            scalarEvent(3, "loss", 3.0F),
            scalarEvent(4, "lr", 0.001F),
            hparamsEvent(false)};
}

/// The events framed as TFRecords, one after the other.
inline std::string framed(const std::vector<Bytes>& events)
{
    std::string out;
    for (const Bytes& e : events)
        out += asText(core::frameTfRecord(e));
    return out;
}

// --- MLflow file store: one experiment, one run with a nested metric key, a legacy line, nan.

inline const std::map<std::string, std::string> kMlflowTree = {
    {"0/meta.yaml", "artifact_location: file:///tmp/mlruns/0\ncreation_time: 1700000000000\n"
                    "experiment_id: '0'\nlifecycle_stage: active\nname: \"Default \\u00e9\\\n  sweep\"\n"},
    {"0/a1b2/meta.yaml",
     "artifact_uri: file:///tmp/mlruns/0/a1b2/artifacts\nend_time: null\n"
     "experiment_id: '0'\nlifecycle_stage: active\nrun_id: a1b2\nrun_name: 'small ''one'''\n"
     "run_uuid: a1b2\nsource_type: 4\nstart_time: 1700000001000\nstatus: 3\ntags: []\n"},
    {"0/a1b2/metrics/loss", "1700000001100 2.5 0\n1700000001200 1.25 10\n1700000001300 nan 20\n"},
    {"0/a1b2/metrics/eval/loss", "1700000001150 3.0 0\r\n1700000001250 1.5\r\n"},
    {"0/a1b2/params/n_params", "1000000"},
    {"0/a1b2/tags/mlflow.runName", "small"},
};

/// Replaces `root` by the files of `tree` (relative path -> bytes).
inline void writeTree(const fs::path& root, const std::map<std::string, std::string>& tree)
{
    std::error_code ec;
    fs::remove_all(root, ec);
    for (const auto& [rel, bytes] : tree)
        writeBytes(root / rel, bytes);
}

// --- MLflow SQLite: MLflow's tables with 512-byte pages, so the file is small.

inline constexpr const char* kSqlite = R"SQL(
PRAGMA page_size = 512;
CREATE TABLE experiments (experiment_id INTEGER NOT NULL, name VARCHAR(256) NOT NULL,
    lifecycle_stage VARCHAR(32), CONSTRAINT experiment_pk PRIMARY KEY (experiment_id));
CREATE TABLE runs (run_uuid VARCHAR(32) NOT NULL, name VARCHAR(250), start_time BIGINT,
    lifecycle_stage VARCHAR(20), experiment_id INTEGER, CONSTRAINT run_pk PRIMARY KEY (run_uuid));
CREATE TABLE metrics (key VARCHAR(250) NOT NULL, value FLOAT NOT NULL, timestamp BIGINT NOT NULL,
    run_uuid VARCHAR(32) NOT NULL, step BIGINT DEFAULT '0' NOT NULL, is_nan BOOLEAN DEFAULT '0' NOT NULL,
    CONSTRAINT metric_pk PRIMARY KEY (key, timestamp, step, run_uuid, value, is_nan));
CREATE TABLE params (key VARCHAR(250) NOT NULL, value VARCHAR(8000) NOT NULL, run_uuid VARCHAR(32) NOT NULL,
    CONSTRAINT param_pk PRIMARY KEY (key, run_uuid));
CREATE TABLE tags (key VARCHAR(250) NOT NULL, value VARCHAR(5000), run_uuid VARCHAR(32) NOT NULL,
    CONSTRAINT tag_pk PRIMARY KEY (key, run_uuid));
INSERT INTO experiments VALUES (0, 'Default', 'active');
INSERT INTO runs VALUES ('aaa', 'small', 1000, 'active', 0), ('bbb', '', 2000, 'active', 0);
INSERT INTO metrics VALUES ('loss', 4.5, 1, 'aaa', 0, 0), ('loss', 3.25, 2, 'aaa', 10, 0),
    ('loss', 0, 3, 'aaa', 20, 1), ('loss', 2.5, 1, 'bbb', 0, 0), ('lr', 0.001, 1, 'bbb', 0, 0);
INSERT INTO params VALUES ('n_params', '1000000', 'aaa'), ('n_params', '70M', 'bbb');
INSERT INTO tags VALUES ('mlflow.runName', 'large', 'bbb');
)SQL";

/// Writes the kSqlite database at `path`; its bytes ("" when SQLite failed).
inline std::string sqliteFixture(const fs::path& path)
{
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    const int rc = sqlite3_exec(db, kSqlite, nullptr, nullptr, nullptr);
    sqlite3_close_v2(db);
    return rc == SQLITE_OK ? readBytes(path) : std::string();
}

// --- Text formats.

inline constexpr const char* kTrainerState = R"({
  "best_metric": null,
  "epoch": 0.5,
  "global_step": 300,
  "log_history": [
    {"epoch": 0.1, "grad_norm": 1.25, "learning_rate": 5e-05, "loss": 3.9876543210987654,
     "num_input_tokens_seen": 204800, "step": 100},
    {"epoch": 0.2, "grad_norm": Infinity, "loss": NaN, "num_input_tokens_seen": 409600, "step": 200},
    {"epoch": 0.25, "eval_loss": 3.5, "eval_runtime": 12.3456, "step": 250},
    {"epoch": 0.3, "learning_rate": "4e-05", "loss": 2.75, "step": 300},
    {"epoch": 0.5, "step": 300, "total_flos": 1.234e+15, "train_loss": 3.125, "train_runtime": 99.5}
  ],
  "trial_params": {"n_params": 1000000, "tags": ["a", "b"]}
}
)";

inline constexpr std::string_view kWandbExport =
    "\"Step\",\"alpha - train/loss\",\"alpha - train/loss__MIN\",\"alpha - train/loss__MAX\","
    "\"b - lr=1e-3 - train/loss\"\n"
    "0,4.5,4.25,4.75,5.5\n"
    "100,\"3.5\",3.25,3.75,\n"
    "150,,,,NaN\n"
    "200.5,2.5,2.25,2.75,0.1\n";

inline constexpr std::string_view kHistoryCsv =
    ",_step,_runtime,_timestamp,train/loss,eval/loss,lr,tokens,_wandb.runtime\n"
    "0,0,1.5,1700000000.25,4.5,,0.001,0,2\n"
    "1,1,2.5,1700000001.25,4.25,,0.002,4096,3\n"
    "2,2,3.5,1700000002.25,,3.75,,8192,4\n"
    "3,3,4.5,1700000003.25,4.0,3.5,0.003,12288,5\n";

inline constexpr std::string_view kHistoryTsv = "train/lm_loss\tstep\n11.070497512817383\t1\n11.069671630859375\t2\n"
                                         "10.5\t3\n9.25\t4\n8.125\t5\n";

inline constexpr std::string_view kHistoryJsonl =
    "{\"_step\": 0, \"_runtime\": 1.5, \"train/loss\": 4.5, \"phase\": \"warmup\", \"_wandb\": {\"runtime\": "
    "1}}\n"
    "\n"
    "{\"_step\": 1, \"train/loss\": NaN, \"eval\": {\"loss\": 3.25}, \"trainer/tokens\": 2048}\n"
    "{\"_step\": 2, \"train/loss\": 3.875, \"trainer/tokens\": 4096, \"phase\": \"main\"}\n";

} // namespace logfixture

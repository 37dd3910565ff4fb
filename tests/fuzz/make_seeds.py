#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the seed corpora tests/fuzz/corpus/<target>/seed-* from the test fixtures: the files in
tests/data and the small fixtures that tests/core builds in code (tst_LogImportCorruption's
TensorBoard events, MLflow tree and SQLite store, trainer_state.json, W&B export and run histories),
encoded the way each target reads its input (docs/FUZZING.md). Deterministic; rerun after changing
a fixture. Files from fuzzing campaigns (no "seed-" prefix) are left alone.

Usage: python3 tests/fuzz/make_seeds.py   (from anywhere; needs only the standard library)
"""
import os
import pathlib
import shutil
import sqlite3
import struct
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
CORPUS = ROOT / "tests" / "fuzz" / "corpus"
MAX_SEED = 16 * 1024  # larger fixtures would slow every fuzzing iteration

# --- protocol buffers and TFRecord framing (as tests/core/ProtoEncoder.h and core/io/TfRecordReader)


def varint(v):
    out = bytearray()
    while True:
        b = v & 0x7F
        v >>= 7
        out.append(b | 0x80 if v else b)
        if not v:
            return bytes(out)


def f_varint(tag, v):
    return varint(tag << 3) + varint(v)


def f_f64(tag, d):
    return varint((tag << 3) | 1) + struct.pack("<d", d)


def f_f32(tag, f):
    return varint((tag << 3) | 5) + struct.pack("<f", f)


def f_bytes(tag, b):
    return varint((tag << 3) | 2) + varint(len(b)) + b


def f_str(tag, s):
    return f_bytes(tag, s.encode())


def crc32c(data):
    crc = 0xFFFFFFFF
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ (0x82F63B78 if crc & 1 else 0)
    return crc ^ 0xFFFFFFFF


def masked(crc):
    return ((((crc >> 15) | (crc << 17)) & 0xFFFFFFFF) + 0xA282EAD8) & 0xFFFFFFFF


def frame(record):
    length = struct.pack("<Q", len(record))
    return length + struct.pack("<I", masked(crc32c(length))) + record + struct.pack("<I", masked(crc32c(record)))


def scalar_event(step, tag, v):
    value = f_str(1, tag) + f_f32(2, v)
    return f_f64(1, 1.7e9) + f_varint(2, step) + f_bytes(5, f_bytes(1, value))


def double_event(step, tag, v):
    tensor = f_varint(1, 2) + f_bytes(6, struct.pack("<d", v))
    value = f_str(1, tag) + f_bytes(8, tensor)
    return f_f64(1, 1.7e9) + f_varint(2, step) + f_bytes(5, f_bytes(1, value))


def tensor_content_event(step, tag, v):
    tensor = f_varint(1, 1) + f_bytes(2, b"") + f_bytes(4, struct.pack("<f", v))
    metadata = f_bytes(1, f_str(1, "scalars"))
    value = f_str(1, tag) + f_bytes(9, metadata) + f_bytes(8, tensor)
    return f_f64(1, 1.7e9) + f_varint(2, step) + f_bytes(5, f_bytes(1, value))


def hparams_event():
    def entry(key, value):
        return f_str(1, key) + f_bytes(2, value)
    start = (f_bytes(1, entry("n_params", f_f64(2, 7e7))) + f_bytes(1, entry("optimizer", f_str(3, "adamw")))
             + f_bytes(1, entry("compile", f_varint(4, 1))))
    content = f_varint(1, 0) + f_bytes(3, start)
    metadata = f_bytes(1, f_str(1, "hparams") + f_bytes(2, content))
    tensor = f_varint(1, 1) + f_bytes(2, b"") + f_f32(5, 0.0)
    value = f_str(1, "_hparams_/session_start_info") + f_bytes(9, metadata) + f_bytes(8, tensor)
    return f_f64(1, 1.7e9) + f_bytes(5, f_bytes(1, value))


def tensorboard_events():
    return [f_f64(1, 1.7e9) + f_str(3, "brain.Event:2"),
            scalar_event(1, "loss", 4.0),
            double_event(2, "loss", 3.5),
            tensor_content_event(3, "loss", 3.25),
            f_f64(1, 1.7e9) + f_varint(2, 3) + f_bytes(7, f_varint(1, 1)),  # SessionLog START
            scalar_event(3, "loss", 3.0),
            scalar_event(4, "lr", 0.001),
            hparams_event()]


def length_prefixed(events):
    """The input format of fuzz_tensorboard_events (tests/fuzz/EventFraming.h)."""
    return b"".join(varint(len(e)) + e for e in events)


# --- the text fixtures of tests/core/tst_LogImportCorruption.cpp

MLFLOW_TREE = {
    "0/meta.yaml": "artifact_location: file:///tmp/mlruns/0\ncreation_time: 1700000000000\n"
                   "experiment_id: '0'\nlifecycle_stage: active\nname: \"Default \\u00e9\\\n  sweep\"\n",
    "0/a1b2/meta.yaml": "artifact_uri: file:///tmp/mlruns/0/a1b2/artifacts\nend_time: null\n"
                        "experiment_id: '0'\nlifecycle_stage: active\nrun_id: a1b2\nrun_name: 'small ''one'''\n"
                        "run_uuid: a1b2\nsource_type: 4\nstart_time: 1700000001000\nstatus: 3\ntags: []\n",
    "0/a1b2/metrics/loss": "1700000001100 2.5 0\n1700000001200 1.25 10\n1700000001300 nan 20\n",
    "0/a1b2/metrics/eval/loss": "1700000001150 3.0 0\r\n1700000001250 1.5\r\n",
    "0/a1b2/params/n_params": "1000000",
    "0/a1b2/tags/mlflow.runName": "small",
}

SQLITE = """
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
"""

TRAINER_STATE = """{
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
"""

WANDB_EXPORT = ('"Step","alpha - train/loss","alpha - train/loss__MIN","alpha - train/loss__MAX",'
                '"b - lr=1e-3 - train/loss"\n'
                '0,4.5,4.25,4.75,5.5\n100,"3.5",3.25,3.75,\n150,,,,NaN\n200.5,2.5,2.25,2.75,0.1\n')

HISTORY_CSV = (",_step,_runtime,_timestamp,train/loss,eval/loss,lr,tokens,_wandb.runtime\n"
               "0,0,1.5,1700000000.25,4.5,,0.001,0,2\n1,1,2.5,1700000001.25,4.25,,0.002,4096,3\n"
               "2,2,3.5,1700000002.25,,3.75,,8192,4\n3,3,4.5,1700000003.25,4.0,3.5,0.003,12288,5\n")

HISTORY_TSV = "train/lm_loss\tstep\n11.070497512817383\t1\n11.069671630859375\t2\n10.5\t3\n9.25\t4\n8.125\t5\n"

HISTORY_JSONL = ('{"_step": 0, "_runtime": 1.5, "train/loss": 4.5, "phase": "warmup", "_wandb": {"runtime": 1}}\n'
                 '\n{"_step": 1, "train/loss": NaN, "eval": {"loss": 3.25}, "trainer/tokens": 2048}\n'
                 '{"_step": 2, "train/loss": 3.875, "trainer/tokens": 4096, "phase": "main"}\n')

# --- tests/core/tst_FormulaLaw.cpp and the CLI's misra1a example

FORMULAS = [
    "b1,b2\nb1*(1-exp(-b2*x))",
    "a,b,c,d\n(a + b*x + c*x^2)/(1 + d*x)",
    "b1,b2,b3,b4\nb1 - b2*x - arctan(b3/(x-b4))/pi",
    "E=1.69,A=406.4,B=410.7,alpha=0.34,beta=0.28\nE + A/N^alpha + B/D^beta + 0*C",
    "k=0.5\nk*C/(N*D)",
    "b1,b2,b3,b4\nb1/((1+exp(b2-b3*x))^(1/b4))",
    "a,b\na + b*x^2",
    "b1,b2\nb1*(1-exp(-b2*x)",
    "b1\nb1*x +",
    "a,a\na*x",
]

# --- projects (ui/ProjectFile.cpp's keys; tests/ui/tst_ProjectFile.cpp's error cases)

PROJECT_FULL = """{
    "application": "ScaleLab 0.1.0",
    "data": {
        "import": {
            "columns": {"N": "params", "loss": "val_loss"},
            "delimiter": ",",
            "filters": [{"column": "experiment", "equals": true, "value": "a"},
                        {"column": "outlier", "equals": false, "value": "True"}],
            "logs": {"joinColumn": "run", "joinTable": "../meta/metadata.tsv",
                     "keys": {"N": "model_size", "D": "hyperparameters.tokens"}, "metric": "eval/loss",
                     "namePattern": "(?<N>[0-9]+m)-seed(?<seed>[0-9])", "tokensPerStep": 2097152},
            "runKey": ["model", "lr"]
        },
        "path": "../data/runs.csv"
    },
    "fit": {
        "backtest": {"quantity": "C", "threshold": 1e20},
        "bootstrap": 200,
        "bounds": {"alpha": [0.01, 2], "E": ["-inf", "inf"]},
        "delta": 0.001,
        "excludedRuns": ["row 3", "small | 0.001"],
        "fixed": {"E": 1.69},
        "grid": "chinchilla",
        "law": "chinchilla",
        "lhsStarts": 64,
        "objective": "huber-log",
        "range": {"lower": 1e6, "quantity": "N", "upper": "inf"},
        "seed": "18446744073709551615",
        "selection": {"excludeTopLoss": 5, "points": "min", "x": "D"},
        "starts": {"A": 406.4, "B": "-0"},
        "threads": 2
    },
    "formatVersion": 1,
    "originalProject": "/home/me/p.scalelab",
    "result": {"law": "chinchilla", "names": ["E", "A", "B", "alpha", "beta"],
               "objective": 1.018274e-3, "params": [1.81722, 477.83, 2143.42, 0.34731, "nan"]},
    "view": {
        "budget": 5.76e23,
        "chart": {"xHi": 1e12, "xLo": 1e6, "yHi": 5, "yLo": 1.5},
        "colorBy": "budget",
        "hiddenRuns": ["row 7"],
        "seedColumn": "seed",
        "smoothing": 0.6,
        "view": "allocation",
        "x": "C"
    }
}
"""

PROJECTS = [
    PROJECT_FULL,
    '{"formatVersion": 1, "data": {"path": "x.csv"}}',
    '{"formatVersion": 2, "data": {"path": "x.csv"}}',
    '{"data": {"path": "x.csv"}}',
    '{\n  "formatVersion": 1,\n  "view": {"budget": }\n}\n',
    '{"formatVersion": 1, "data": {"path": "x.csv"}, "fit": {"selection": {"points": "last"}}}',
    '{"formatVersion": 1, "data": {"path": "x.csv"}, "fit": {"bounds": {"A": [1]}}}',
    '{"formatVersion": 1, "data": {"path": "x.csv"}, "view": {"hiddenRuns": ["a", 3]}}',
    '{"formatVersion": 1, "data": {"path": "x.csv", "import": {"logs": {"keys": {"size": "m"}}}}}',
]


def tree(entries):
    """The input format of the directory targets (tests/fuzz/FuzzTree.h)."""
    return b"\n".join(b"@@ " + path.encode() + b"\n" + body for path, body in entries)


def write(target, name, data):
    if isinstance(data, str):
        data = data.encode()
    if len(data) > MAX_SEED:
        return
    d = CORPUS / target
    d.mkdir(parents=True, exist_ok=True)
    (d / ("seed-" + name)).write_bytes(data)


def copy_files(target, paths):
    for p in paths:
        write(target, p.name, p.read_bytes())


def main():
    for d in CORPUS.glob("*"):
        for f in d.glob("seed-*"):
            f.unlink()

    io = DATA / "io"
    tables = sorted(io.glob("*.csv")) + sorted(io.glob("*.tsv")) + sorted((DATA / "cli").glob("*.csv")) \
        + sorted((DATA / "ui").glob("*.csv")) + [ROOT / "resources" / "sample" / "marin-dclm-isoflops.csv"]
    copy_files("csv", tables)
    copy_files("jsonl", sorted(io.glob("*.jsonl")))

    histories = {"wandb.csv": HISTORY_CSV, "lm_loss.tsv": HISTORY_TSV, "wandb-history.jsonl": HISTORY_JSONL}
    for name, text in histories.items():
        write("run_history", name, text)
    folder_seeds = sorted((DATA / "logs" / "folder-seeds").glob("*.tsv"))
    copy_files("run_history", [p for p in folder_seeds if p.name != "metadata.tsv"])
    write("wandb_csv", "export.csv", WANDB_EXPORT)

    events = tensorboard_events()
    write("tensorboard", "events", b"".join(frame(e) for e in events))
    write("tensorboard", "version-only", frame(events[0]))
    write("tensorboard_events", "events", length_prefixed(events))
    for i, e in enumerate(events):
        write("tensorboard_events", "event-%d" % i, length_prefixed([e]))
    write("tensorboard_dir", "two-runs", tree([
        ("run1/events.out.tfevents.1700000000.host.1.v2", length_prefixed(events[:4])),
        ("run1/events.out.tfevents.1700000100.host.1.v2", length_prefixed(events[4:])),
        ("run2/train/events.out.tfevents.1700000000.host.2.v2", length_prefixed([events[0], events[1]])),
    ]))

    write("hf_trainer_state", "trainer_state.json", TRAINER_STATE)
    write("hf_trainer_state", "minimal.json", '{"global_step": 2, "log_history": [{"loss": 1.5, "step": 1}, '
                                              '{"loss": 1.25, "step": 2}]}')
    runjson = sorted((DATA / "logs" / "runjson").glob("*.json"))
    copy_files("run_json", runjson)

    mlflow = [(k, v.encode()) for k, v in MLFLOW_TREE.items()]
    write("mlflow", "store", tree(mlflow))
    write("mlflow", "two-experiments", tree(mlflow + [(k.replace("0/", "1/", 1).replace("a1b2", "c3d4"),
                                                       v.replace(b"'0'", b"'1'")) for k, v in mlflow]))
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "mlflow.db")
        con = sqlite3.connect(db)
        con.executescript(SQLITE)
        con.close()
        sqlite_bytes = pathlib.Path(db).read_bytes()
    write("mlflow_sqlite", "mlflow.db", sqlite_bytes)

    write("folder", "seeds-and-join", tree([("runs/" + p.name, p.read_bytes()) for p in folder_seeds]
                                           + [("metadata.tsv", (DATA / "logs" / "folder-seeds" / "metadata.tsv").read_bytes())]))
    write("folder", "runjson", tree([(p.name, p.read_bytes()) for p in runjson]))
    write("folder", "mixed", tree([
        ("tb/run1/events.out.tfevents.1700000000.host.1.v2", length_prefixed(events)),
        ("hf/out/trainer_state.json", TRAINER_STATE.encode()),
        ("wandb/run-a/files/wandb-history.jsonl", HISTORY_JSONL.encode()),
        ("export.csv", WANDB_EXPORT.encode()),
    ] + [("mlruns/" + k, v) for k, v in mlflow]))

    # fuzz_import_file: the first byte picks the name (tests/fuzz/fuzz_import_file.cpp's kNames).
    names = {"runs.csv": 0, "runs.tsv": 1, "runs.jsonl": 3, "wandb-history.jsonl": 5, "trainer_state.json": 6,
             "results.json": 7, "mlflow.db": 8, "events": 9, "export.csv": 10}
    write("import_file", "final_loss.csv", bytes([names["runs.csv"]]) + (io / "final_loss.csv").read_bytes())
    write("import_file", "long.csv", bytes([names["runs.csv"]]) + (io / "long.csv").read_bytes())
    write("import_file", "tab.tsv", bytes([names["runs.tsv"]]) + (io / "tab.tsv").read_bytes())
    write("import_file", "nested.jsonl", bytes([names["runs.jsonl"]]) + (io / "nested.jsonl").read_bytes())
    write("import_file", "history.jsonl", bytes([names["wandb-history.jsonl"]]) + HISTORY_JSONL.encode())
    write("import_file", "history.csv", bytes([names["runs.csv"]]) + HISTORY_CSV.encode())
    write("import_file", "trainer_state.json", bytes([names["trainer_state.json"]]) + TRAINER_STATE.encode())
    write("import_file", "run.json", bytes([names["results.json"]]) + runjson[0].read_bytes())
    write("import_file", "mlflow.db", bytes([names["mlflow.db"]]) + sqlite_bytes)
    write("import_file", "events", bytes([names["events"]]) + b"".join(frame(e) for e in events))
    write("import_file", "wandb-export.csv", bytes([names["export.csv"]]) + WANDB_EXPORT.encode())

    for i, f in enumerate(FORMULAS):
        write("formula", "%02d" % i, f)
    for i, p in enumerate(PROJECTS):
        write("project_file", "%02d.scalelab" % i, p)


if __name__ == "__main__":
    main()

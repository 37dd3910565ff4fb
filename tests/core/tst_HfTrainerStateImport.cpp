// SPDX-License-Identifier: GPL-3.0-or-later
// Hugging Face trainer_state.json (issue 6, item 3): series from the train and eval rows of
// log_history (NaN and infinities kept, tokens from num_input_tokens_seen), the summary row and the
// top-level scalars as params, the run named after the output_dir of a checkpoint-<n>, output_dirs
// and folders of them, sniffing, importFile, and corrupt files giving clear errors.
#include "core/LogTestUtil.h"
#include "core/io/Importers.h"
#include "core/io/logs/HfTrainerStateImporter.h"

#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <limits>
#include <string>

namespace {

// As transformers writes it (json.dumps(indent=2, sort_keys=True)), trimmed, with a text value in
// a metric slot (row 4) that must be skipped with a warning.
const char* const kState = R"({
  "best_metric": null,
  "best_model_checkpoint": null,
  "epoch": 0.5,
  "eval_steps": 250,
  "global_step": 500,
  "is_hyper_param_search": false,
  "log_history": [
    {
      "epoch": 0.1,
      "grad_norm": 1.25,
      "learning_rate": 5e-05,
      "loss": 3.9876543210987654,
      "num_input_tokens_seen": 204800,
      "step": 100
    },
    {
      "epoch": 0.2,
      "grad_norm": Infinity,
      "learning_rate": 4.5e-05,
      "loss": NaN,
      "num_input_tokens_seen": 409600,
      "step": 200
    },
    {
      "epoch": 0.25,
      "eval_loss": 3.5,
      "eval_runtime": 12.3456,
      "eval_samples_per_second": 81.0,
      "eval_steps_per_second": 10.125,
      "step": 250
    },
    {
      "epoch": 0.3,
      "grad_norm": -Infinity,
      "learning_rate": 4e-05,
      "loss": 2.75,
      "step": 300
    },
    {
      "epoch": 0.4,
      "grad_norm": 0.5,
      "learning_rate": "3.5e-05",
      "loss": 2.5,
      "num_input_tokens_seen": 819200,
      "step": 400
    },
    {
      "epoch": 0.5,
      "eval_loss": 2.25,
      "eval_runtime": 11.0,
      "step": 500
    },
    {
      "epoch": 0.5,
      "step": 500,
      "total_flos": 1.234e+15,
      "train_loss": 3.125,
      "train_runtime": 456.789,
      "train_samples_per_second": 17.5,
      "train_steps_per_second": 1.095
    }
  ],
  "logging_steps": 100,
  "max_steps": 1000,
  "num_input_tokens_seen": 1024000,
  "num_train_epochs": 1,
  "save_steps": 500,
  "stateful_callbacks": {
    "TrainerControl": {
      "args": {
        "should_training_stop": false
      },
      "attributes": {}
    }
  },
  "total_flos": 1.234e+15,
  "train_batch_size": 8,
  "trial_name": null,
  "trial_params": null
}
)";

const double kNaN = std::numeric_limits<double>::quiet_NaN();
const double kInf = std::numeric_limits<double>::infinity();

using logtest::contains;
using logtest::number;
using logtest::sameValues;
using logtest::text;
using logtest::write;

} // namespace

class TestHfTrainerStateImport : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::string root_;
    std::string state_; // <root>/my-run-70M/checkpoint-500/trainer_state.json
    core::HfTrainerStateImporter importer_;

    std::string path(const std::string& relative) const { return root_ + "/" + relative; }

    /// readLogs on `text` written to <root>/bad/<name>; must fail. Returns the error.
    core::Error failure(const std::string& name, const std::string& text)
    {
        return logtest::readFailure(importer_, path("bad/" + name), text);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        root_ = dir_.path().toStdString();
        state_ = path("my-run-70M/checkpoint-500/trainer_state.json");
        write(state_, kState);
    }

    void seriesFromTrainAndEvalRows()
    {
        auto logs = importer_.readLogs(state_, {});
        QVERIFY2(logs.has_value(), logs ? "" : logs.error().toString().c_str());
        QCOMPARE(logs->runs.size(), std::size_t{1});
        const core::LoggedRun& run = logs->runs[0];
        QCOMPARE(run.format, std::string("hf-trainer-state"));
        QCOMPARE(run.source, state_);
        std::vector<std::string> names;
        for (const auto& s : run.series)
            names.push_back(s.metric);
        // In order of first appearance; epoch, step, tokens, total_flos and the summary row's keys
        // are not series.
        QCOMPARE(names, (std::vector<std::string>{"grad_norm", "learning_rate", "loss", "eval_loss",
                                                  "eval_runtime", "eval_samples_per_second",
                                                  "eval_steps_per_second"}));
        const core::LoggedSeries* loss = run.find("loss");
        QVERIFY(sameValues(loss->step, {100, 200, 300, 400}));
        QVERIFY(sameValues(loss->value, {3.9876543210987654, kNaN, 2.75, 2.5}));
        QVERIFY(sameValues(loss->tokens, {204800, 409600, kNaN, 819200}));
        QVERIFY(sameValues(run.find("grad_norm")->value, {1.25, kInf, -kInf, 0.5}));
        // The text learning rate of step 400 is skipped, the others kept exactly.
        const core::LoggedSeries* lr = run.find("learning_rate");
        QVERIFY(sameValues(lr->step, {100, 200, 300}));
        QVERIFY(sameValues(lr->value, {5e-05, 4.5e-05, 4e-05}));
        const core::LoggedSeries* eval = run.find("eval_loss");
        QVERIFY(sameValues(eval->step, {250, 500}));
        QVERIFY(sameValues(eval->value, {3.5, 2.25}));
        QVERIFY(sameValues(eval->tokens, {kNaN, kNaN}));
        QVERIFY(sameValues(run.find("eval_runtime")->value, {12.3456, 11.0}));
        QVERIFY(sameValues(run.find("eval_steps_per_second")->step, {250}));
        QCOMPARE(logs->warnings.size(), std::size_t{1});
        QVERIFY2(contains(logs->warnings[0], "log_history[4].learning_rate is a string (\"3.5e-05\")"),
                 logs->warnings[0].c_str());
        QVERIFY(contains(logs->warnings[0], state_.c_str()));
    }

    void paramsAndRunName()
    {
        auto logs = importer_.readLogs(state_, {});
        QVERIFY(logs.has_value());
        const core::LoggedRun& run = logs->runs[0];
        QCOMPARE(run.name, std::string("my-run-70M")); // the output_dir, not checkpoint-500
        QCOMPARE(run.id, path("my-run-70M"));
        QCOMPARE(number(run, "checkpoint"), 500.0);
        QCOMPARE(number(run, "global_step"), 500.0);
        QCOMPARE(number(run, "max_steps"), 1000.0);
        QCOMPARE(number(run, "num_train_epochs"), 1.0);
        QCOMPARE(number(run, "train_batch_size"), 8.0);
        QCOMPARE(number(run, "total_flos"), 1.234e15);
        QCOMPARE(number(run, "num_input_tokens_seen"), 1024000.0);
        QCOMPARE(number(run, "logging_steps"), 100.0);
        QCOMPARE(number(run, "eval_steps"), 250.0);
        QCOMPARE(number(run, "epoch"), 0.5);
        QCOMPARE(text(run, "is_hyper_param_search"), std::string("false"));
        QCOMPARE(text(run, "stateful_callbacks.TrainerControl.args.should_training_stop"),
                 std::string("false"));
        QCOMPARE(number(run, "summary.train_loss"), 3.125);
        QCOMPARE(number(run, "summary.train_runtime"), 456.789);
        QCOMPARE(number(run, "summary.train_steps_per_second"), 1.095);
        QCOMPARE(number(run, "summary.total_flos"), 1.234e15);
        QCOMPARE(run.params.count("best_metric"), std::size_t{0}); // null
        QCOMPARE(run.params.count("log_history"), std::size_t{0});
        QVERIFY(run.find("train_loss") == nullptr);
        QVERIFY(run.find("train_runtime") == nullptr);
        QVERIFY(run.find("epoch") == nullptr);
    }

    void fileWithoutCheckpointParent()
    {
        const std::string file = path("plain-run/trainer_state.json");
        write(file, R"({"global_step": 2, "log_history": [{"loss": 1.5, "step": 1}, {"loss": 1.25, "step": 2}]})");
        auto logs = importer_.readLogs(file, {});
        QVERIFY(logs.has_value());
        QCOMPARE(logs->runs[0].name, std::string("plain-run"));
        QCOMPARE(logs->runs[0].params.count("checkpoint"), std::size_t{0});
        QVERIFY(sameValues(logs->runs[0].find("loss")->value, {1.5, 1.25}));
        QVERIFY(sameValues(logs->runs[0].find("loss")->tokens, {kNaN, kNaN}));
    }

    void outputDirAndFolderOfRuns()
    {
        // An output_dir: the checkpoint with the largest number holds the run.
        write(path("sweep/run-b/checkpoint-90/trainer_state.json"),
              R"({"log_history": [{"loss": 9.0, "step": 90}]})");
        write(path("sweep/run-b/checkpoint-100/trainer_state.json"),
              R"({"log_history": [{"loss": 9.0, "step": 90}, {"loss": 8.5, "step": 100}]})");
        write(path("sweep/run-a/trainer_state.json"), R"({"log_history": [{"loss": 7.0, "step": 5}]})");
        write(path("sweep/notes/readme.txt"), "not a run");
        QCOMPARE(importer_.sniffDirectory(path("sweep/run-b")), 0.9);
        QCOMPARE(importer_.sniffDirectory(path("sweep")), 0.3);
        QCOMPARE(importer_.sniffDirectory(path("sweep/notes")), 0.0);
        auto one = importer_.readLogs(path("sweep/run-b"), {});
        QVERIFY(one.has_value());
        QCOMPARE(one->runs.size(), std::size_t{1});
        QCOMPARE(one->runs[0].id, std::string("run-b"));
        QCOMPARE(number(one->runs[0], "checkpoint"), 100.0);
        QVERIFY(sameValues(one->runs[0].find("loss")->step, {90, 100}));

        int calls = 0;
        auto all = importer_.readLogs(path("sweep"), [&calls](double) { return ++calls > 0; });
        QVERIFY(all.has_value());
        QCOMPARE(all->runs.size(), std::size_t{2});
        QCOMPARE(all->runs[0].id, std::string("run-a"));
        QCOMPARE(all->runs[1].id, std::string("run-b"));
        QCOMPARE(all->runs[1].name, std::string("run-b"));
        QCOMPARE(calls, 2);
        auto cancelled = importer_.readLogs(path("sweep"), [](double) { return false; });
        QVERIFY(!cancelled.has_value());
        QCOMPARE(cancelled.error().message, std::string("cancelled"));

        auto none = importer_.readLogs(path("sweep/notes"), {});
        QVERIFY(!none.has_value());
        QVERIFY(contains(none.error().message, "no trainer_state.json"));
    }

    void sniffing()
    {
        QCOMPARE(importer_.sniff("/x/trainer_state.json", ""), 0.95);
        QCOMPARE(importer_.sniff("/x/state.json", "{\n  \"epoch\": 1,\n  \"log_history\": ["), 0.9);
        QCOMPARE(importer_.sniff("/x/state.json", "{\"name\": \"run\"}"), 0.0);
        QCOMPARE(importer_.sniff("/x/state.jsonl", "{\"log_history\": []}"), 0.0);
        auto chosen = core::importerFor(state_);
        QVERIFY(chosen.has_value());
        QCOMPARE((*chosen)->id(), std::string_view("hf-trainer-state"));
        const std::string renamed = path("renamed/state-copy.json");
        write(renamed, kState);
        QCOMPARE((*core::importerFor(renamed))->id(), std::string_view("hf-trainer-state"));
        QCOMPARE((*core::importerFor(path("sweep/run-b")))->id(), std::string_view("hf-trainer-state"));
    }

    void importFileGivesSweep()
    {
        core::ImportOptions options;
        options.logs.metric = "loss";
        options.logs.namePattern = "-(?<N>[0-9]+M)$";
        auto sweep = core::importFile(state_, options, {});
        QVERIFY2(sweep.has_value(), sweep ? "" : sweep.error().toString().c_str());
        QCOMPARE(sweep->format, std::string("hf-trainer-state"));
        QCOMPARE(sweep->runs.size(), std::size_t{1});
        const core::Run& run = sweep->runs[0];
        QCOMPARE(run.N, 70e6);
        QCOMPARE(run.curves.size(), std::size_t{1});
        const core::Curve& curve = run.curves[0];
        QCOMPARE(curve.metric, std::string("loss"));
        QCOMPARE(curve.size(), std::size_t{4}); // every point kept, the NaN one too
        QVERIFY(sameValues(curve.step, {100, 200, 300, 400}));
        QVERIFY(sameValues(curve.value, {3.9876543210987654, kNaN, 2.75, 2.5}));
        QCOMPARE(curve.tokens[0], 204800.0);
        QCOMPARE(curve.tokens[3], 819200.0);
        QCOMPARE(curve.flops[0], 6.0 * 70e6 * 204800.0);
    }

    void corruptFilesGiveClearErrors()
    {
        const core::Error truncated = failure("truncated.json", "{\n  \"log_history\": [\n    {\"loss\": 1.5, \"step\": 1");
        QCOMPARE(truncated.line, std::size_t{3});
        QCOMPARE(truncated.column, std::size_t{28}); // just past the last byte
        QVERIFY2(contains(truncated.message, "invalid JSON"), truncated.message.c_str());

        const core::Error cut = failure("cut.json", std::string(kState).substr(0, 400));
        QVERIFY(cut.line > 1 && cut.column > 0);

        QVERIFY(contains(failure("notarray.json", R"({"log_history": {"loss": 1}})").message,
                         "\"log_history\" is an object, expected an array"));
        QVERIFY(contains(failure("missing.json", R"({"global_step": 1})").message, "no \"log_history\""));
        QVERIFY(contains(failure("toplevel.json", R"([{"log_history": []}])").message,
                         "expected a JSON object"));
        QVERIFY(contains(failure("element.json", R"({"log_history": [{"loss": 1, "step": 1}, 5]})").message,
                         "log_history[1] is a number, expected an object"));
        const core::Error step = failure("step.json", R"({"log_history": [{"loss": 1, "step": "ten"}]})");
        QVERIFY2(contains(step.message, "log_history[0].step is a string (\"ten\"), expected a number"),
                 step.message.c_str());
        QVERIFY(contains(failure("nostep.json", R"({"log_history": [{"loss": 1}]})").message,
                         "log_history[0].step is missing"));
        QVERIFY(contains(failure("empty.json", "").message, "empty file"));
        QVERIFY(contains(failure("blank.json", " \n\n ").message, "empty file"));

        const core::Error binary = failure("binary.json", std::string("{\"log_history\": [\x01\x02\xff", 19));
        QCOMPARE(binary.line, std::size_t{1});
        QCOMPARE(binary.column, std::size_t{18});
        QVERIFY2(contains(binary.message, "binary data (byte 1)"), binary.message.c_str());
        const core::Error garbage = failure("garbage.json", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
        QCOMPARE(garbage.line, std::size_t{1});
        QCOMPARE(garbage.column, std::size_t{1});

        // A flipped byte (':' -> ';') on line 5 of the real-looking file.
        std::string flipped = kState;
        const std::size_t at = flipped.find("\"epoch\": 0.5");
        flipped[at + 7] = ';';
        const core::Error flip = failure("flipped.json", flipped);
        QCOMPARE(flip.line, std::size_t{4});
        QCOMPARE(flip.column, std::size_t{10});

        auto missing = importer_.readLogs(path("nope/trainer_state.json"), {});
        QVERIFY(!missing.has_value());
        QCOMPARE(missing.error().file, path("nope/trainer_state.json"));
    }

    void oversizedFileIsRefused()
    {
        const std::string big = path("big/trainer_state.json");
        write(big, "{}");
        std::filesystem::resize_file(big, (std::uint64_t{256} << 20) + 1); // sparse
        auto logs = importer_.readLogs(big, {});
        QVERIFY(!logs.has_value());
        QVERIFY2(contains(logs.error().message, "too large"), logs.error().message.c_str());
        std::filesystem::remove(big);
    }
};

QTEST_GUILESS_MAIN(TestHfTrainerStateImport)
#include "tst_HfTrainerStateImport.moc"

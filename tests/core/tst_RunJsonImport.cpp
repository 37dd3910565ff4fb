// SPDX-License-Identifier: GPL-3.0-or-later
// Per-run JSON summaries (issue 6, item 5): params from the scalar leaves ('.'-joined paths, exact
// numbers), one-point metrics "results[<label>].<key>" labelled by the val_data paths, sniffing
// against JSON Lines and trainer_state.json, importFile with keys and metric giving a Sweep, corrupt
// files, and the real per-model files of Gadre et al. (2024) when /work/shared/data is present.
#include "core/LogTestUtil.h"
#include "core/io/Importers.h"
#include "core/io/logs/RunJsonImporter.h"
#include "core/io/logs/RunJsonReader.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <filesystem>
#include <limits>
#include <string>

namespace {

const std::string kFixtures = std::string(SCALELAB_TEST_DATA_DIR) + "/logs/runjson";
const std::string kGadre = std::string(SCALELAB_SHARED_DATA_DIR) + "/gadre2024-overtraining/models";

std::string fixture(const char* name)
{
    return kFixtures + "/" + name;
}

using logtest::contains;
using logtest::number;
using logtest::readAll;
using logtest::text;
using logtest::write;

/// The single value of a one-point metric (NaN when absent or not one point).
double metric(const core::LoggedRun& run, const std::string& name)
{
    const core::LoggedSeries* s = run.find(name);
    if (s == nullptr || s->size() != 1)
        return std::numeric_limits<double>::quiet_NaN();
    return s->value[0];
}

core::ImportOptions sweepOptions()
{
    core::ImportOptions options;
    options.logs.keys[core::Role::N] = "hyperparameters.params";
    options.logs.keys[core::Role::D] = "hyperparameters.tokens";
    options.logs.metric = "results[c4_val].loss";
    return options;
}

} // namespace

class TestRunJsonImport : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    core::RunJsonImporter importer_;

    std::string path(const std::string& relative) const { return dir_.path().toStdString() + "/" + relative; }

    core::Error failure(const std::string& name, const std::string& content)
    {
        return logtest::readFailure(importer_, path("bad/" + name), content);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    void paramsAreScalarLeaves()
    {
        auto logs = importer_.readLogs(fixture("tiny-d=64-1.0.json"), {});
        QVERIFY2(logs.has_value(), logs ? "" : logs.error().toString().c_str());
        QCOMPARE(logs->runs.size(), std::size_t{1});
        const core::LoggedRun& run = logs->runs[0];
        QCOMPARE(run.name, std::string("tiny-d=64-1.0"));
        QCOMPARE(run.id, std::string("tiny-d=64-1.0.json"));
        QCOMPARE(run.format, std::string("run-json"));
        QCOMPARE(number(run, "hyperparameters.params"), 1000000.0);
        QCOMPARE(number(run, "hyperparameters.params_no_embed"), 812345.0);
        QCOMPARE(number(run, "hyperparameters.tokens"), 20000000.0);
        QCOMPARE(number(run, "hyperparameters.lr"), 0.003);
        QCOMPARE(number(run, "hyperparameters.chinchilla_multiplier"), 1.0);
        QCOMPARE(text(run, "hyperparameters.qk_norm"), std::string("true"));
        QCOMPARE(text(run, "hyperparameters.model"), std::string("configs/d=64_l=2_h=2.json"));
        QCOMPARE(text(run, "hyperparameters.fsdp_flags"), std::string("--fsdp --fsdp-amp"));
        QCOMPARE(text(run, "name"), std::string("tiny-d=64-1.0"));
        QCOMPARE(text(run, "dataset_name"), std::string("c4_original"));
        QCOMPARE(text(run, "uuid"), std::string("00000000-0000-4000-8000-000000000001"));
        QCOMPARE(run.params.count("open_lm_args"), std::size_t{0}); // 21 words: over 20, skipped
        QCOMPARE(run.params.count("results"), std::size_t{0});
        QCOMPARE(run.params.size(), std::size_t{12});
        QVERIFY(logs->warnings.empty());
    }

    void resultsBecomeLabelledMetrics()
    {
        auto logs = importer_.readLogs(fixture("tiny-d=64-1.0.json"), {});
        QVERIFY(logs.has_value());
        const core::LoggedRun& run = logs->runs[0];
        std::vector<std::string> names;
        for (const auto& s : run.series)
            names.push_back(s.metric);
        QCOMPARE(names, (std::vector<std::string>{
                            "results[openlm].loss", "results[openlm].loss_tokens_lower_95",
                            "results[openlm].loss_tokens_upper_95", "results[openlm].sequences",
                            "results[openlm].tokens", "results[c4_val].loss",
                            "results[c4_val].loss_tokens_lower_95", "results[c4_val].loss_tokens_upper_95",
                            "results[c4_val].sequences", "results[c4_val].tokens",
                            "results[paloma_c4_en].loss", "results[paloma_c4_en].tokens"}));
        QCOMPARE(metric(run, "results[openlm].loss"), 4.8123456789012345);
        QCOMPARE(metric(run, "results[c4_val].loss"), 4.1234567890123457);
        QCOMPARE(metric(run, "results[c4_val].loss_tokens_lower_95"), 4.0625);
        QCOMPARE(metric(run, "results[c4_val].tokens"), 174077952.0);
        QCOMPARE(metric(run, "results[paloma_c4_en].loss"), 4.5);
        const core::LoggedSeries* s = run.find("results[c4_val].loss");
        QVERIFY(std::isnan(s->step[0]));
        QVERIFY(std::isnan(s->tokens[0]));
    }

    void nameFallsBackToFileStem()
    {
        auto logs = importer_.readLogs(fixture("tiny-d=256-4.0.json"), {});
        QVERIFY(logs.has_value());
        QCOMPARE(logs->runs[0].name, std::string("tiny-d=256-4.0"));
        QCOMPARE(number(logs->runs[0], "hyperparameters.tokens"), 1.28e9);
        QCOMPARE(metric(logs->runs[0], "results[c4_val].loss"), 3.2109876543210987);
    }

    void labels()
    {
        using core::RunJsonReader;
        // Parent directories when unique, else file names, else whole values, else indices.
        QCOMPARE(RunJsonReader::labelsOf({"a/x/s.tar", "a/y/s.tar"}, {true, true}),
                 (std::vector<std::string>{"x", "y"}));
        QCOMPARE(RunJsonReader::labelsOf({"a/x/s1.tar", "b/x/s2.tar"}, {true, true}),
                 (std::vector<std::string>{"s1.tar", "s2.tar"}));
        QCOMPARE(RunJsonReader::labelsOf({"a/x/s.tar", "b/x/s.tar"}, {true, true}),
                 (std::vector<std::string>{"a/x/s.tar", "b/x/s.tar"}));
        QCOMPARE(RunJsonReader::labelsOf({"same", "same"}, {true, true}),
                 (std::vector<std::string>{"0", "1"}));
        QCOMPARE(RunJsonReader::labelsOf({"wiki", "", "x.tar"}, {true, false, true}),
                 (std::vector<std::string>{"wiki", "1", "x.tar"}));
        QCOMPARE(RunJsonReader::labelsOf({"data/c4_val/"}, {true}), (std::vector<std::string>{"data"}));

        // Label fields: val_data, then name, dataset, split, eval_set, task.
        write(path("labels.json"), R"({"hyperparameters": {"params": 1},
            "evals": [{"task": "hellaswag", "split": "val", "acc": 0.25, "extra": {"n": 2}},
                      {"task": "arc", "acc": 0.5, "note": "text dropped"},
                      {"acc": 0.75}]})");
        auto logs = importer_.readLogs(path("labels.json"), {});
        QVERIFY(logs.has_value());
        const core::LoggedRun& run = logs->runs[0];
        QCOMPARE(metric(run, "evals[val].acc"), 0.25);
        QCOMPARE(metric(run, "evals[val].extra.n"), 2.0);
        QCOMPARE(metric(run, "evals[arc].acc"), 0.5);
        QCOMPARE(metric(run, "evals[2].acc"), 0.75);
        QCOMPARE(run.series.size(), std::size_t{4});
    }

    void directoryIsOneRunPerFile()
    {
        QCOMPARE(importer_.sniffDirectory(kFixtures), 0.3);
        auto logs = importer_.readLogs(kFixtures, {});
        QVERIFY(logs.has_value());
        QCOMPARE(logs->runs.size(), std::size_t{3});
        QCOMPARE(logs->runs[0].id, std::string("tiny-d=128-2.0.json"));
        QCOMPARE(logs->runs[1].id, std::string("tiny-d=256-4.0.json"));
        QCOMPARE(logs->runs[2].id, std::string("tiny-d=64-1.0.json"));
        auto cancelled = importer_.readLogs(kFixtures, [](double) { return false; });
        QVERIFY(!cancelled.has_value());
        QCOMPARE(cancelled.error().message, std::string("cancelled"));
        QCOMPARE(importer_.sniffDirectory(path("nothing-here")), 0.0);
    }

    void sniffingAgainstOtherJson()
    {
        QCOMPARE((*core::importerFor(fixture("tiny-d=64-1.0.json")))->id(), std::string_view("run-json"));
        QCOMPARE((*core::importerFor(kFixtures))->id(), std::string_view("run-json"));
        // A real JSON Lines sweep table still goes to the JSON Lines importer...
        const std::string jsonl = path("sweep.jsonl");
        write(jsonl, "{\"run\": \"a\", \"params\": 1e6, \"tokens\": 2e7, \"loss\": 3.5, \"cfg\": {\"lr\": 0.1}}\n"
                     "{\"run\": \"b\", \"params\": 4e6, \"tokens\": 8e7, \"loss\": 3.25, \"cfg\": {\"lr\": 0.1}}\n");
        QCOMPARE(importer_.sniff(jsonl, readAll(jsonl)), 0.0);
        QCOMPARE((*core::importerFor(jsonl))->id(), std::string_view("jsonl"));
        // ... and so does JSON Lines content named .json.
        const std::string linesAsJson = path("lines.json");
        write(linesAsJson, readAll(jsonl));
        QCOMPARE(importer_.sniff(linesAsJson, readAll(linesAsJson)), 0.2);
        QCOMPARE((*core::importerFor(linesAsJson))->id(), std::string_view("jsonl"));
        // A flat object is not a per-run summary; a trainer_state.json is not either.
        QCOMPARE(importer_.sniff("/x/flat.json", "{\"a\": 1, \"b\": \"{not nested}\"}"), 0.0);
        QCOMPARE(importer_.sniff("/x/s.json", "{\"epoch\": 1, \"log_history\": [{\"loss\": 1}]}"), 0.0);
        QCOMPARE(importer_.sniff("/x/one-line.json", "{\"name\": \"r\", \"h\": {\"params\": 1}}\n"), 0.6);
        QCOMPARE(importer_.sniff("/x/r.txt", "{\"name\": \"r\", \"h\": {\"params\": 1}}"), 0.0);
    }

    void importFileGivesSweep()
    {
        auto sweep = core::importFile(kFixtures, sweepOptions(), {});
        QVERIFY2(sweep.has_value(), sweep ? "" : sweep.error().toString().c_str());
        QCOMPARE(sweep->format, std::string("run-json"));
        QCOMPARE(sweep->runs.size(), std::size_t{3});
        const double N[] = {4000000, 16000000, 1000000};
        const double D[] = {160000000, 1.28e9, 20000000};
        const double loss[] = {3.6789012345678901, 3.2109876543210987, 4.1234567890123457};
        for (std::size_t i = 0; i < 3; ++i) {
            const core::Run& run = sweep->runs[i];
            QCOMPARE(run.N, N[i]);
            QCOMPARE(run.D, D[i]);
            QCOMPARE(run.curves.size(), std::size_t{1});
            QCOMPARE(run.curves[0].metric, std::string("results[c4_val].loss"));
            QCOMPARE(run.curves[0].size(), std::size_t{1});
            QCOMPARE(run.curves[0].value[0], loss[i]);
            QCOMPARE(run.finalValue(), loss[i]);
        }
        QCOMPARE(sweep->runs[2].name, std::string("tiny-d=64-1.0"));

        auto single = core::importFile(fixture("tiny-d=128-2.0.json"), sweepOptions(), {});
        QVERIFY2(single.has_value(), single ? "" : single.error().toString().c_str());
        QCOMPARE(single->runs.size(), std::size_t{1});
        QCOMPARE(single->runs[0].N, 4000000.0);
        QCOMPARE(single->runs[0].finalValue(), 3.6789012345678901);
    }

    void corruptFiles()
    {
        const std::string good = readAll(fixture("tiny-d=64-1.0.json"));
        const core::Error truncated = failure("truncated.json", good.substr(0, 300));
        QVERIFY2(contains(truncated.message, "invalid JSON"), truncated.message.c_str());
        QVERIFY(truncated.line > 1 && truncated.column > 0);
        // A flipped byte: the ':' after "tokens" on line 6 becomes '='.
        std::string flipped = good;
        flipped[flipped.find("\"tokens\":") + 8] = '=';
        const core::Error flip = failure("flipped.json", flipped);
        QCOMPARE(flip.line, std::size_t{6});
        QCOMPARE(flip.column, std::size_t{17});

        QVERIFY(contains(failure("array.json", "[{\"name\": \"a\"}, {\"name\": \"b\"}]").message,
                         "expected one JSON object describing a run, found an array"));
        QVERIFY(contains(failure("number.json", "42").message, "found a number"));
        QVERIFY(contains(failure("empty.json", "").message, "empty file"));
        const core::Error binary = failure("binary.json", std::string("\0\0\0\x07garbage", 11));
        QCOMPARE(binary.line, std::size_t{1});
        QVERIFY2(contains(binary.message, "binary data"), binary.message.c_str());
        QVERIFY(contains(failure("two.json", "{\"a\": {\"b\": 1}}\n{\"a\": {\"b\": 2}}\n").message,
                         "invalid JSON"));

        // Deep nesting neither crashes the parser nor the flattener.
        const std::size_t depth = 100000;
        QVERIFY(contains(failure("deep-array.json", std::string(depth, '[') + std::string(depth, ']')).message,
                         "found an array"));
        std::string deep;
        for (std::size_t i = 0; i < depth; ++i)
            deep += "{\"a\":";
        deep += "1" + std::string(depth, '}');
        write(path("deep.json"), deep);
        QVERIFY(importer_.readLogs(path("deep.json"), {}).has_value());

        auto missing = importer_.readLogs(path("absent.json"), {});
        QVERIFY(!missing.has_value());
        QCOMPARE(missing.error().file, path("absent.json"));
    }

    void resultsThatAreNotObjectsWarn()
    {
        write(path("scalars.json"), R"({"name": "s", "hyperparameters": {"params": 5}, "results": [1, 2.5, "x"]})");
        auto logs = importer_.readLogs(path("scalars.json"), {});
        QVERIFY(logs.has_value());
        QCOMPARE(text(logs->runs[0], "results"), std::string("1 2.5 x"));
        QVERIFY(logs->runs[0].series.empty());
        QCOMPARE(logs->warnings.size(), std::size_t{1});
        QVERIFY(contains(logs->warnings[0], "the run has parameters only"));

        write(path("mixed.json"), R"({"name": "m", "h": {"p": 1}, "results": [{"name": "a", "loss": 2}, 5, [1]]})");
        auto mixed = importer_.readLogs(path("mixed.json"), {});
        QVERIFY(mixed.has_value());
        QCOMPARE(metric(mixed->runs[0], "results[a].loss"), 2.0);
        QCOMPARE(mixed->warnings.size(), std::size_t{2});
        QVERIFY2(contains(mixed->warnings[0], "results[1] is a number, expected an object; skipped"),
                 mixed->warnings[0].c_str());
        QVERIFY(contains(mixed->warnings[1], "results[2] is an array"));

        // In a directory, a .json that is not a per-run summary is skipped with a warning.
        write(path("folder/a.json"), R"({"name": "a", "h": {"params": 1}, "results": [{"loss": 3}]})");
        write(path("folder/flat.json"), R"({"x": 1})");
        auto folder = importer_.readLogs(path("folder"), {});
        QVERIFY(folder.has_value());
        QCOMPARE(folder->runs.size(), std::size_t{1});
        QCOMPARE(metric(folder->runs[0], "results[0].loss"), 3.0);
        QCOMPARE(folder->warnings.size(), std::size_t{1});
        QVERIFY(contains(folder->warnings[0], "flat.json: skipped"));
    }

    void gadreModels()
    {
        if (!std::filesystem::is_directory(kGadre))
            QSKIP("the Gadre et al. (2024) models folder is not in the shared data directory");
        auto logs = importer_.readLogs(kGadre, {});
        QVERIFY2(logs.has_value(), logs ? "" : logs.error().toString().c_str());
        QCOMPARE(logs->runs.size(), std::size_t{104});
        QVERIFY(logs->warnings.empty());
        const core::LoggedRun* run = nullptr;
        for (const auto& r : logs->runs) {
            QVERIFY2(r.find("results[c4_val].loss") != nullptr, r.id.c_str());
            QCOMPARE(r.series.size(), std::size_t{8 * 11}); // 8 validation sets x 11 numbers
            if (r.id == "c4_original-d=1024_l=24_h=8-0.25.json")
                run = &r;
        }
        QVERIFY(run != nullptr);
        QCOMPARE(run->name, std::string("c4_original-d=1024_l=24_h=8-0.25"));
        QCOMPARE(number(*run, "hyperparameters.params"), 411616256.0);
        QCOMPARE(number(*run, "hyperparameters.tokens"), 2058081280.0);
        QCOMPARE(metric(*run, "results[c4_val].loss"), 3.5279492850157737);
        QCOMPARE(metric(*run, "results[openlm].loss"), 4.257023584842682);
        QCOMPARE(metric(*run, "results[de-en].loss_tokens_upper_95"), 4.521488895833333);
        for (const char* label : {"openlm", "c4_val", "paloma_c4_en", "paloma_dolma_100_programing_languages",
                                  "paloma_falcon-refinedweb", "paloma_ptb", "paloma_redpajama", "de-en"})
            QVERIFY2(run->find(std::string("results[") + label + "].loss") != nullptr, label);

        auto sweep = core::importFile(kGadre, sweepOptions(), {});
        QVERIFY2(sweep.has_value(), sweep ? "" : sweep.error().toString().c_str());
        QCOMPARE(sweep->runs.size(), std::size_t{104});
        for (const core::Run& r : sweep->runs)
            if (r.name == "c4_original-d=1024_l=24_h=8-0.25") {
                QCOMPARE(r.N, 411616256.0);
                QCOMPARE(r.D, 2058081280.0);
                QCOMPARE(r.finalValue(), 3.5279492850157737);
            }
    }
};

QTEST_GUILESS_MAIN(TestRunJsonImport)
#include "tst_RunJsonImport.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// Folders of runs (issue 6, items 6 and 7): every run found recursively in any format, a table of
// run attributes found and joined on the column that names the runs' files (PolyPythia's
// metadata.tsv, duplicates and all), N read from "70m", tokens = step × tokens per step, name
// patterns with named groups, explicit joins and their errors, and the real PolyPythia folder:
// 9 runs of 143,000 steps with N, tokens and seed attached.
#include "core/io/Importers.h"
#include "core/io/TfRecordReader.h"
#include "core/io/logs/FolderContents.h"

#include "core/LogTestUtil.h"
#include "core/ProtoEncoder.h"

#include <QtTest>

#include <algorithm>
#include <filesystem>
#include <string>

namespace {

namespace fs = std::filesystem;
const std::string kFixture = std::string(SCALELAB_TEST_DATA_DIR) + "/logs/folder-seeds";
const std::string kPolyPythia = std::string(SCALELAB_SHARED_DATA_DIR) + "/polypythia-seeds";

bool contains(const std::string& s, const std::string& part)
{
    return s.find(part) != std::string::npos;
}

bool anyNote(const core::Sweep& s, const std::string& a, const std::string& b = {})
{
    return std::any_of(s.notes.begin(), s.notes.end(),
                       [&](const std::string& n) { return contains(n, a) && contains(n, b); });
}

const core::Run* runNamed(const core::Sweep& s, const std::string& name)
{
    for (const core::Run& r : s.runs)
        if (r.name == name)
            return &r;
    return nullptr;
}

double attribute(const core::Run& run, const std::string& key)
{
    const auto it = run.attributes.find(key);
    if (it == run.attributes.end() || !std::holds_alternative<double>(it->second))
        return -1;
    return std::get<double>(it->second);
}

std::string tfEventFile(float loss)
{
    using Enc = testproto::Encoder;
    const auto version = core::frameTfRecord(Enc().f64(1, 1.7e9).str(3, "brain.Event:2").out);
    const auto value = Enc().str(1, "val/loss").f32(2, loss).out;
    const auto scalar = core::frameTfRecord(Enc().f64(1, 1.7e9).varint(2, 10).bytes(5, Enc().bytes(1, value).out).out);
    std::string out;
    for (const auto* part : {&version, &scalar})
        for (std::byte b : *part)
            out.push_back(static_cast<char>(b));
    return out;
}

} // namespace

class TestFolderImport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void seedsFolderJoinsItsMetadataTable()
    {
        core::ImportOptions options;
        options.logs.tokensPerStep = 2097152;
        auto sweep = core::importFile(kFixture, options);
        QVERIFY2(sweep.has_value(), sweep ? "" : sweep.error().toString().c_str());
        QCOMPARE(sweep->format, std::string("folder"));
        QCOMPARE(sweep->layout, std::string("curves"));
        QCOMPARE(sweep->runs.size(), std::size_t{3});
        QCOMPARE(sweep->roleColumns.at(core::Role::Loss), std::string("train/lm_loss"));
        const core::Run* a = runNamed(*sweep, "14m-seed1");
        const core::Run* b = runNamed(*sweep, "14m-seed2");
        const core::Run* c = runNamed(*sweep, "70m-seed1");
        QVERIFY(a && b && c);
        QCOMPARE(a->N, 1.4e7);
        QCOMPARE(c->N, 7e7);
        QCOMPARE(attribute(*a, "seed"), 1.0);
        QCOMPARE(attribute(*b, "seed"), 2.0);
        QCOMPARE(attribute(*c, "seed"), 1.0);
        QCOMPARE(b->curves[0].value, (std::vector<double>{10.75, 6.5, 4.25, 3.625}));
        QCOMPARE(b->curves[0].step, (std::vector<double>{1, 2, 3, 4}));
        QCOMPARE(b->curves[0].tokens, (std::vector<double>{2097152, 4194304, 6291456, 8388608}));
        QCOMPARE(b->curves[0].flops[3], 6.0 * 1.4e7 * 8388608);
        QCOMPARE(b->D, 8388608.0);
        // 70m-seed1 is named by two rows that differ in filename: that column is not attached.
        QVERIFY(a->attributes.count("filename") == 1);
        QVERIFY(c->attributes.count("filename") == 0);
        QVERIFY(anyNote(*sweep, "70m-seed1", "filename"));
        QVERIFY(anyNote(*sweep, "metadata.tsv", "column 'name': 3 of 3 runs"));
        QCOMPARE(sweep->conventions.parameterCount, std::string("as given in 'model_size'"));
        QCOMPARE(sweep->conventions.derived.at("D"), std::string("step × 2097152"));
    }

    void folderContentsBeforeLoading()
    {
        auto contents = core::readFolder(kFixture, {});
        QVERIFY(contents.has_value());
        QCOMPARE(contents->sources.size(), std::size_t{3});
        QCOMPARE(contents->runsPerFormat.at("run-history"), std::size_t{3});
        QCOMPARE(contents->sources[0].path, std::string("14m-seed1.tsv"));
        QCOMPARE(contents->sources[0].points, std::size_t{4});
        QVERIFY(contents->joinTable.has_value());
        QCOMPARE(contents->joinColumn, std::string("name"));
        QCOMPARE(contents->joinMatches, std::size_t{3});
        QCOMPARE(contents->metrics.metric, std::string("train/lm_loss"));
        QVERIFY(contents->skipped.empty()); // metadata.tsv is the join, not a skipped file
    }

    void explicitJoinInsideTheFolderIsNotSkipped()
    {
        core::ImportOptions options;
        options.logs.joinTable = kFixture + "/metadata.tsv";
        auto contents = core::readFolder(kFixture, options);
        QVERIFY(contents.has_value());
        QVERIFY(contents->skipped.empty());
        QCOMPARE(contents->joinColumn, std::string("name"));
    }

    void columnRolesActAsLogChoices()
    {
        // --columns is for run tables; on logs, loss= names the metric and N= the key.
        core::ImportOptions options;
        options.columns = {{core::Role::Loss, "train/lm_loss"}, {core::Role::N, "seed"}};
        auto sweep = core::importFile(kFixture, options);
        QVERIFY2(sweep.has_value(), sweep ? "" : sweep.error().toString().c_str());
        QCOMPARE(sweep->runs[1].N, 2.0); // 14m-seed2's seed, as asked
        options.columns = {{core::Role::Loss, "eval/loss"}};
        sweep = core::importFile(kFixture, options);
        QVERIFY(!sweep.has_value());
        QCOMPARE(sweep.error().parameter, std::string("--metric"));
    }

    void withoutTokensPerStepOnlyNIsKnown()
    {
        auto sweep = core::importFile(kFixture, {});
        QVERIFY(sweep.has_value());
        QVERIFY(std::isnan(sweep->runs[0].curves[0].tokens[0]));
        QCOMPARE(sweep->runs[0].N, 1.4e7);
    }

    void explicitJoinColumnAndItsErrors()
    {
        core::ImportOptions options;
        options.logs.joinTable = kFixture + "/metadata.tsv";
        options.logs.joinColumn = "nope";
        auto sweep = core::importFile(kFixture, options);
        QVERIFY(!sweep.has_value());
        QCOMPARE(sweep.error().parameter, std::string("--join-column"));
        QVERIFY(contains(sweep.error().message, "filename, name, model_size, seed, selected"));
        QCOMPARE(sweep.error().file, kFixture); // an option error still names the folder read
        options.logs.joinColumn = "filename"; // "raw/14m-seed1_a.tsv" names no run
        sweep = core::importFile(kFixture, options);
        QVERIFY(!sweep.has_value());
        QCOMPARE(sweep.error().parameter, std::string("--join-column"));
        options.logs.joinTable = kFixture + "/missing.tsv";
        options.logs.joinColumn.clear();
        sweep = core::importFile(kFixture, options);
        QVERIFY(!sweep.has_value());
        QCOMPARE(sweep.error().file, kFixture + "/missing.tsv");
    }

    void filtersPickRunsByAttribute()
    {
        core::ImportOptions options;
        options.filters = {{"seed", "1.0", true}}; // numbers compare as numbers
        auto sweep = core::importFile(kFixture, options);
        QVERIFY2(sweep.has_value(), sweep ? "" : sweep.error().toString().c_str());
        QCOMPARE(sweep->runs.size(), std::size_t{2});
        QCOMPARE(sweep->runs[0].name, std::string("14m-seed1"));
        QCOMPARE(sweep->runs[1].name, std::string("70m-seed1"));
        QVERIFY(anyNote(*sweep, "1 runs left out by the filters"));
        options.filters = {{"model_size", "70m", false}, {"run", "14m-seed2", false}};
        sweep = core::importFile(kFixture, options);
        QVERIFY(sweep.has_value());
        QCOMPARE(sweep->runs.size(), std::size_t{1});
        QCOMPARE(sweep->runs[0].name, std::string("14m-seed1"));
        options.filters = {{"lr", "1e-3", true}};
        sweep = core::importFile(kFixture, options);
        QVERIFY(!sweep.has_value());
        QCOMPARE(sweep.error().parameter, std::string("--where"));
        QVERIFY(contains(sweep.error().message, "'lr'"));
        options.filters = {{"seed", "5", true}};
        sweep = core::importFile(kFixture, options);
        QVERIFY(!sweep.has_value());
        QVERIFY(contains(sweep.error().message, "no run passes the filters (3 runs read)"));
    }

    void eachRunTakesTheFirstKeyItHas()
    {
        // One run's size is under "params", the other's under "model_size" (empty cells are not
        // attached): each resolves, and the convention names both keys.
        QTemporaryDir dir;
        logtest::writeFile(dir, QStringLiteral("a.tsv"), "step\tloss\n1\t3.5\n");
        logtest::writeFile(dir, QStringLiteral("b.tsv"), "step\tloss\n1\t3.25\n");
        logtest::writeFile(dir, QStringLiteral("runs.tsv"), "name\tparams\tmodel_size\na\t1e8\t\nb\t\t70m\n");
        auto sweep = core::importFile(dir.path().toStdString());
        QVERIFY2(sweep.has_value(), sweep ? "" : sweep.error().toString().c_str());
        QCOMPARE(runNamed(*sweep, "a")->N, 1e8);
        QCOMPARE(runNamed(*sweep, "b")->N, 7e7);
        QVERIFY(anyNote(*sweep, "N from 'params' (detected) for 1 of 2 runs"));
        QVERIFY(anyNote(*sweep, "N from 'model_size' (detected) for 1 of 2 runs"));
        QCOMPARE(sweep->conventions.parameterCount, std::string("as given in 'params' (1 runs), 'model_size' (1 runs)"));
    }

    void namePatternInsteadOfAJoin()
    {
        QTemporaryDir dir;
        logtest::writeFile(dir, QStringLiteral("160m-seed5.tsv"), "step,train/lm_loss\n100,3.5\n200,3.25\n");
        logtest::writeFile(dir, QStringLiteral("1.4b-seed9.tsv"), "step,train/lm_loss\n100,3.0\n200,2.75\n");
        core::ImportOptions options;
        options.logs.namePattern = "(?P<N>[0-9.]+[mb])-seed(?<seed>\\d+)";
        options.logs.tokensPerStep = 1000;
        auto sweep = core::importFile(dir.path().toStdString(), options);
        QVERIFY2(sweep.has_value(), sweep ? "" : sweep.error().toString().c_str());
        const core::Run* big = runNamed(*sweep, "1.4b-seed9");
        QVERIFY(big != nullptr);
        QCOMPARE(big->N, 1.4e9);
        QCOMPARE(attribute(*big, "seed"), 9.0);
        QCOMPARE(big->D, 200000.0);
        options.logs.namePattern = "(?<N>[0-9]+";
        sweep = core::importFile(dir.path().toStdString(), options);
        QVERIFY(!sweep.has_value());
        QCOMPARE(sweep.error().parameter, std::string("--name-pattern"));
        options.logs.namePattern = "seed";
        sweep = core::importFile(dir.path().toStdString(), options);
        QVERIFY(!sweep.has_value());
        QCOMPARE(sweep.error().parameter, std::string("--name-pattern"));
    }

    void mixedFolder()
    {
        QTemporaryDir dir;
        logtest::writeFile(dir, QStringLiteral("tb/N30m/events.out.tfevents.1.host"), tfEventFile(3.25F));
        logtest::writeFile(dir, QStringLiteral("tables/sweep.csv"), "run,N,D,val/loss\na,1e6,2e7,4.5\nb,2e6,4e7,4.0\n");
        logtest::writeFile(dir, QStringLiteral("junk/blob.bin"), std::string("\x00\x01\x02garbage\xff", 11));
        logtest::writeFile(dir, QStringLiteral(".hidden/sweep.csv"), "run,N,D,val/loss\nh,1e6,2e7,4.5\n");
        core::ImportOptions options;
        options.logs.namePattern = "N(?<N>\\d+m)";
        options.logs.tokensPerStep = 4096;
        auto contents = core::readFolder(dir.path().toStdString(), options);
        QVERIFY2(contents.has_value(), contents ? "" : contents.error().toString().c_str());
        QCOMPARE(contents->runsPerFormat.at("tensorboard"), std::size_t{1});
        QCOMPARE(contents->runsPerFormat.at("csv"), std::size_t{2});
        QCOMPARE(contents->skipped.size(), std::size_t{1});
        QCOMPARE(contents->skipped[0].path, std::string("junk/blob.bin"));
        auto sweep = core::importFile(dir.path().toStdString(), options);
        QVERIFY2(sweep.has_value(), sweep ? "" : sweep.error().toString().c_str());
        QCOMPARE(sweep->runs.size(), std::size_t{3});
        const core::Run* tb = runNamed(*sweep, "N30m");
        QVERIFY(tb != nullptr);
        QCOMPARE(tb->N, 3e7);
        QCOMPARE(tb->D, 40960.0);
        QCOMPARE(tb->curves[0].value[0], static_cast<double>(3.25F));
        const core::Run* a = runNamed(*sweep, "a");
        QVERIFY(a != nullptr);
        QCOMPARE(a->N, 1e6);
        QCOMPARE(a->D, 2e7);
        QCOMPARE(a->curves[0].value[0], 4.5);
        QVERIFY(anyNote(*sweep, "skipped junk/blob.bin"));
    }

    void linksBackToTheFolderAreNotFollowedAgain()
    {
        // Two links back to the folder made the walk exponential (a hang); each directory is read once.
        QTemporaryDir dir;
        const fs::path root(dir.path().toStdString());
        logtest::writeFile(dir, QStringLiteral("tb/N30m/events.out.tfevents.1.host"), tfEventFile(3.25F));
        fs::create_directories(root / "sub");
        fs::create_directory_symlink(root, root / "sub" / "up");
        fs::create_directory_symlink(root, root / "sub" / "up2");
        auto contents = core::readFolder(root.string(), {});
        QVERIFY2(contents.has_value(), contents ? "" : contents.error().toString().c_str());
        QCOMPARE(contents->logs.runs.size(), std::size_t{1});
        QCOMPARE(contents->skipped.size(), std::size_t{2});
        QCOMPARE(contents->skipped[0].path, std::string("sub/up"));
        QVERIFY(contains(contents->skipped[1].reason, "already read"));
    }

    void badFolders()
    {
        QTemporaryDir dir;
        auto empty = core::importFile(dir.path().toStdString());
        QVERIFY(!empty.has_value());
        QVERIFY(contains(empty.error().message, "no runs found"));
        auto none = core::readFolder(dir.path().toStdString() + "/absent", {});
        QVERIFY(!none.has_value());
        QVERIFY(contains(none.error().message, "not a readable directory"));
    }

    void realPolyPythiaSeeds()
    {
        if (!fs::exists(kPolyPythia + "/metadata.tsv"))
            QSKIP("../shared/data/polypythia-seeds is not present");
        core::ImportOptions options;
        options.logs.tokensPerStep = 2097152;
        auto sweep = core::importFile(kPolyPythia, options);
        QVERIFY2(sweep.has_value(), sweep ? "" : sweep.error().toString().c_str());
        QCOMPARE(sweep->runs.size(), std::size_t{9});
        for (const core::Run& run : sweep->runs) {
            QCOMPARE(run.curves[0].size(), std::size_t{143000});
            QCOMPARE(run.curves[0].step.front(), 1.0);
            QCOMPARE(run.curves[0].step.back(), 143000.0);
            QCOMPARE(run.D, 143000.0 * 2097152.0); // 299,892,736,000 tokens
            QVERIFY(attribute(run, "seed") >= 1);
        }
        QCOMPARE(runNamed(*sweep, "14m-seed1")->N, 1.4e7);
        QCOMPARE(runNamed(*sweep, "70m-seed2")->N, 7e7);
        QCOMPARE(runNamed(*sweep, "160m-seed7")->N, 1.6e8);
        QCOMPARE(attribute(*runNamed(*sweep, "160m-seed7"), "seed"), 7.0);
        // The first and last rows of 14m-seed1.tsv, and the first of 70m-seed1.tsv.
        QCOMPARE(runNamed(*sweep, "14m-seed1")->curves[0].value.front(), 11.013898849487305);
        QCOMPARE(runNamed(*sweep, "70m-seed1")->curves[0].value.front(), 11.070497512817383);
        QCOMPARE(runNamed(*sweep, "14m-seed1")->curves[0].value.back(), 3.5869550704956055);
        QVERIFY(anyNote(*sweep, "70m-seed1", "filename, group, id"));
        QCOMPARE(sweep->leftOut.size(), std::size_t{0});
    }
};

QTEST_APPLESS_MAIN(TestFolderImport)
#include "tst_FolderImport.moc"

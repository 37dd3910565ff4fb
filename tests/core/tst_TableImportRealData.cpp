// SPDX-License-Identifier: GPL-3.0-or-later
// Importing the published scaling-law tables in ../shared/data (skipped when absent). Expected
// counts and numbers were read off the files themselves (python3 csv module).
#include "core/io/ImportOptions.h"
#include "core/io/Importers.h"

#include <QFileInfo>
#include <QtTest>

#include <string>
#include <variant>

namespace {

std::string shared(const char* relative)
{
    return std::string(SCALELAB_SHARED_DATA_DIR) + "/" + relative;
}

} // namespace

#define LOAD_SHARED(var, relative, options)                                                      \
    if (!QFileInfo::exists(QString::fromStdString(shared(relative))))                            \
        QSKIP(qPrintable(QStringLiteral("shared data not found: %1")                             \
                             .arg(QString::fromStdString(shared(relative)))));                   \
    const auto var##Result = core::importFile(shared(relative), options);                       \
    QVERIFY2(var##Result.has_value(),                                                             \
             var##Result ? "" : var##Result.error().toString().c_str());                          \
    const core::Sweep& var = *var##Result

class TestTableImportRealData : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void epochChinchilla()
    {
        LOAD_SHARED(s, "epoch-chinchilla-replication/svg_extracted_data.csv", core::ImportOptions{});
        QCOMPARE(s.runs.size(), std::size_t(245));
        QCOMPARE(s.layout, std::string("final-loss"));
        QCOMPARE(s.roleColumns.at(core::Role::N), std::string("Model Size"));
        QCOMPARE(s.roleColumns.at(core::Role::C), std::string("Training FLOP"));
        QCOMPARE(s.roleColumns.at(core::Role::Loss), std::string("loss"));
        QCOMPARE(s.conventions.derived.at("D"), std::string("C/(6N)"));
        // First data row: 154.03592,140.63364,#faebdd,6795600349.289497,9.993852799709755e+18,...
        const core::Run& r = s.runs[0];
        QCOMPARE(r.id, std::string("row 2"));
        QCOMPARE(r.N, 6795600349.289497);
        QCOMPARE(r.C, 9.993852799709755e+18);
        QCOMPARE(r.D, 9.993852799709755e+18 / (6 * 6795600349.289497));
        QCOMPARE(r.finalValue(), 5.005581996196243);
        QCOMPARE(std::get<std::string>(r.attributes.at("hex_color")), std::string("#faebdd"));
        QCOMPARE(std::get<double>(r.attributes.at("x")), 154.03592);
        QVERIFY(s.leftOut.empty());
    }

    void openAthenaIsoFlops()
    {
        core::ImportOptions o;
        o.filters = {{"experiment", "marin_202603__dclm__llama_2", true}};
        LOAD_SHARED(s, "openathena-isoflops/transform/isoflops.csv", o);
        QCOMPARE(s.runs.size(), std::size_t(85));
        QCOMPARE(s.roleColumns.at(core::Role::Budget), std::string("budget"));
        QCOMPARE(s.roleColumns.count(core::Role::C), std::size_t(0));
        QCOMPARE(s.conventions.derived.at("C"), std::string("6ND"));
        // First matching row: tokens 11170480128.0, params 2544614912.0, budget 1.8e+20.
        const core::Run& r = s.runs[0];
        QCOMPARE(r.N, 2544614912.0);
        QCOMPARE(r.D, 11170480128.0);
        QCOMPARE(r.budget, 1.8e20);
        QCOMPARE(r.C, 6 * 2544614912.0 * 11170480128.0); // derived, not the budget
        QCOMPARE(r.finalValue(), 3.0450022220611572);
        for (const core::Run& run : s.runs)
            QCOMPARE(std::get<std::string>(run.attributes.at("experiment")),
                     std::string("marin_202603__dclm__llama_2"));
    }

    void misfittingCompositeKey()
    {
        core::ImportOptions o;
        o.runKey = {"model", "total_steps", "peak_lr"};
        LOAD_SHARED(s, "misfitting-li2025/scaling_results.csv", o);
        QCOMPARE(s.runs.size(), std::size_t(240));
        QCOMPARE(s.pointCount(), std::size_t(4852));
        QCOMPARE(s.layout, std::string("curves"));
        QCOMPARE(s.roleColumns.at(core::Role::D), std::string("D"));
        QCOMPARE(s.roleColumns.at(core::Role::C), std::string("C"));
        const core::Run& r = s.runs[0];
        QCOMPARE(r.id, std::string("misfitting_35m | 16000 | 0.002"));
        QCOMPARE(r.pointCount(), std::size_t(125));
        QCOMPARE(r.N, 93940416.0);
        QCOMPARE(r.D, 16777216000.0);
        QCOMPARE(r.C, 9456351902178213888.0);
        QCOMPARE(r.finalValue(), 3.287519883364439);
        // "sweep" is constant within each run, so it is a run attribute.
        QCOMPARE(std::get<std::string>(r.attributes.at("sweep")),
                 std::string("2024_11_26-18_49_27_sweep_test"));
        QCOMPARE(r.attributes.count("current_steps"), std::size_t(0)); // varies per point
    }

    void misfittingDetectionIsUnsure()
    {
        const std::string path = shared("misfitting-li2025/scaling_results.csv");
        if (!QFileInfo::exists(QString::fromStdString(path)))
            QSKIP("shared data not found");
        const auto p = core::importerById("csv")->preview(path, {}, 3);
        QVERIFY(p.has_value());
        QVERIFY(p->detection.unsure);
        QCOMPARE(p->detection.notes.size(), std::size_t(1));
        QVERIFY(p->detection.notes[0].find("D, train_tokens") != std::string::npos);
    }

    void datablationsSuffixes()
    {
        LOAD_SHARED(s, "colpret-hitchhiker/datablations_losses.csv", core::ImportOptions{});
        QCOMPARE(s.runs.size(), std::size_t(9261));
        QCOMPARE(s.roleColumns.at(core::Role::N), std::string("num_params"));
        QCOMPARE(s.roleColumns.at(core::Role::C), std::string("flops"));
        QCOMPARE(s.conventions.derived.at("D"), std::string("C/(6N)"));
        // First row: loss 6.9756693840026855, num_params 2.8B, flops 4.878044128417969e+23.
        const core::Run& r = s.runs[0];
        QCOMPARE(r.N, 2.8e9);
        QCOMPARE(r.C, 4.878044128417969e+23);
        QCOMPARE(r.D, 4.878044128417969e+23 / (6 * 2.8e9));
        QCOMPARE(r.finalValue(), 6.9756693840026855);
        QCOMPARE(std::get<std::string>(r.attributes.at("model_args")),
                 std::string("{'tensorboard': 'w7KmvQJRRvyCAsd0DkLOwg'}"));
        // num_params counts in the file: 2.8B x 6782, 4.2B x 1161, 8.7B x 1318.
        std::size_t n28 = 0, n42 = 0, n87 = 0;
        for (const core::Run& run : s.runs) {
            n28 += run.N == 2.8e9 ? 1 : 0;
            n42 += run.N == 4.2e9 ? 1 : 0;
            n87 += run.N == 8.7e9 ? 1 : 0;
        }
        QCOMPARE(n28, std::size_t(6782));
        QCOMPARE(n42, std::size_t(1161));
        QCOMPARE(n87, std::size_t(1318));
    }
};

QTEST_APPLESS_MAIN(TestTableImportRealData)
#include "tst_TableImportRealData.moc"

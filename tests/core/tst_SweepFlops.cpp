// SPDX-License-Identifier: GPL-3.0-or-later
// core::applyFlopModel: a sweep's C and curve FLOPs recounted from architecture columns.
#include "core/alloc/FlopModels.h"
#include "core/alloc/SweepFlops.h"

#include <QtTest>

class TestSweepFlops : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void recountsRunsAndCurves()
    {
        // The configuration hand-worked in tst_FlopModels: d = 1024, 24 layers, 8 heads x 96,
        // d_ff = 2816, V = 32000, s = 2048 -> Kaplan 1,509,949,440 FLOPs per token.
        core::Sweep sweep;
        core::Run run;
        run.id = "r";
        run.N = 3e8;
        run.D = 1e9;
        run.C = 6.0 * run.N * run.D;
        run.attributes = {{"d_model", 1024.0}, {"n_layers", 24.0}, {"n_heads", 8.0}, {"d_head", 96.0},
                          {"d_ff", 2816.0}, {"vocab_size", 32000.0}, {"seq_len", 2048.0}, {"note", std::string("x")}};
        core::Curve curve;
        curve.step = {1.0, 2.0};
        curve.tokens = {5e8, 1e9};
        curve.flops = {0.0, 0.0};
        curve.value = {3.0, 2.9};
        run.curves.push_back(curve);
        sweep.runs.push_back(run);
        const core::FlopModel* kaplan = core::flopModelById("kaplan");
        QVERIFY(kaplan);
        QVERIFY(core::applyFlopModel(sweep, *kaplan).has_value());
        QCOMPARE(sweep.runs[0].C, 1509949440.0 * 1e9);
        QCOMPARE(sweep.runs[0].curves[0].flops[0], 1509949440.0 * 5e8);
        QCOMPARE(sweep.conventions.flopFormula, std::string(kaplan->formula()));
        // A missing column names the run and the column, and leaves the sweep as it was.
        sweep.runs[0].attributes.erase("d_ff");
        const double before = sweep.runs[0].C;
        const auto r = core::applyFlopModel(sweep, *kaplan);
        QVERIFY(!r);
        QVERIFY(r.error().message.find("run 'r'") != std::string::npos);
        QVERIFY(r.error().message.find("d_ff") != std::string::npos);
        QCOMPARE(sweep.runs[0].C, before);
    }
};

QTEST_APPLESS_MAIN(TestSweepFlops)
#include "tst_SweepFlops.moc"

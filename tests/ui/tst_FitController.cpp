// SPDX-License-Identifier: GPL-3.0-or-later
// Live fits: the FitController refits off the GUI thread when the sweep or the fit spec changes,
// lands exactly core::runFitJob's result, restores the earlier result on undo, shows errors, and
// lands the bootstrap as a second stage.
#include "core/fit/FitJob.h"
#include "core/LawSweep.h"
#include "ui/Document.h"
#include "ui/FitController.h"

#include <QSignalSpy>
#include <QTest>

#include <cmath>

namespace {

core::FitJobSpec powerSpec()
{
    core::FitJobSpec spec;
    spec.lawId = "power";
    spec.selection.x = core::XQuantity::N;
    return spec;
}

/// Waits until the controller is idle (at most 60 s; a Debug bootstrap can take seconds).
bool waitIdle(ui::FitController& fits)
{
    return QTest::qWaitFor([&] { return !fits.isBusy(); }, 60000);
}

} // namespace

class TestFitController : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fitsOffTheGuiThreadAndMatchesCore()
    {
        ui::Document doc;
        ui::FitController fits(&doc);
        fits.setDebounceMs(0);
        doc.setSweep(testsweeps::powerLawSweep());
        doc.setFitSpec(powerSpec(), QStringLiteral("power"));
        QVERIFY(fits.isBusy());
        QVERIFY(waitIdle(fits));
        QVERIFY2(fits.result() != nullptr, qPrintable(fits.errorText()));
        QVERIFY(fits.resultSpec() == doc.fitSpec());
        const auto direct = core::runFitJob(doc.sweep(), doc.fitSpec());
        QVERIFY(direct.has_value());
        QCOMPARE(fits.result()->fit.result.params, direct->fit.result.params);
        QCOMPARE(fits.result()->data.size(), std::size_t{11});
    }

    void excludingRefitsAndUndoRestoresTheResult()
    {
        ui::Document doc;
        ui::FitController fits(&doc);
        fits.setDebounceMs(0);
        doc.setSweep(testsweeps::powerLawSweep());
        doc.setFitSpec(powerSpec(), QStringLiteral("power"));
        QVERIFY(waitIdle(fits));
        const auto before = fits.result();
        QVERIFY(before != nullptr);
        const std::vector<double> paramsBefore = before->fit.result.params;

        doc.setRunsExcluded({10}, true); // the outlier
        QVERIFY(doc.isRunExcluded(10));
        QVERIFY(waitIdle(fits));
        const auto after = fits.result();
        QVERIFY(after != nullptr && after != before);
        QCOMPARE(after->data.size(), std::size_t{10});
        QCOMPARE(after->excludedPoints, std::size_t{1});
        const auto& p = after->fit.result.params;
        QVERIFY(std::abs(p[0] - testsweeps::kLawE) < 1e-7);
        QVERIFY(std::abs(p[2] - testsweeps::kLawAlpha) < 1e-7);
        QCOMPARE(fits.previous(), before); // drawn faded until... here, after landing

        doc.undoStack()->undo();
        QVERIFY(!doc.isRunExcluded(10));
        QVERIFY(waitIdle(fits));
        QCOMPARE(fits.result(), before); // the cached result object itself
        QCOMPARE(fits.result()->fit.result.params, paramsBefore);

        doc.undoStack()->redo();
        QVERIFY(waitIdle(fits));
        QCOMPARE(fits.result(), after);
    }

    void aFailedFitShowsItsError()
    {
        ui::Document doc;
        ui::FitController fits(&doc);
        fits.setDebounceMs(0);
        doc.setSweep(testsweeps::powerLawSweep());
        doc.setFitSpec(powerSpec(), QStringLiteral("power"));
        QVERIFY(waitIdle(fits));
        std::vector<std::size_t> all;
        for (std::size_t r = 0; r < 11; ++r)
            all.push_back(r);
        doc.setRunsExcluded(all, true);
        QVERIFY(waitIdle(fits));
        QVERIFY(fits.result() == nullptr);
        QVERIFY2(fits.errorText().contains(QStringLiteral("no point left to fit")), qPrintable(fits.errorText()));
        QVERIFY(fits.errorText().contains(QStringLiteral("11 excluded")));
        doc.undoStack()->undo();
        QVERIFY(waitIdle(fits));
        QVERIFY(fits.result() != nullptr);
        QVERIFY(fits.errorText().isEmpty());
    }

    void bootstrapLandsAfterTheFit()
    {
        ui::Document doc;
        ui::FitController fits(&doc);
        fits.setDebounceMs(0);
        doc.setSweep(testsweeps::powerLawSweep());
        core::FitJobSpec spec = powerSpec();
        spec.bootstrap = 30;
        spec.seed = 3;
        QSignalSpy landed(&fits, &ui::FitController::resultChanged);
        doc.setFitSpec(spec, QStringLiteral("power + bootstrap"));
        QVERIFY(waitIdle(fits));
        QVERIFY(fits.result() != nullptr);
        QVERIFY(fits.result()->bootstrap.has_value());
        QVERIFY(!fits.bootstrapPending());
        QCOMPARE(fits.result()->bootstrap->resamples, std::size_t{30});
        // At least two landings: the fit, then the fit with its bootstrap (plus the reset on setSweep).
        QVERIFY(landed.count() >= 2);
        const auto direct = core::runFitJobBootstrap(*core::runFitJob(doc.sweep(), spec), spec);
        QCOMPARE(fits.result()->bootstrap->draws, direct->bootstrap->draws);
    }

    void aNewerSpecSupersedesARunningJob()
    {
        ui::Document doc;
        ui::FitController fits(&doc);
        fits.setDebounceMs(0);
        doc.setSweep(testsweeps::powerLawSweep());
        core::FitJobSpec slow = powerSpec();
        slow.bootstrap = 5000;
        doc.setFitSpec(slow, QStringLiteral("slow"));
        QTest::qWait(20);
        core::FitJobSpec quick = powerSpec().withExcluded({10}, true);
        doc.setFitSpec(quick, QStringLiteral("quick"));
        QVERIFY(waitIdle(fits));
        QVERIFY(fits.resultSpec() == quick);
        QVERIFY(!fits.result()->bootstrap.has_value());
        QCOMPARE(fits.result()->data.size(), std::size_t{10});
    }

    void cancelKeepsTheLastResult()
    {
        ui::Document doc;
        ui::FitController fits(&doc);
        fits.setDebounceMs(0);
        doc.setSweep(testsweeps::powerLawSweep());
        doc.setFitSpec(powerSpec(), QStringLiteral("power"));
        QVERIFY(waitIdle(fits));
        const auto landed = fits.result();
        core::FitJobSpec slow = powerSpec();
        slow.bootstrap = 5000;
        doc.setFitSpec(slow, QStringLiteral("slow"));
        QTRY_VERIFY(fits.result() != landed || fits.isBusy());
        fits.cancel();
        QVERIFY(!fits.isBusy());
        QVERIFY(fits.result() != nullptr);
        // Whatever landed before the cancel is a fit of one of the two specs, never a partial one.
        QCOMPARE(fits.result()->fit.result.params, landed->fit.result.params);
    }
};

QTEST_MAIN(TestFitController)
#include "tst_FitController.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// The GUI's fit pipeline: selection, user exclusions, fit range, backtest and bootstrap on a sweep.
#include "core/fit/FitJob.h"
#include "LawSweep.h"

#include <QtTest>

#include <cmath>

namespace {

using testsweeps::lawLoss;
constexpr double kE = testsweeps::kLawE, kA = testsweeps::kLawA, kAlpha = testsweeps::kLawAlpha;

core::Sweep lawSweep()
{
    return testsweeps::powerLawSweep();
}

core::FitJobSpec powerSpec()
{
    core::FitJobSpec spec;
    spec.lawId = "power";
    spec.selection.x = core::XQuantity::N;
    spec.threads = 1;
    return spec;
}

} // namespace

class TestFitJob : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void excludingTheOutlierRecoversTheLaw()
    {
        const core::Sweep sweep = lawSweep();
        const auto with = core::runFitJob(sweep, powerSpec());
        QVERIFY2(with.has_value(), with ? "" : with.error().toString().c_str());
        QCOMPARE(with->data.size(), std::size_t{11});
        QVERIFY(std::abs(with->fit.result.params[2] - kAlpha) > 1e-3); // the outlier pulls the fit

        const core::FitJobSpec spec = powerSpec().withExcluded({10}, true);
        QVERIFY(spec.isExcluded(10));
        const auto without = core::runFitJob(sweep, spec);
        QVERIFY(without.has_value());
        QCOMPARE(without->data.size(), std::size_t{10});
        QCOMPARE(without->excludedPoints, std::size_t{1});
        const auto& p = without->fit.result.params;
        QVERIFY2(std::abs(p[0] - kE) < 1e-7 && std::abs(p[1] / kA - 1) < 1e-6 && std::abs(p[2] - kAlpha) < 1e-7,
                 qPrintable(QStringLiteral("E %1 A %2 alpha %3").arg(p[0]).arg(p[1]).arg(p[2])));

        // Including it again gives the first spec back, and the same result bit for bit.
        const core::FitJobSpec back = spec.withExcluded({10}, false);
        QVERIFY(back == powerSpec());
        const auto again = core::runFitJob(sweep, back);
        QVERIFY(again.has_value());
        QCOMPARE(again->fit.result.params, with->fit.result.params);
        QCOMPARE(again->fit.result.objective, with->fit.result.objective);
    }

    void fitRangeDropsPointsOutsideIt()
    {
        core::FitJobSpec spec = powerSpec();
        spec.range = core::FitRange{core::XQuantity::N, 2e7, 2e9};
        std::size_t excluded = 99, outside = 99;
        const auto data = core::fitJobData(lawSweep(), spec, &excluded, &outside);
        QVERIFY(data.has_value());
        // N = 10^(7 + i/3): i = 1..6 lie in [2e7, 2e9] (2.15e7 .. 1e9), plus the outlier at 3e8.
        QCOMPARE(data->size(), std::size_t{7});
        QCOMPARE(outside, std::size_t{4});
        QCOMPARE(excluded, std::size_t{0});
        for (std::size_t i = 0; i < data->size(); ++i)
            QVERIFY(data->N[static_cast<Eigen::Index>(i)] >= 2e7 && data->N[static_cast<Eigen::Index>(i)] <= 2e9);
    }

    void nothingLeftIsAnErrorNamingTheSelection()
    {
        core::FitJobSpec spec = powerSpec();
        for (std::size_t r = 0; r < 11; ++r)
            spec = spec.withExcluded({r}, true);
        const auto result = core::runFitJob(lawSweep(), spec);
        QVERIFY(!result.has_value());
        QCOMPARE(QString::fromStdString(result.error().parameter), QStringLiteral("selection"));
        QVERIFY(result.error().message.find("11 excluded") != std::string::npos);
    }

    void unknownNamesAreErrors()
    {
        core::FitJobSpec spec = powerSpec();
        spec.lawId = "nope";
        QCOMPARE(QString::fromStdString(core::runFitJob(lawSweep(), spec).error().parameter), QStringLiteral("law"));
        spec = powerSpec();
        spec.fixed["beta"] = 0.3;
        const auto r = core::runFitJob(lawSweep(), spec);
        QVERIFY(!r.has_value());
        QCOMPARE(QString::fromStdString(r.error().parameter), QStringLiteral("fixed"));
        QVERIFY(r.error().message.find("'beta'") != std::string::npos);
    }

    void fixedParameterKeepsItsValue()
    {
        core::FitJobSpec spec = powerSpec().withExcluded({10}, true);
        spec.fixed["E"] = kE;
        const auto r = core::runFitJob(lawSweep(), spec);
        QVERIFY(r.has_value());
        QCOMPARE(r->fit.result.params[0], kE);
        QCOMPARE(r->fit.result.stderrs[0], 0.0);
        QVERIFY(std::abs(r->fit.result.params[2] - kAlpha) < 1e-7);
    }

    void backtestPredictsTheLargerRuns()
    {
        core::FitJobSpec spec = powerSpec().withExcluded({10}, true);
        spec.backtest = core::HoldoutSplit{'N', 3e9};
        const auto r = core::runFitJob(lawSweep(), spec);
        QVERIFY2(r.has_value(), r ? "" : r.error().toString().c_str());
        QVERIFY(r->backtest.has_value());
        // N = 10^(7 + i/3) > 3e9 for i = 8, 9 only (4.6e9, 1e10; i = 7 is 2.15e9); the law is exact, so the errors vanish.
        QCOMPARE(r->heldOutRuns, (std::vector<std::size_t>{8, 9}));
        QCOMPARE(r->backtest->observed.size(), std::size_t{2});
        QCOMPARE(r->backtest->observed[0], lawLoss(std::pow(10.0, 7.0 + 3.0 * 8 / 9.0)));
        QVERIFY(r->backtest->maxAbsRelError < 1e-6);
    }

    void bootstrapIsASecondStage()
    {
        core::FitJobSpec spec = powerSpec();
        spec.bootstrap = 40;
        spec.seed = 7;
        const auto fit = core::runFitJob(lawSweep(), spec);
        QVERIFY(fit.has_value());
        QVERIFY(!fit->bootstrap.has_value());
        const auto boot = core::runFitJobBootstrap(*fit, spec);
        QVERIFY(boot.has_value());
        QVERIFY(boot->bootstrap.has_value());
        QCOMPARE(boot->bootstrap->resamples, std::size_t{40});
        QCOMPARE(boot->fit.result.params, fit->fit.result.params);
        // Deterministic for a seed: a second run draws the same resamples.
        const auto boot2 = core::runFitJobBootstrap(*fit, spec);
        QCOMPARE(boot2->bootstrap->draws, boot->bootstrap->draws);
        // Cancelling is an error value, not a partial result.
        const auto cancelled = core::runFitJobBootstrap(*fit, spec, [](double) { return false; });
        QVERIFY(!cancelled.has_value());
    }
};

QTEST_APPLESS_MAIN(TestFitJob)
#include "tst_FitJob.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// Extrapolation check (core::holdoutCheck): fits the points at or below a threshold and scores
// the predicted loss above it, against closed forms.
#include "core/fit/HoldoutCheck.h"
#include "core/fit/Laws.h"

#include <QtTest>

#include <cmath>

namespace {

/// Power-law losses in N (x = N), with the points above `bump` multiplied by `factor`.
core::FitData sweep(double bump, double factor)
{
    core::FitData d;
    const int n = 12;
    d.N.resize(n);
    d.C.resize(n);
    d.x.resize(n);
    d.y.resize(n);
    for (int i = 0; i < n; ++i) {
        const double N = std::pow(10.0, 7.0 + 0.3 * i);
        d.N[i] = d.x[i] = N;
        d.C[i] = 6.0 * N * 20.0 * N;
        d.y[i] = (1.7 + 300.0 * std::pow(N, -0.3)) * (N > bump ? factor : 1.0);
        d.run.push_back(static_cast<std::size_t>(i));
    }
    return d;
}

} // namespace

class TestHoldoutCheck : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void exactLawPredictsTheHeldOutRuns()
    {
        core::FitRequest req;
        req.law = core::lawById("power");
        const auto r = core::holdoutCheck(sweep(1e100, 1.0), req, {'N', 1e9});
        QVERIFY(r.has_value());
        // N = 10^(7 + 0.3 i) <= 1e9 for i = 0..6: 7 fitted, 5 held out.
        QCOMPARE(r->fit.result.residuals.size(), std::size_t{7});
        QCOMPARE(r->observed.size(), std::size_t{5});
        QVERIFY(r->maxAbsRelError <= 1e-8);
    }

    void aShiftAboveTheThresholdIsMeasured()
    {
        // Losses above N = 1e9 are 10% higher than the law that fits the rest exactly, so every
        // held-out point is off by |1 - 1.1| / 1.1 = 1/11.
        core::FitRequest req;
        req.law = core::lawById("power");
        const auto r = core::holdoutCheck(sweep(1e9, 1.1), req, {'N', 1e9});
        QVERIFY(r.has_value());
        QVERIFY(std::abs(r->meanAbsRelError - 1.0 / 11.0) <= 1e-8);
        QVERIFY(std::abs(r->maxAbsRelError - 1.0 / 11.0) <= 1e-8);
        // The same split by compute: C = 120 N^2 <= 1.2e20 exactly when N <= 1e9.
        const auto c = core::holdoutCheck(sweep(1e9, 1.1), req, {'C', 120.0 * 1e18 * (1.0 + 1e-12)});
        QVERIFY(c.has_value());
        QCOMPARE(c->observed.size(), std::size_t{5});
        QVERIFY(std::abs(c->meanAbsRelError - 1.0 / 11.0) <= 1e-8);
    }

    void splitsThatLeaveNothingAreErrors()
    {
        core::FitRequest req;
        req.law = core::lawById("power");
        auto r = core::holdoutCheck(sweep(1e100, 1.0), req, {'N', 1e3});
        QVERIFY(!r);
        QCOMPARE(r.error().parameter, std::string("--holdout-above"));
        r = core::holdoutCheck(sweep(1e100, 1.0), req, {'N', 1e20});
        QVERIFY(!r);
        r = core::holdoutCheck(sweep(1e100, 1.0), req, {'D', 1e9});
        QVERIFY(!r);
        // Two points below the threshold cannot fit three parameters.
        r = core::holdoutCheck(sweep(1e100, 1.0), req, {'N', 2.1e7});
        QVERIFY(!r);
        QVERIFY(r.error().message.find("3 free parameters") != std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestHoldoutCheck)
#include "tst_HoldoutCheck.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// Power laws in compute (N_opt = k C^a): least squares in log-log with OLS standard errors.
#include "core/alloc/PowerLawInC.h"

#include <QtTest>

#include <cmath>
#include <vector>

class TestPowerLawInC : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void exactPowerLaw()
    {
        std::vector<double> C, y;
        for (double lc = 18.0; lc <= 22.0; lc += 0.5) {
            C.push_back(std::pow(10.0, lc));
            y.push_back(0.1 * std::pow(C.back(), 0.5126));
        }
        const auto f = core::PowerLawInC::fit(C, y);
        QVERIFY(f.has_value());
        QVERIFY(std::abs(f->exponent - 0.5126) < 1e-12);
        QVERIFY(std::abs(f->k / 0.1 - 1.0) < 1e-9);
        QVERIFY(f->seExponent < 1e-12);
        QVERIFY(std::abs(f->at(1e21) / (0.1 * std::pow(1e21, 0.5126)) - 1.0) < 1e-12);
        QCOMPARE(f->points, std::size_t{9});
    }

    void handComputedStandardErrors()
    {
        // ln C = 0, 1, 2 and ln y = 0, 1, 3: slope 3/2, intercept -1/6, residuals (1/6, -1/3, 1/6),
        // RSS = 1/6, s^2 = RSS / (3 - 2) = 1/6, Sxx = 2: se(slope) = sqrt(s^2 / Sxx) = sqrt(1/12);
        // var(ln k) = s^2 / n + mean(ln C)^2 s^2 / Sxx = 1/18 + 1/12 = 5/36; R^2 = 1 - (1/6) / (14/3) =
        // 27/28.
        const std::vector<double> C{1.0, std::exp(1.0), std::exp(2.0)};
        const std::vector<double> y{1.0, std::exp(1.0), std::exp(3.0)};
        const auto f = core::PowerLawInC::fit(C, y);
        QVERIFY(f.has_value());
        QVERIFY(std::abs(f->exponent - 1.5) < 1e-14);
        QVERIFY(std::abs(f->lnK + 1.0 / 6.0) < 1e-14);
        QVERIFY(std::abs(f->seExponent - std::sqrt(1.0 / 12.0)) < 1e-14);
        QVERIFY(std::abs(f->seLnK - std::sqrt(5.0) / 6.0) < 1e-14);
        QVERIFY(std::abs(f->seK - f->k * std::sqrt(5.0) / 6.0) < 1e-14);
        QVERIFY(std::abs(f->r2 - 27.0 / 28.0) < 1e-14);
    }

    void confidenceIntervalOfTheLine()
    {
        // The same three points: at ln C = 3, ln y = -1/6 + 3 * 3/2 = 13/3 and
        // var = s^2/n + (3 - mean ln C)^2 s^2/Sxx = 1/18 + 4/12 = 7/18; t(0.975, 1 dof) = 12.706204736174698.
        const std::vector<double> C{1.0, std::exp(1.0), std::exp(2.0)};
        const std::vector<double> y{1.0, std::exp(1.0), std::exp(3.0)};
        const auto f = core::PowerLawInC::fit(C, y);
        QVERIFY(f.has_value());
        QCOMPARE(f->lnCMean, 1.0);
        const double half = 12.706204736174698 * std::sqrt(7.0 / 18.0);
        const auto ci = f->interval(std::exp(3.0), 0.95);
        QVERIFY(std::abs(std::log(ci[0]) - (13.0 / 3.0 - half)) < 1e-9);
        QVERIFY(std::abs(std::log(ci[1]) - (13.0 / 3.0 + half)) < 1e-9);
        // Narrowest at the mean ln C: only s/sqrt(n) there.
        const auto mid = f->interval(std::exp(1.0), 0.95);
        QVERIFY(std::abs(std::log(mid[1]) - (4.0 / 3.0 + 12.706204736174698 * std::sqrt(1.0 / 18.0))) < 1e-9);
        // Two points: no interval.
        const auto two = core::PowerLawInC::fit(std::vector<double>{1e19, 1e20}, std::vector<double>{1e9, 3e9});
        QVERIFY(std::isnan(two->interval(1e21, 0.95)[0]));
    }

    void twoPointsHaveNoStandardError()
    {
        const auto f = core::PowerLawInC::fit(std::vector<double>{1e19, 1e20}, std::vector<double>{1e9, 3e9});
        QVERIFY(f.has_value());
        QVERIFY(std::abs(f->exponent - std::log10(3.0)) < 1e-13);
        QVERIFY(std::isnan(f->seExponent));
        QVERIFY(std::isnan(f->seK));
    }

    void badInputIsAnError()
    {
        QVERIFY(!core::PowerLawInC::fit(std::vector<double>{1e19}, std::vector<double>{1e9}).has_value());
        QVERIFY(!core::PowerLawInC::fit(std::vector<double>{1e19, 1e19}, std::vector<double>{1e9, 2e9})
                     .has_value());
        QVERIFY(!core::PowerLawInC::fit(std::vector<double>{1e19, 1e20}, std::vector<double>{1e9, -2e9})
                     .has_value());
        QVERIFY(!core::PowerLawInC::fit(std::vector<double>{1e19, NAN}, std::vector<double>{1e9, 2e9})
                     .has_value());
        const auto e = core::PowerLawInC::fit(std::vector<double>{1e19, 1e20}, std::vector<double>{1e9});
        QVERIFY(!e.has_value());
        QCOMPARE(e.error().parameter, std::string("power law"));
    }
};

QTEST_GUILESS_MAIN(TestPowerLawInC)
#include "tst_PowerLawInC.moc"

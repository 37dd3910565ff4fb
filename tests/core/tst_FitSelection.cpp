// SPDX-License-Identifier: GPL-3.0-or-later
// Which points of a sweep enter a fit: final, minimum or all usable points, minus the top losses.
#include "core/fit/FitSelection.h"

#include <QtTest>

#include <array>
#include <cmath>
#include <limits>

namespace {

core::Sweep threeRuns()
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    core::Sweep s;
    s.sourcePath = "hand-built";
    auto run = [](double N, std::vector<std::array<double, 2>> dl) {
        core::Run r;
        r.N = N;
        core::Curve c;
        c.metric = "loss";
        for (std::size_t i = 0; i < dl.size(); ++i)
            c.append(double(i + 1), dl[i][0], 6 * N * dl[i][0], dl[i][1]);
        r.curves.push_back(c);
        return r;
    };
    s.runs.push_back(run(1e8, {{1e9, 4.0}, {2e9, 3.5}, {4e9, 3.6}}));
    s.runs.push_back(run(1e9, {{1e9, 3.2}, {2e9, 3.0}, {4e9, nan}})); // diverged at the end
    s.runs.push_back(run(-1.0, {{1e9, 3.0}}));                        // invalid N: never fitted
    return s;
}

std::vector<double> values(const Eigen::VectorXd& v)
{
    return {v.data(), v.data() + v.size()};
}

} // namespace

class TestFitSelection : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void finalPoints()
    {
        core::FitSelection sel;
        const auto d = sel.select(threeRuns());
        QVERIFY(d.has_value());
        // Run 1's final point is NaN: the run contributes nothing rather than an earlier point.
        QCOMPARE(values(d->y), (std::vector<double>{3.6}));
        QCOMPARE(values(d->D), (std::vector<double>{4e9}));
        QCOMPARE(values(d->C), (std::vector<double>{6 * 1e8 * 4e9}));
        QCOMPARE(values(d->x), (std::vector<double>{1e8})); // x = N by default
        QCOMPARE(d->run, (std::vector<std::size_t>{0}));
    }

    void minimumPoints()
    {
        core::FitSelection sel;
        sel.points = core::FitSelection::Points::Min;
        sel.x = core::XQuantity::D;
        const auto d = sel.select(threeRuns());
        QVERIFY(d.has_value());
        QCOMPARE(values(d->y), (std::vector<double>{3.5, 3.0}));
        QCOMPARE(values(d->x), (std::vector<double>{2e9, 2e9}));
        QCOMPARE(d->run, (std::vector<std::size_t>{0, 1}));
    }

    void allPointsMinusTopLoss()
    {
        core::FitSelection sel;
        sel.points = core::FitSelection::Points::All;
        QCOMPARE(values(sel.select(threeRuns())->y), (std::vector<double>{4.0, 3.5, 3.6, 3.2, 3.0}));
        sel.excludeTopLoss = 2; // drops 4.0 and 3.6
        const auto d = sel.select(threeRuns());
        QCOMPARE(values(d->y), (std::vector<double>{3.5, 3.2, 3.0}));
        QCOMPARE(d->run, (std::vector<std::size_t>{0, 1, 1}));
    }

    void nothingUsableIsAnError()
    {
        core::FitSelection sel;
        sel.excludeTopLoss = 5;
        const auto d = sel.select(threeRuns());
        QVERIFY(!d);
        QCOMPARE(d.error().parameter, std::string("--points"));
        QCOMPARE(d.error().file, std::string("hand-built"));
    }
};

QTEST_APPLESS_MAIN(TestFitSelection)
#include "tst_FitSelection.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// Only log-valid points reach a chart; x follows the chosen quantity.
#include "core/plot/PlotPoints.h"

#include <QtTest>

#include <cmath>
#include <limits>

class TestPlotPoints : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void filtersInvalidAndPicksQuantity()
    {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        core::Run run;
        run.N = 1e8;
        core::Curve c;
        c.metric = "loss";
        c.append(1, 1e9, 6e17, 3.0);
        c.append(2, 2e9, 1.2e18, nan);      // NaN loss
        c.append(3, 3e9, 1.8e18, 0.0);      // zero loss
        c.append(4, -1, -6e17, 2.5);        // negative tokens and FLOPs
        c.append(5, 5e9, 3e18, INFINITY);   // infinite loss
        c.append(6, 6e9, 3.6e18, 2.0);
        const auto d = core::logPlotPoints(run, c, core::XQuantity::D);
        QCOMPARE(d.x, (std::vector<double>{1e9, 6e9}));
        QCOMPARE(d.y, (std::vector<double>{3.0, 2.0}));
        const auto cx = core::logPlotPoints(run, c, core::XQuantity::C);
        QCOMPARE(cx.x, (std::vector<double>{6e17, 3.6e18}));
        const auto n = core::logPlotPoints(run, c, core::XQuantity::N);
        QCOMPARE(n.x, (std::vector<double>{1e8, 1e8, 1e8})); // point 4 is valid against N
        QCOMPARE(n.y, (std::vector<double>{3.0, 2.5, 2.0}));
        // Out-of-order logs come back sorted by x; ties keep file order.
        core::Curve shuffled;
        shuffled.append(3, 3e9, 1.8e18, 2.1);
        shuffled.append(1, 1e9, 6e17, 3.0);
        shuffled.append(2, 2e9, 1.2e18, 2.5);
        const auto sorted = core::logPlotPoints(run, shuffled, core::XQuantity::D);
        QCOMPARE(sorted.x, (std::vector<double>{1e9, 2e9, 3e9}));
        QCOMPARE(sorted.y, (std::vector<double>{3.0, 2.5, 2.1}));
        run.N = 0;
        QCOMPARE(core::logPlotPoints(run, c, core::XQuantity::N).size(), std::size_t(0));
    }
};

QTEST_APPLESS_MAIN(TestPlotPoints)
#include "tst_PlotPoints.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// Log-space min/max decimation keeps every pixel column's extremes and bounds the point count.
#include "core/plot/Decimator.h"

#include <QtTest>

#include <cmath>

class TestDecimator : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void smallInputIsUnchanged()
    {
        core::PlotPoints p{{1, 2, 3}, {3, 2, 1}};
        const auto out = core::decimateLogMinMax(p, 1, 3, 100);
        QCOMPARE(out.x, p.x);
        QCOMPARE(out.y, p.y);
    }

    void keepsEveryColumnsExtremes()
    {
        // 1,000,000 points log-spaced over 1e6..1e12, a smooth power law plus deterministic spikes.
        const std::size_t n = 1'000'000;
        const int columns = 800;
        core::PlotPoints p;
        p.x.resize(n);
        p.y.resize(n);
        for (std::size_t i = 0; i < n; ++i) {
            p.x[i] = std::pow(10.0, 6.0 + 6.0 * double(i) / double(n - 1));
            p.y[i] = 10.0 * std::pow(p.x[i], -0.1) * (i % 9973 == 0 ? 3.0 : 1.0) * (i % 7919 == 0 ? 0.5 : 1.0);
        }
        const auto out = core::decimateLogMinMax(p, 1e6, 1e12, columns);
        QVERIFY(out.size() <= 4 * std::size_t(columns));
        QVERIFY(out.size() >= 2 * std::size_t(columns));

        // Brute force: each column's min and max y in the input must appear in the output column.
        auto column = [&](double x) {
            return std::min(columns - 1, int(std::floor((std::log10(x) - 6.0) * columns / 6.0)));
        };
        std::vector<double> inMin(columns, INFINITY), inMax(columns, -INFINITY);
        std::vector<double> outMin(columns, INFINITY), outMax(columns, -INFINITY);
        for (std::size_t i = 0; i < n; ++i) {
            const int c = column(p.x[i]);
            inMin[c] = std::min(inMin[c], p.y[i]);
            inMax[c] = std::max(inMax[c], p.y[i]);
        }
        for (std::size_t i = 0; i < out.size(); ++i) {
            const int c = column(out.x[i]);
            outMin[c] = std::min(outMin[c], out.y[i]);
            outMax[c] = std::max(outMax[c], out.y[i]);
        }
        for (int c = 0; c < columns; ++c) {
            QCOMPARE(outMin[c], inMin[c]);
            QCOMPARE(outMax[c], inMax[c]);
        }
        // Order is preserved and endpoints kept.
        QVERIFY(std::is_sorted(out.x.begin(), out.x.end()));
        QCOMPARE(out.x.front(), p.x.front());
        QCOMPARE(out.x.back(), p.x.back());
    }

    void unsortedInputKeepsExtremes()
    {
        // A log that runs backwards (x descending) takes the unsorted path: still bounded, still
        // keeping the global extremes.
        core::PlotPoints p;
        for (int i = 0; i < 100000; ++i) {
            p.x.push_back(std::pow(10.0, 10.0 - i / 20000.0)); // 1e10 down to ~1e5
            p.y.push_back(i == 4242 ? 7.0 : (i == 77777 ? 0.5 : 2.0 + 1e-6 * i));
        }
        const auto out = core::decimateLogMinMax(p, 1e5, 1e10, 100);
        QVERIFY(out.size() <= 4 * 100 + 2);
        QCOMPARE(*std::max_element(out.y.begin(), out.y.end()), 7.0);
        QCOMPARE(*std::min_element(out.y.begin(), out.y.end()), 0.5);
        QVERIFY(std::is_sorted(out.x.rbegin(), out.x.rend())); // original order kept
    }

    void offscreenPointsKeepOnlyTheEdgeNeighbours()
    {
        core::PlotPoints p;
        for (int i = 0; i < 1000; ++i) {
            p.x.push_back(std::pow(10.0, i / 100.0)); // 1 .. ~1e10
            p.y.push_back(1.0 + i);
        }
        // View 1e3..1e6 with 10 columns: points 300..600 inside; 299 and 601 kept as edge neighbours.
        const auto out = core::decimateLogMinMax(p, 1e3, 1e6, 10);
        QCOMPARE(out.x.front(), p.x[299]);
        QCOMPARE(out.x.back(), p.x[601]);
        QVERIFY(out.size() <= 4 * 10 + 2);
    }
};

QTEST_APPLESS_MAIN(TestDecimator)
#include "tst_Decimator.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// Natural-breaks binning keeps noisy clusters (e.g. digitised IsoFLOP budgets) in their own bins.
#include "core/plot/ValueBins.h"

#include <QtTest>

class TestValueBins : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void noisyBudgetsGetOneBinEach()
    {
        // Chinchilla's nine IsoFLOP budgets, each read three times with up to +-8 % noise.
        const double budgets[] = {6e18, 1e19, 3e19, 6e19, 1e20, 3e20, 6e20, 1e21, 3e21};
        std::vector<double> values;
        for (double b : budgets)
            for (double f : {0.92, 1.0, 1.08})
                values.push_back(b * f);
        std::sort(values.begin(), values.end());
        const auto starts = core::naturalBreaks(values, 9);
        QCOMPARE(starts, (std::vector<std::size_t>{0, 3, 6, 9, 12, 15, 18, 21, 24}));
        // Seven bins: six cuts at the widest gaps between clusters. In log10 the gaps between
        // neighbouring clusters' edges are 0.41 (1e19|3e19, 1e20|3e20, 1e21|3e21), 0.23 (3e19|6e19,
        // 3e20|6e20) and 0.15 (6e18|1e19, 6e19|1e20, 6e20|1e21; the first of these ties wins), so
        // 6e19 with 1e20 and 6e20 with 1e21 share a bin.
        QCOMPARE(core::naturalBreaks(values, 7), (std::vector<std::size_t>{0, 3, 6, 9, 15, 18, 24}));
    }

    void clusteredValuesKeepTheirClusters()
    {
        std::vector<double> values;
        for (double b : {6e18, 1e19, 3e19, 6e19, 1e20, 3e20, 6e20, 1e21, 3e21})
            for (double f : {0.92, 1.0, 1.08})
                values.push_back(b * f);
        std::sort(values.begin(), values.end());
        // Nine clear clusters: cut between clusters (0.15 >= 3 x 0.036 decades inside one).
        QCOMPARE(core::valueBins(values, 9), (std::vector<std::size_t>{0, 3, 6, 9, 12, 15, 18, 21, 24}));
        // Ten allowed: the tenth cut would split a cluster (ratio ~1), so nine it stays.
        QCOMPARE(core::valueBins(values, 10).size(), std::size_t(9));
    }

    void continuousValuesGetEqualCounts()
    {
        // 100 log-spaced values plus one far outlier: gaps are all alike, so equal-count bins by
        // rank, and the outlier shares the last bin rather than taking one alone.
        std::vector<double> values;
        for (int i = 0; i < 100; ++i)
            values.push_back(std::pow(10.0, 18.0 + i * 0.03));
        values.push_back(1e23);
        const auto starts = core::valueBins(values, 4);
        QCOMPARE(starts, (std::vector<std::size_t>{0, 25, 50, 75}));
    }

    void linearWhenNotPositive()
    {
        const std::vector<double> v{-5, -4, 10, 11, 12};
        QCOMPARE(core::naturalBreaks(v, 2), (std::vector<std::size_t>{0, 2}));
    }

    void fewValuesEachTheirOwnBin()
    {
        QCOMPARE(core::naturalBreaks({1, 2, 3}, 7), (std::vector<std::size_t>{0, 1, 2}));
        QVERIFY(core::naturalBreaks({}, 7).empty());
    }
};

QTEST_APPLESS_MAIN(TestValueBins)
#include "tst_ValueBins.moc"

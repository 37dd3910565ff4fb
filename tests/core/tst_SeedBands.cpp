// SPDX-License-Identifier: GPL-3.0-or-later
// Display smoothing of training curves and the mean-with-band of runs that differ only by seed.
#include "core/plot/SeedBands.h"

#include <QtTest>

#include <cmath>

namespace {

core::Run curveRun(const std::string& name, double N, double seed, double scale, int points, double firstD)
{
    core::Run r;
    r.id = r.name = name;
    r.N = N;
    r.attributes["seed"] = seed;
    r.attributes["lr"] = 3e-4;
    core::Curve c;
    for (int i = 0; i < points; ++i) {
        const double D = firstD * (i + 1);
        c.append(i, D, 6 * N * D, scale * (2.0 + 10.0 / std::sqrt(D / 1e6)));
    }
    r.curves.push_back(c);
    return r;
}

} // namespace

class TestSeedBands : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void emaByHand()
    {
        core::PlotPoints p{{1, 2, 3}, {4.0, 2.0, 1.0}};
        const auto s = core::smoothPlotPoints(p, 0.5);
        // s0 = 4, s1 = 0.5*4 + 0.5*2 = 3, s2 = 0.5*3 + 0.5*1 = 2
        QCOMPARE(s.y, (std::vector<double>{4.0, 3.0, 2.0}));
        QCOMPARE(s.x, p.x);
        QCOMPARE(core::smoothPlotPoints(p, 0.0).y, p.y);
    }

    void meanAndSpreadOfSeedMates()
    {
        core::Sweep s;
        // Two seeds of one configuration on the same token grid, 1.0x and 1.1x the same curve;
        // a third run with another lr is not their mate; a run of another size neither.
        s.runs.push_back(curveRun("a-s0", 1e8, 0, 1.0, 10, 1e6));
        s.runs.push_back(curveRun("a-s1", 1e8, 1, 1.1, 10, 1e6));
        core::Run other = curveRun("b", 1e8, 0, 1.2, 10, 1e6);
        other.attributes["lr"] = 1e-3;
        s.runs.push_back(other);
        s.runs.push_back(curveRun("c", 2e8, 0, 1.0, 10, 1e6));
        const auto bands = core::seedBands(s, {0, 1, 2, 3}, "seed", core::XQuantity::D, 0.0);
        QCOMPARE(bands.size(), std::size_t{1});
        const core::SeedBand& b = bands.front();
        QCOMPARE(b.runs, (std::vector<std::size_t>{0, 1}));
        QCOMPARE(b.mean.size(), std::size_t{10});
        for (std::size_t i = 0; i < b.mean.size(); ++i) {
            const double base = 2.0 + 10.0 / std::sqrt(b.mean.x[i] / 1e6);
            QVERIFY(std::abs(b.mean.y[i] - 1.05 * base) < 1e-12);
            QVERIFY(std::abs(b.lower[i] - base) < 1e-12);
            QVERIFY(std::abs(b.upper[i] - 1.1 * base) < 1e-12);
        }
        // Against N, curves are vertical lines: no bands.
        QVERIFY(core::seedBands(s, {0, 1}, "seed", core::XQuantity::N, 0.0).empty());
        // Without a seed column nothing is grouped.
        QVERIFY(core::seedBands(s, {0, 1}, "", core::XQuantity::D, 0.0).empty());
    }

    void onlyTheCommonRangeIsAveraged()
    {
        core::Sweep s;
        s.runs.push_back(curveRun("a-s0", 1e8, 0, 1.0, 10, 1e6)); // D = 1e6 .. 1e7
        s.runs.push_back(curveRun("a-s1", 1e8, 1, 1.0, 5, 1e6));  // D = 1e6 .. 5e6
        const auto bands = core::seedBands(s, {0, 1}, "seed", core::XQuantity::C, 0.0);
        QCOMPARE(bands.size(), std::size_t{1});
        QCOMPARE(bands.front().mean.size(), std::size_t{5});
        QCOMPARE(bands.front().mean.x.back(), 6 * 1e8 * 5e6);
    }
};

QTEST_APPLESS_MAIN(TestSeedBands)
#include "tst_SeedBands.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// Bootstrap intervals of an allocation (issue 4, item 2): draws equal to the point estimate give
// a zero-width interval at it; hand-made draws give the hand-computed percentiles; failing draws
// are counted and reported; bad input is an error.
#include "core/alloc/AllocationIntervals.h"
#include "core/alloc/ComputeOptimal.h"
#include "core/fit/Laws.h"

#include <QtTest>

#include <cmath>
#include <string>
#include <vector>

namespace {

const std::vector<double> kEpoch{1.8172, 482.01, 2085.43, 0.3478, 0.3658}; // E, A, B, alpha, beta

const core::Law& chinchilla()
{
    return *core::lawById("chinchilla");
}

/// A bootstrap draw as BootstrapResult::draws holds it: parameters, then a, b, G.
std::vector<double> drawOf(std::vector<double> params)
{
    params.insert(params.end(), {0.5, 0.5, 0.1}); // derived quantities, ignored
    return params;
}

core::AllocateFunction atBudget(double C)
{
    return [C](std::span<const double> p) { return core::computeOptimal(chinchilla(), p, C); };
}

} // namespace

class TestAllocationIntervals : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void equalDrawsCollapseToThePoint()
    {
        const auto point = core::computeOptimal(chinchilla(), kEpoch, 5.76e23);
        QVERIFY(point.has_value());
        const std::vector<std::vector<double>> draws(50, drawOf(kEpoch));
        const auto ci = core::allocationIntervals(chinchilla(), draws, atBudget(5.76e23));
        QVERIFY(ci.has_value());
        QCOMPARE(ci->draws, std::size_t(50));
        QCOMPARE(ci->failed, std::size_t(0));
        QVERIFY(ci->warnings.empty());
        for (const auto& [interval, value] :
             {std::pair{ci->N, point->N}, {ci->D, point->D}, {ci->tokensPerParam, point->tokensPerParam},
              {ci->loss, point->loss}, {ci->C, point->C}, {ci->totalFlops, point->totalFlops}}) {
            QCOMPARE(interval.lower, value);
            QCOMPARE(interval.upper, value);
        }
    }

    void handMadeDrawsGiveHandPercentiles()
    {
        // Draws differing only in E move the loss by the difference in E and leave N and D alone.
        // With E = 1.80 and 1.85 around the point's 1.8172 (loss L0), numpy's linear percentiles
        // of the two losses L0 - 0.0172 and L0 + 0.0328 are
        //   2.5%:  (L0 - 0.0172) + 0.025 * 0.05 = L0 - 0.01595
        //   97.5%: (L0 - 0.0172) + 0.975 * 0.05 = L0 + 0.03155
        const auto point = core::computeOptimal(chinchilla(), kEpoch, 1e22);
        QVERIFY(point.has_value());
        std::vector<double> low = kEpoch, high = kEpoch;
        low[0] = 1.80;
        high[0] = 1.85;
        const auto ci = core::allocationIntervals(chinchilla(), {drawOf(high), drawOf(low)}, atBudget(1e22));
        QVERIFY(ci.has_value());
        QVERIFY(std::abs(ci->loss.lower - (point->loss - 0.01595)) < 1e-12);
        QVERIFY(std::abs(ci->loss.upper - (point->loss + 0.03155)) < 1e-12);
        QVERIFY(std::abs(ci->N.lower / point->N - 1.0) < 1e-14);
        QVERIFY(std::abs(ci->N.upper / point->N - 1.0) < 1e-14);

        // Four draws whose "allocation" is the first parameter: sorted 1, 2, 3, 5.
        //   95%: positions 0.025*3 = 0.075 -> 1.075 and 0.975*3 = 2.925 -> 3 + 0.925*2 = 4.85
        //   50%: positions 0.75 -> 1.75 and 2.25 -> 3 + 0.25*2 = 3.5
        const core::AllocateFunction first = [](std::span<const double> p) -> tl::expected<core::Allocation, core::Error> {
            core::Allocation a;
            a.N = p[0];
            return a;
        };
        const std::vector<std::vector<double>> draws{{5, 1, 1, 1, 1}, {1, 1, 1, 1, 1}, {3, 1, 1, 1, 1}, {2, 1, 1, 1, 1}};
        const auto wide = core::allocationIntervals(chinchilla(), draws, first);
        QVERIFY(wide.has_value());
        QCOMPARE(wide->N.lower, 1.075);
        QCOMPARE(wide->N.upper, 4.85);
        for (unsigned threads : {1u, 3u}) {
            const auto half = core::allocationIntervals(chinchilla(), draws, first, 0.5, threads);
            QVERIFY(half.has_value());
            QCOMPARE(half->level, 0.5);
            QCOMPARE(half->N.lower, 1.75);
            QCOMPARE(half->N.upper, 3.5);
        }
    }

    void failedDrawsAreCountedAndReported()
    {
        std::vector<double> broken = kEpoch;
        broken[1] = 0.0; // A = 0: no finite allocation
        const auto ci = core::allocationIntervals(chinchilla(), {drawOf(kEpoch), drawOf(broken), drawOf(kEpoch)},
                                                  atBudget(1e21));
        QVERIFY(ci.has_value());
        QCOMPARE(ci->draws, std::size_t(2));
        QCOMPARE(ci->failed, std::size_t(1));
        QCOMPARE(ci->warnings.size(), std::size_t(1));
        QVERIFY2(ci->warnings.front().find("1 of 3") != std::string::npos, ci->warnings.front().c_str());

        const auto none = core::allocationIntervals(chinchilla(), {drawOf(broken)}, atBudget(1e21));
        QVERIFY(!none.has_value());
        QVERIFY(none.error().message.find("no bootstrap draw") != std::string::npos);
    }

    void badInput()
    {
        QVERIFY(!core::allocationIntervals(chinchilla(), {}, atBudget(1e21)).has_value());
        QVERIFY(!core::allocationIntervals(chinchilla(), {{1.8, 400.0}}, atBudget(1e21)).has_value());
        QVERIFY(!core::allocationIntervals(chinchilla(), {drawOf(kEpoch)}, atBudget(1e21), 1.0).has_value());
    }
};

QTEST_APPLESS_MAIN(TestAllocationIntervals)
#include "tst_AllocationIntervals.moc"

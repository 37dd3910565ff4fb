// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/util/ParallelFor.h"

#include <QTest>

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

/// core::parallelFor's contract: every index runs exactly once; progress is reported at least
/// once, ending at 1; a progress callback returning false always cancels, however fast the work.
class TestParallelFor : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyIndexRunsOnce();
    void progressEndsAtOneEvenForInstantWork();
    void falseFromProgressAlwaysCancels();
    void cancelStopsHandingOutIndices();
};

void TestParallelFor::everyIndexRunsOnce()
{
    for (unsigned threads : {1u, 2u, 7u}) {
        std::vector<int> hits(1000, 0);
        const bool ok = core::parallelFor(
            hits.size(), threads, [&](std::size_t i, const std::function<bool()>&) { ++hits[i]; },
            [](double) { return true; });
        QVERIFY(ok);
        for (std::size_t i = 0; i < hits.size(); ++i)
            QCOMPARE(hits[i], 1);
        QVERIFY(core::parallelFor(hits.size(), threads, [&](std::size_t i, const std::function<bool()>&) { --hits[i]; }));
        QCOMPARE(std::count(hits.begin(), hits.end(), 0), static_cast<long>(hits.size()));
    }
}

void TestParallelFor::progressEndsAtOneEvenForInstantWork()
{
    // The workers can finish before the calling thread first looks (it did under valgrind, where
    // threads run one at a time); the report must still come, and end at 1. Many short runs make
    // that ordering likely at least once.
    for (int run = 0; run < 200; ++run) {
        std::vector<double> reports;
        QVERIFY(core::parallelFor(1 + run % 3, 2, [](std::size_t, const std::function<bool()>&) {},
                                  [&](double f) {
                                      reports.push_back(f);
                                      return true;
                                  }));
        QVERIFY2(!reports.empty(), qPrintable(QString::number(run)));
        QCOMPARE(reports.back(), 1.0);
        for (double f : reports)
            QVERIFY(f >= 0.0 && f <= 1.0);
    }
}

void TestParallelFor::falseFromProgressAlwaysCancels()
{
    for (int run = 0; run < 200; ++run) {
        int calls = 0;
        const bool ok = core::parallelFor(1 + run % 3, 2, [](std::size_t, const std::function<bool()>&) {},
                                          [&](double) {
                                              ++calls;
                                              return false;
                                          });
        QVERIFY2(!ok, qPrintable(QString::number(run)));
        QCOMPARE(calls, 1);
    }
    QVERIFY(!core::parallelFor(0, 2, [](std::size_t, const std::function<bool()>&) {}, [](double) { return false; }));
}

void TestParallelFor::cancelStopsHandingOutIndices()
{
    // Each body waits until it is told to stop, so at most one index per thread ever starts.
    std::atomic<int> started{0};
    const bool ok = core::parallelFor(
        100, 2,
        [&](std::size_t, const std::function<bool()>& stopped) {
            ++started;
            while (!stopped())
                std::this_thread::yield();
        },
        [&](double) { return started.load() < 2; });
    QVERIFY(!ok);
    QCOMPARE(started.load(), 2);
}

QTEST_APPLESS_MAIN(TestParallelFor)
#include "tst_ParallelFor.moc"

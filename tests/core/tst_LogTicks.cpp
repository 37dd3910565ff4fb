// SPDX-License-Identifier: GPL-3.0-or-later
// Tick placement and labels for log axes, against hand-computed expectations.
#include "core/plot/LogTicks.h"

#include <QtTest>

#include <vector>

using core::TickStyle;

class TestLogTicks : public QObject {
    Q_OBJECT

    static void compareList(const std::vector<double>& got, const std::vector<double>& want)
    {
        QCOMPARE(got.size(), want.size());
        for (std::size_t i = 0; i < want.size(); ++i)
            QVERIFY2(qAbs(got[i] - want[i]) <= 1e-12 * want[i],
                     qPrintable(QStringLiteral("tick %1: %2 != %3").arg(i).arg(got[i]).arg(want[i])));
    }

private Q_SLOTS:
    void manyDecadesGetPowersOfTen()
    {
        const auto t = core::logTicks(5e7, 2e10, 8);
        compareList(t.major, {1e8, 1e9, 1e10});
        // Minors: 5e7..9e7, 2e8..9e8, 2e9..9e9, 2e10 (both ends of the range are inside).
        QCOMPARE(t.minor.size(), std::size_t(5 + 8 + 8 + 1));
        QCOMPARE(t.minor.front(), 5e7);
        QCOMPARE(t.minor.back(), 2e10);
    }

    void tooManyDecadesAreThinned()
    {
        const auto t = core::logTicks(1e0, 1e24, 8);
        // 25 decades, at most 8 labels: every 4th power, aligned on multiples of 4.
        compareList(t.major, {1e0, 1e4, 1e8, 1e12, 1e16, 1e20, 1e24});
        QVERIFY(t.major.size() <= 8);
    }

    void narrowLossAxisUsesPlainDecimals()
    {
        const auto t = core::logTicks(2.1, 3.4, 8);
        compareList(t.major, {2.2, 2.4, 2.6, 2.8, 3.0, 3.2, 3.4});
        compareList({t.minor[0], t.minor[1], t.minor[2]}, {2.1, 2.15, 2.25});
    }

    void factorThreeToTenSpreadsTicksInLog()
    {
        // A training curve's loss axis (PolyPythia: 2.36 to 11.07): linear steps would label only
        // 4, 6, 8, 10 and leave the bottom half bare.
        auto t = core::logTicks(2.3, 11.5, 8);
        compareList(t.major, {2.5, 3, 4, 5, 6, 8, 10});
        compareList(t.minor, {7, 9});
        // Fewer ticks allowed: a sparser set, still spread in log.
        t = core::logTicks(2.3, 11.5, 4);
        compareList(t.major, {3, 5, 10});
    }

    void aboutOneDecadeUsesOneTwoFive()
    {
        const auto t = core::logTicks(1.5, 40.0, 8);
        compareList(t.major, {2, 5, 10, 20});
        compareList(t.minor, {3, 4, 6, 7, 8, 9, 30, 40});
    }

    void oneThreeBetweenOneTwoFiveAndDecades()
    {
        // 1.5e8..1.2e10 (the bundled sample's N axis): 1-2-5 needs 6 labels; with 5 allowed, 1-3
        // (even in log: 0.48 and 0.52 of a decade) comes before bare decades.
        compareList(core::logTicks(1.5e8, 1.2e10, 6).major, {2e8, 5e8, 1e9, 2e9, 5e9, 1e10});
        compareList(core::logTicks(1.5e8, 1.2e10, 5).major, {3e8, 1e9, 3e9, 1e10});
        compareList(core::logTicks(1.5e8, 1.2e10, 3).major, {1e9, 1e10});
    }

    void fittedTicksLabelWhatFits()
    {
        // Labels 6 px per character, 4 px padding. Worked by hand from the rule in LogTicks.h:
        // share = length / (labels + 1) - 8, and neighbours' facing halves plus 8 px must fit
        // between their log positions.
        core::TickLabelRoom room;
        room.paddingPx = 4;
        room.extentPx = [](const std::string& text) { return 6.0 * static_cast<double>(text.size()); };
        // 1000 px: the 6 labels of 1-2-5 have 134.9 px each ("200M" is 24 px).
        room.lengthPx = 1000;
        compareList(core::fittedLogTicks(1.5e8, 1.2e10, TickStyle::Count, room).major,
                    {2e8, 5e8, 1e9, 2e9, 5e9, 1e10});
        // 200 px: 6 labels get 20.6 px each, too few for "200M"; 1-3 gives 4 labels of 32 px, and
        // 300M-1B are 55 px apart (>= 12 + 6 + 8).
        room.lengthPx = 200;
        compareList(core::fittedLogTicks(1.5e8, 1.2e10, TickStyle::Count, room).major, {3e8, 1e9, 3e9, 1e10});
        // 100 px: 4 labels get 12 px; decades get 25.3 px for "1B" and "10B".
        room.lengthPx = 100;
        compareList(core::fittedLogTicks(1.5e8, 1.2e10, TickStyle::Count, room).major, {1e9, 1e10});
    }

    void fittedTicksOnAVerticalLossAxis()
    {
        // Lines 16 px high. 400 px: all 7 plain decimals fit (42 px each; the closest pair, 3.2
        // and 3.4, is 50 px apart). 120 px: 7 labels get 7 px, steps of 0.25 give 5 labels of
        // 12 px; steps of 0.5 give 2.5 and 3 (32 px each, 45 px apart).
        core::TickLabelRoom room;
        room.extentPx = [](const std::string&) { return 16.0; };
        room.lengthPx = 400;
        compareList(core::fittedLogTicks(2.1, 3.4, TickStyle::Plain, room).major, {2.2, 2.4, 2.6, 2.8, 3.0, 3.2, 3.4});
        room.lengthPx = 120;
        compareList(core::fittedLogTicks(2.1, 3.4, TickStyle::Plain, room).major, {2.5, 3.0});
        // Without a length or a measure, the same ticks as logTicks.
        room.lengthPx = 0;
        compareList(core::fittedLogTicks(2.1, 3.4, TickStyle::Plain, room).major, core::logTicks(2.1, 3.4).major);
        QVERIFY(core::fittedLogTicks(3.0, 2.0, TickStyle::Plain, room).major.empty());
    }

    void invalidRangeGivesNothing()
    {
        QVERIFY(core::logTicks(0.0, 1.0).major.empty());
        QVERIFY(core::logTicks(-1.0, 1.0).major.empty());
        QVERIFY(core::logTicks(3.0, 2.0).major.empty());
    }

    void labels_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<int>("style");
        QTest::addColumn<QString>("text");
        const int count = int(TickStyle::Count), sci = int(TickStyle::Scientific), plain = int(TickStyle::Plain);
        QTest::newRow("1B") << 1e9 << count << QStringLiteral("1B");
        QTest::newRow("350M") << 3.5e8 << count << QStringLiteral("350M");
        QTest::newRow("1.5T") << 1.5e12 << count << QStringLiteral("1.5T");
        QTest::newRow("10K") << 1e4 << count << QStringLiteral("10K");
        QTest::newRow("500") << 500.0 << count << QStringLiteral("500");
        QTest::newRow("1e21") << 1e21 << sci << QStringLiteral("1e21");
        QTest::newRow("2.5e20") << 2.5e20 << sci << QStringLiteral("2.5e20");
        QTest::newRow("2.4") << 2.4000000000000004 << plain << QStringLiteral("2.4");
        QTest::newRow("3") << 3.0 << plain << QStringLiteral("3");
        QTest::newRow("tiny") << 1e-5 << plain << QStringLiteral("1e-5");
    }

    void labels()
    {
        QFETCH(double, value);
        QFETCH(int, style);
        QFETCH(QString, text);
        QCOMPARE(QString::fromStdString(core::formatTick(value, TickStyle(style))), text);
    }
};

QTEST_APPLESS_MAIN(TestLogTicks)
#include "tst_LogTicks.moc"

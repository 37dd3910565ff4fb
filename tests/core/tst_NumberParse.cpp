// SPDX-License-Identifier: GPL-3.0-or-later
// core::parseNumber: plain and scientific numbers, size suffixes, spaces, nan/inf, rejects.
#include "core/io/NumberParser.h"

#include <QtTest>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>

class TestNumberParse : public QObject {
    Q_OBJECT

    static double parsed(const char* text)
    {
        double v = -12345;
        if (!core::parseNumber(text, v))
            QTest::qFail(qPrintable(QStringLiteral("'%1' did not parse").arg(QLatin1String(text))),
                         __FILE__, __LINE__);
        return v;
    }

private Q_SLOTS:
    void plainAndScientific()
    {
        QCOMPARE(parsed("0"), 0.0);
        QCOMPARE(parsed("42"), 42.0);
        QCOMPARE(parsed("-5"), -5.0);
        QCOMPARE(parsed("+5"), 5.0);
        QCOMPARE(parsed("3.25"), 3.25);
        QCOMPARE(parsed("2e9"), 2e9);
        QCOMPARE(parsed("1e+20"), 1e20);
        QCOMPARE(parsed("1e-3"), 0.001);
        QCOMPARE(parsed(".5"), 0.5);
        // Long integers and full-precision decimals are correctly rounded.
        QCOMPARE(parsed("75650815224446976"), 75650815224446976.0);
        QCOMPARE(parsed("123456789012345"), 123456789012345.0);
        QCOMPARE(parsed("6795600349.289497"), 6795600349.289497);
        QCOMPARE(parsed("9.993852799709755e+18"), 9.993852799709755e+18);
    }

    void suffixesAreExactDecimals()
    {
        QCOMPARE(parsed("350M"), 350e6);
        QCOMPARE(parsed("7B"), 7e9);
        QCOMPARE(parsed("1.5T"), 1.5e12);
        QCOMPARE(parsed("2.8B"), 2.8e9);
        QCOMPARE(parsed("10k"), 1e4);
        QCOMPARE(parsed("125K"), 125e3);
        QCOMPARE(parsed("1G"), 1e9);
        QCOMPARE(parsed("0.1B"), 0.1e9);
        QCOMPARE(parsed("-3M"), -3e6);
    }

    void surroundingSpacesAreIgnored()
    {
        QCOMPARE(parsed("  7B "), 7e9);
        QCOMPARE(parsed("\t2.5\r"), 2.5);
    }

    void nanAndInfinity()
    {
        QVERIFY(std::isnan(parsed("nan")));
        QVERIFY(std::isnan(parsed("NaN")));
        QCOMPARE(parsed("inf"), std::numeric_limits<double>::infinity());
        QCOMPARE(parsed("-Infinity"), -std::numeric_limits<double>::infinity());
    }

    void rejectsText()
    {
        double v = 0;
        for (const char* bad : {"", "   ", "abc", "1,000", "5 M", "3m", "2.8BB", "B", "1e", "+",
                                "+-1", "1.0.0", "nanM", "True", "0x10", "12 34"})
            QVERIFY2(!core::parseNumber(bad, v), bad);
        QVERIFY(!core::parseNumber(std::string_view("12\0", 3), v));
    }

    void agreesWithStrtodOnRandomDecimals()
    {
        // Every digit count and point position the fast paths and fast_float handle, compared
        // bit for bit with the C library's correctly rounded strtod (C locale).
        std::mt19937_64 rng(20261128);
        for (int i = 0; i < 200000; ++i) {
            const int digits = 1 + int(rng() % 19);
            std::string text;
            for (int d = 0; d < digits; ++d)
                text += char('0' + rng() % 10);
            const int point = int(rng() % (digits + 2)) - 1; // -1: no point
            if (point >= 0)
                text.insert(std::size_t(point), 1, '.');
            if (text == ".")
                continue;
            double got = 0;
            QVERIFY2(core::parseNumber(text, got), text.c_str());
            const double want = std::strtod(text.c_str(), nullptr);
            QVERIFY2(std::memcmp(&got, &want, sizeof got) == 0, text.c_str());
        }
    }

    void optionalForm()
    {
        QCOMPARE(core::parseNumber(std::string_view("7B")).value_or(0), 7e9);
        QVERIFY(!core::parseNumber(std::string_view("x")).has_value());
    }
};

QTEST_APPLESS_MAIN(TestNumberParse)
#include "tst_NumberParse.moc"

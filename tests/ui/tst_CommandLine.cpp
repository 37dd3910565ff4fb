// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/CommandLine.h"

#include <QTest>

class TestCommandLine : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parsesOptions();
    void noArgumentsMeansSample();
    void severalFilesOpenOneEach();
    void rejectsBadInput_data();
    void rejectsBadInput();
};

void TestCommandLine::parsesOptions()
{
    QString error;
    const auto o = ui::CommandLine::parse(
        {QStringLiteral("scalelab"), QStringLiteral("--where"), QStringLiteral("dataset=dclm"),
         QStringLiteral("--where"), QStringLiteral("lr=1e-3"), QStringLiteral("--run-key"),
         QStringLiteral("model+ lr"), QStringLiteral("--screenshot"), QStringLiteral("/tmp/s.png"),
         QStringLiteral("runs.csv")},
        &error);
    QVERIFY2(o.has_value(), qPrintable(error));
    QCOMPARE(o->path, QStringLiteral("runs.csv"));
    QCOMPARE(o->screenshot, QStringLiteral("/tmp/s.png"));
    QCOMPARE(o->options.filters.size(), std::size_t(2));
    QCOMPARE(o->options.filters[0].column, std::string("dataset"));
    QCOMPARE(o->options.filters[0].value, std::string("dclm"));
    QCOMPARE(o->options.filters[1].value, std::string("1e-3"));
    QCOMPARE(o->options.runKey, (std::vector<std::string>{"model", "lr"}));
}

void TestCommandLine::severalFilesOpenOneEach()
{
    QString error;
    const auto o = ui::CommandLine::parse({QStringLiteral("scalelab"), QStringLiteral("a.csv"), QStringLiteral("runs/"),
                                           QStringLiteral("p.scalelab")},
                                          &error);
    QVERIFY2(o.has_value(), qPrintable(error));
    QCOMPARE(o->path, QStringLiteral("a.csv"));
    QCOMPARE(o->morePaths, (QStringList{QStringLiteral("runs/"), QStringLiteral("p.scalelab")}));
}

void TestCommandLine::noArgumentsMeansSample()
{
    QString error;
    const auto o = ui::CommandLine::parse({QStringLiteral("scalelab")}, &error);
    QVERIFY(o.has_value());
    QVERIFY(o->path.isEmpty());
    QVERIFY(o->screenshot.isEmpty());
    QVERIFY(o->options.filters.empty());
}

void TestCommandLine::rejectsBadInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("where without =") << QStringList{QStringLiteral("--where"), QStringLiteral("dataset")}
                                     << QStringLiteral("--where expects COLUMN=VALUE, got \"dataset\".");
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--frobnicate")}
                                    << QStringLiteral("Unknown option 'frobnicate'.");
}

void TestCommandLine::rejectsBadInput()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    args.prepend(QStringLiteral("scalelab"));
    QString error;
    QVERIFY(!ui::CommandLine::parse(args, &error).has_value());
    QCOMPARE(error, message);
}

QTEST_MAIN(TestCommandLine)
#include "tst_CommandLine.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// Two-column tables for formula fits (core::readXyTable): delimiters, column choice, and errors
// that name file, line and column.
#include "core/io/XyTableReader.h"

#include <QtTest>

#include <fstream>

class TestXyTableReader : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    std::string write(const char* name, const std::string& text)
    {
        const std::string path = m_dir.filePath(QString::fromLatin1(name)).toStdString();
        std::ofstream(path, std::ios::binary) << text;
        return path;
    }

private Q_SLOTS:
    void readsDelimitersAndColumns()
    {
        auto d = core::readXyTable(write("a.csv", "# comment\ny,x\n10.07,77.6\n-1.5e-3,-2\n"));
        QVERIFY(d.has_value());
        QCOMPARE(d->size(), std::size_t{2});
        QCOMPARE(d->x[0], 77.6);
        QCOMPARE(d->y[1], -1.5e-3);
        QCOMPARE(d->x[1], -2.0);
        d = core::readXyTable(write("b.txt", "time   signal other\n1  2 3\n4 5 6\r\n"), "time", "other");
        QVERIFY(d.has_value());
        QCOMPARE(d->x[1], 4.0);
        QCOMPARE(d->y[1], 6.0);
        d = core::readXyTable(write("c.tsv", "u\tv\n1\t2\n")); // two columns, neither x nor y
        QVERIFY(d.has_value());
        QCOMPARE(d->y[0], 2.0);
    }

    void errorsNameLineAndColumn()
    {
        auto d = core::readXyTable(write("e1.csv", "x,y\n1,2\n3,abc\n"));
        QVERIFY(!d);
        QCOMPARE(d.error().line, std::size_t{3});
        QCOMPARE(d.error().column, std::size_t{3});
        d = core::readXyTable(write("e2.csv", "x,y\n1,nan\n"));
        QVERIFY(!d);
        QCOMPARE(d.error().line, std::size_t{2});
        d = core::readXyTable(write("e3.csv", "x,y\n1\n"));
        QVERIFY(!d);
        QVERIFY(d.error().message.find("y column is missing") != std::string::npos);
        d = core::readXyTable(write("e4.csv", "a,b,c\n1,2,3\n"));
        QVERIFY(!d);
        QVERIFY(d.error().message.find("no column called 'x'") != std::string::npos);
        d = core::readXyTable(write("e5.csv", std::string("x,y\n1,\0\0\n", 9)));
        QVERIFY(!d);
        QVERIFY(d.error().message.find("binary") != std::string::npos);
        d = core::readXyTable(write("e6.csv", "x,y\n"));
        QVERIFY(!d);
        QVERIFY(d.error().message.find("no data rows") != std::string::npos);
        d = core::readXyTable(m_dir.filePath(QStringLiteral("missing.csv")).toStdString());
        QVERIFY(!d);
        QVERIFY(d.error().toString().find("missing.csv") != std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestXyTableReader)
#include "tst_XyTableReader.moc"

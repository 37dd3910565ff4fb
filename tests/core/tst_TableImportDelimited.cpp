// SPDX-License-Identifier: GPL-3.0-or-later
// CSV/TSV import features against the numbers written in the fixtures under tests/data/io/.
#include "core/io/ImportOptions.h"
#include "core/io/Importers.h"

#include <QtTest>

#include <cmath>
#include <string>
#include <variant>

namespace {

std::string fixture(const char* name)
{
    return std::string(SCALELAB_TEST_DATA_DIR) + "/io/" + name;
}

double number(const core::Run& run, const std::string& attribute)
{
    const auto it = run.attributes.find(attribute);
    if (it == run.attributes.end() || !std::holds_alternative<double>(it->second))
        return std::nan("");
    return std::get<double>(it->second);
}

std::string text(const core::Run& run, const std::string& attribute)
{
    const auto it = run.attributes.find(attribute);
    if (it == run.attributes.end() || !std::holds_alternative<std::string>(it->second))
        return "<absent>";
    return std::get<std::string>(it->second);
}

} // namespace

#define LOAD(var, name, options)                                                                  \
    const auto var##Result = core::importFile(fixture(name), options);                          \
    QVERIFY2(var##Result.has_value(),                                                             \
             var##Result ? "" : var##Result.error().toString().c_str());                          \
    const core::Sweep& var = *var##Result

class TestTableImportDelimited : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void delimiters_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("format");
        QTest::newRow("comma") << QStringLiteral("comma.csv") << QStringLiteral("csv");
        QTest::newRow("tab") << QStringLiteral("tab.tsv") << QStringLiteral("tsv");
        QTest::newRow("semicolon") << QStringLiteral("semicolon.csv") << QStringLiteral("csv");
    }
    void delimiters()
    {
        QFETCH(QString, file);
        QFETCH(QString, format);
        LOAD(s, file.toStdString().c_str(), core::ImportOptions{});
        QCOMPARE(QString::fromStdString(s.format), format);
        QCOMPARE(s.layout, std::string("curves"));
        QCOMPARE(s.runs.size(), std::size_t(2));
        QCOMPARE(s.runKeyColumns, std::vector<std::string>{"run"});
        QCOMPARE(s.roleColumns.at(core::Role::N), std::string("N"));
        QCOMPARE(s.roleColumns.at(core::Role::D), std::string("D"));
        QCOMPARE(s.roleColumns.at(core::Role::Loss), std::string("loss"));
        QCOMPARE(s.roleColumns.count(core::Role::C), std::size_t(0));
        QCOMPARE(s.conventions.derived.at("C"), std::string("6ND"));
        const core::Run& a = s.runs[0];
        QCOMPARE(a.id, std::string("a"));
        const core::Curve& c = a.curves.at(0);
        QCOMPARE(c.metric, std::string("loss"));
        QCOMPARE(c.value, (std::vector<double>{3.5, 3.25}));
        QCOMPARE(c.tokens, (std::vector<double>{2e7, 4e7}));
        QCOMPARE(c.flops, (std::vector<double>{6 * 1e6 * 2e7, 6 * 1e6 * 4e7}));
        QVERIFY(std::isnan(c.step[0]) && std::isnan(c.step[1]));
        QCOMPARE(a.N, 1e6);
        QCOMPARE(a.D, 4e7);
        QCOMPARE(a.C, 6 * 1e6 * 4e7);
        QCOMPARE(number(a, "lr"), 0.001);
        QCOMPARE(s.runs[1].id, std::string("b"));
        QCOMPARE(s.runs[1].N, 2e6);
        QCOMPARE(number(s.runs[1], "lr"), 0.002);
        QVERIFY(s.leftOut.empty());
    }

    void explicitDelimiter()
    {
        core::ImportOptions o;
        o.delimiter = ';';
        LOAD(s, "semicolon.csv", o);
        QCOMPARE(s.runs.size(), std::size_t(2));
        QCOMPARE(s.runs[1].finalValue(), 3.0);
    }

    void quotedFields()
    {
        LOAD(s, "quoted.csv", core::ImportOptions{});
        QCOMPARE(s.runs.size(), std::size_t(3));
        QCOMPARE(s.roleColumns.at(core::Role::Run), std::string("name"));
        QCOMPARE(s.runs[0].id, std::string("run, one"));
        QCOMPARE(text(s.runs[0], "note"), std::string("he said \"hi\""));
        QCOMPARE(s.runs[1].id, std::string("multi\nline"));
        QCOMPARE(s.runs[1].N, 200.0);
        QCOMPARE(text(s.runs[1], "note"), std::string("plain"));
        QCOMPARE(s.runs[2].id, std::string("x"));
        QCOMPARE(text(s.runs[2], "note"), std::string("a;b"));
        // The row after the two-line record starts on line 5; its loss 0 is left out.
        QCOMPARE(s.leftOut.size(), std::size_t(1));
        QCOMPARE(s.leftOut[0].line, std::size_t(5));
        QCOMPARE(s.leftOut[0].run, std::size_t(2));
        QCOMPARE(s.leftOut[0].reason, std::string("loss <= 0 (0)"));
    }

    void crlfLineEnds()
    {
        LOAD(s, "crlf.csv", core::ImportOptions{});
        QCOMPARE(s.runs.size(), std::size_t(2));
        QCOMPARE(text(s.runs[0], "tag"), std::string("alpha"));
        QCOMPARE(text(s.runs[1], "tag"), std::string("beta"));
        QCOMPARE(s.runs[1].finalValue(), 2.25);
    }

    void byteOrderMark()
    {
        LOAD(s, "bom.csv", core::ImportOptions{});
        QCOMPARE(s.roleColumns.at(core::Role::Run), std::string("run"));
        QCOMPARE(s.runs.size(), std::size_t(2));
        QCOMPARE(s.runs[0].id, std::string("a"));
        QCOMPARE(s.runs[0].N, 100.0);
    }

    void noTrailingNewline()
    {
        LOAD(s, "no_trailing_newline.csv", core::ImportOptions{});
        QCOMPARE(s.runs.size(), std::size_t(3));
        QCOMPARE(s.runs[2].id, std::string("c"));
        QCOMPARE(s.runs[2].N, 300.0);
        QCOMPARE(s.runs[2].finalValue(), 2.125);
    }

    void longFormat()
    {
        LOAD(s, "long.csv", core::ImportOptions{});
        QCOMPARE(s.layout, std::string("curves"));
        QCOMPARE(s.runs.size(), std::size_t(2));
        QCOMPARE(s.pointCount(), std::size_t(6));
        const core::Run& r1 = s.runs[0];
        QCOMPARE(r1.curves.at(0).step, (std::vector<double>{100, 200, 300}));
        QCOMPARE(r1.curves.at(0).tokens, (std::vector<double>{409600, 819200, 1228800}));
        QCOMPARE(r1.curves.at(0).value, (std::vector<double>{4.5, 4.0, 3.75}));
        QCOMPARE(r1.N, 1e6);
        QCOMPARE(r1.D, 1228800.0);
        QCOMPARE(r1.C, 6 * 1e6 * 1228800.0);
        QCOMPARE(number(r1, "seed"), 1.0);
        // r2's seed varies between its rows (7, 8, 7): not a run attribute.
        QCOMPARE(s.runs[1].attributes.count("seed"), std::size_t(0));
        QCOMPARE(s.runs[1].C, 6 * 4e6 * 1228800.0);
    }

    void finalLossTable()
    {
        LOAD(s, "final_loss.csv", core::ImportOptions{});
        QCOMPARE(s.layout, std::string("final-loss"));
        QVERIFY(s.runKeyColumns.empty());
        QCOMPARE(s.runs.size(), std::size_t(3));
        QCOMPARE(s.runs[0].id, std::string("row 2"));
        QCOMPARE(s.runs[2].id, std::string("row 4"));
        QCOMPARE(s.runs[1].N, 2e8);
        QCOMPARE(s.runs[1].D, 4e9);
        QCOMPARE(s.runs[1].C, 6 * 2e8 * 4e9);
        QCOMPARE(s.runs[1].finalValue(), 3.0);
        QCOMPARE(text(s.runs[2], "family"), std::string("llama"));
    }

    void compositeRunKey()
    {
        core::ImportOptions o;
        o.runKey = {"model", "total_steps", "peak_lr"};
        LOAD(s, "composite_key.csv", o);
        QCOMPARE(s.runKeyColumns, o.runKey);
        QCOMPARE(s.runs.size(), std::size_t(3));
        QCOMPARE(s.runs[0].id, std::string("m1 | 1000 | 0.001"));
        QCOMPARE(s.runs[1].id, std::string("m1 | 1000 | 0.002"));
        QCOMPARE(s.runs[2].id, std::string("m1 | 2000 | 0.001"));
        QCOMPARE(s.runs[0].curves.at(0).step, (std::vector<double>{500, 1000}));
        QCOMPARE(s.runs[1].curves.at(0).value, (std::vector<double>{3.625, 3.375}));
        QCOMPARE(s.runs[2].pointCount(), std::size_t(1));
        QCOMPARE(number(s.runs[1], "peak_lr"), 0.002);
        QCOMPARE(text(s.runs[1], "model"), std::string("m1"));
        QVERIFY(s.conventions.derived.empty()); // N only: nothing to derive
        QCOMPARE(s.layout, std::string("curves"));
    }

    void filters_data()
    {
        QTest::addColumn<QStringList>("where"); // "col=value" or "col!=value"
        QTest::addColumn<QList<double>>("ns");
        QTest::newRow("equals") << QStringList{QStringLiteral("experiment=alpha")}
                                << QList<double>{1e6, 3e6, 4e6};
        QTest::newRow("not equals") << QStringList{QStringLiteral("experiment!=alpha")}
                                    << QList<double>{2e6};
        QTest::newRow("numeric") << QStringList{QStringLiteral("lr=0.001")}
                                 << QList<double>{1e6, 2e6, 4e6};
        QTest::newRow("both") << QStringList{QStringLiteral("experiment=alpha"),
                                             QStringLiteral("lr=1e-3")}
                              << QList<double>{1e6, 4e6};
    }
    void filters()
    {
        QFETCH(QStringList, where);
        QFETCH(QList<double>, ns);
        core::ImportOptions o;
        for (const QString& w : where) {
            const bool neq = w.contains(QStringLiteral("!="));
            const QStringList parts = w.split(neq ? QStringLiteral("!=") : QStringLiteral("="));
            o.filters.push_back({parts[0].toStdString(), parts[1].toStdString(), !neq});
        }
        LOAD(s, "filters.csv", o);
        QCOMPARE(s.runs.size(), std::size_t(ns.size()));
        for (qsizetype i = 0; i < ns.size(); ++i)
            QCOMPARE(s.runs[std::size_t(i)].N, ns[i]);
    }

    void explicitColumns()
    {
        core::ImportOptions o;
        o.columns = {{core::Role::N, "size"}, {core::Role::D, "seen"}, {core::Role::Loss, "metric"}};
        LOAD(s, "explicit_columns.csv", o);
        QCOMPARE(s.roleColumns, o.columns);
        QCOMPARE(s.runs.size(), std::size_t(2));
        QCOMPARE(s.runs[1].curves.at(0).metric, std::string("metric"));
        QCOMPARE(s.runs[1].finalValue(), 2.25);
        QCOMPARE(s.runs[1].C, 6 * 2000.0 * 40000.0);
        QCOMPARE(number(s.runs[1], "other_loss"), 9.0);
    }

    void derivedD()
    {
        LOAD(s, "derived_d.csv", core::ImportOptions{});
        QCOMPARE(s.conventions.derived.at("D"), std::string("C/(6N)"));
        QCOMPARE(s.conventions.derived.count("C"), std::size_t(0));
        QCOMPARE(s.runs[0].D, 6e15 / (6 * 1e6));
        QCOMPARE(s.runs[1].D, 3e16 / (6 * 2e6));
        QCOMPARE(s.runs[1].C, 3e16);
    }

    void sizeSuffixes()
    {
        LOAD(s, "suffixes.csv", core::ImportOptions{});
        QCOMPARE(s.runs.size(), std::size_t(4));
        QCOMPARE(s.runs[0].N, 350e6);
        QCOMPARE(s.runs[1].N, 7e9);
        QCOMPARE(s.runs[2].N, 1.5e12);
        QCOMPARE(s.runs[3].N, 125e3);
        QCOMPARE(s.runs[0].D, 2e9);
        QCOMPARE(s.runs[1].D, 2.8e9);
        QCOMPARE(s.runs[2].D, 1e4);
        QCOMPARE(s.runs[3].D, 1e9);
    }

    void previewHonoursColumns()
    {
        const core::Importer* csv = core::importerById("csv");
        QVERIFY(csv != nullptr);
        auto p = csv->preview(fixture("comma.csv"), {}, 2);
        QVERIFY2(p.has_value(), p ? "" : p.error().toString().c_str());
        QCOMPARE(p->columns, (std::vector<std::string>{"run", "N", "D", "loss", "lr"}));
        QCOMPARE(p->rows.size(), std::size_t(2));
        QCOMPARE(p->rows[1], (std::vector<std::string>{"a", "1e6", "4e7", "3.25", "0.001"}));
        QCOMPARE(p->detection.roles.at(core::Role::Loss), std::string("loss"));
        QVERIFY(!p->detection.unsure);
        core::ImportOptions o;
        o.columns = {{core::Role::Loss, "lr"}};
        auto q = csv->preview(fixture("comma.csv"), o, 10);
        QVERIFY(q.has_value());
        QCOMPARE(q->rows.size(), std::size_t(3));
        QCOMPARE(q->detection.roles.at(core::Role::Loss), std::string("lr"));
    }
};

QTEST_APPLESS_MAIN(TestTableImportDelimited)
#include "tst_TableImportDelimited.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// JSON Lines import: nested keys, NaN/Infinity, null, blank lines, sparse keys; fixture
// tests/data/io/nested.jsonl.
#include "core/io/ImportOptions.h"
#include "core/io/Importers.h"
#include "core/io/JsonLineFlattener.h"

#include <QtTest>

#include <cmath>
#include <string>
#include <variant>

namespace {

std::string fixture(const char* name)
{
    return std::string(SCALELAB_TEST_DATA_DIR) + "/io/" + name;
}

} // namespace

class TestTableImportJsonLines : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void nestedKeysNanAndInfinity()
    {
        const auto result = core::importFile(fixture("nested.jsonl"));
        QVERIFY2(result.has_value(), result ? "" : result.error().toString().c_str());
        const core::Sweep& s = *result;
        QCOMPARE(s.format, std::string("jsonl"));
        QCOMPARE(s.roleColumns.at(core::Role::Loss), std::string("eval/loss"));
        QCOMPARE(s.roleColumns.at(core::Role::N), std::string("params"));
        QCOMPARE(s.roleColumns.at(core::Role::D), std::string("tokens"));
        QCOMPARE(s.roleColumns.at(core::Role::Step), std::string("step"));
        QCOMPARE(s.conventions.derived.at("C"), std::string("6ND"));
        QCOMPARE(s.runs.size(), std::size_t(2));
        QCOMPARE(s.layout, std::string("curves"));

        const core::Run& a = s.runs[0];
        const core::Curve& c = a.curves.at(0);
        QCOMPARE(c.metric, std::string("eval/loss"));
        QCOMPARE(c.step, (std::vector<double>{1, 2, 3}));
        QCOMPARE(c.tokens, (std::vector<double>{2e6, 4e6, 6e6}));
        QCOMPARE(c.flops, (std::vector<double>{6 * 1e6 * 2e6, 6 * 1e6 * 4e6, 6 * 1e6 * 6e6}));
        QCOMPARE(c.value[0], 3.5);
        QVERIFY(std::isnan(c.value[1]));
        QCOMPARE(c.value[2], 2.75);
        QCOMPARE(a.N, 1e6);
        QCOMPARE(a.D, 6e6);
        QCOMPARE(std::get<std::string>(a.attributes.at("ok")), std::string("true"));
        QCOMPARE(a.attributes.count("note"), std::size_t(0)); // null = missing

        const core::Run& b = s.runs[1];
        QCOMPARE(b.finalValue(), std::numeric_limits<double>::infinity());
        QCOMPARE(std::get<std::string>(b.attributes.at("ok")), std::string("false"));
        QCOMPARE(std::get<double>(b.attributes.at("lr")), 3e-4);

        // Line 2 is blank, so the NaN row is line 3 and the Infinity row line 5.
        QCOMPARE(s.leftOut.size(), std::size_t(2));
        QCOMPARE(s.leftOut[0].line, std::size_t(3));
        QCOMPARE(s.leftOut[0].run, std::size_t(0));
        QCOMPARE(s.leftOut[0].point, std::size_t(1));
        QCOMPARE(s.leftOut[0].reason, std::string("loss is NaN"));
        QCOMPARE(s.leftOut[1].line, std::size_t(5));
        QCOMPARE(s.leftOut[1].run, std::size_t(1));
        QCOMPARE(s.leftOut[1].reason, std::string("loss is inf"));
    }

    void previewListsAllKeys()
    {
        const core::Importer* jsonl = core::importerById("jsonl");
        QVERIFY(jsonl != nullptr);
        auto p = jsonl->preview(fixture("nested.jsonl"), {}, 2);
        QVERIFY2(p.has_value(), p ? "" : p.error().toString().c_str());
        // Keys in order of first appearance, including "lr" that only the last line has.
        QCOMPARE(p->columns, (std::vector<std::string>{"run", "step", "params", "tokens",
                                                       "eval/loss", "ok", "note", "lr"}));
        QCOMPARE(p->rows.size(), std::size_t(2));
        QCOMPARE(p->rows[1][4], std::string("NaN")); // numbers as written
        QCOMPARE(p->rows[1][7], std::string(""));    // absent key
        QCOMPARE(p->detection.roles.at(core::Role::Loss), std::string("eval/loss"));
    }

    void flattenerKeysAndColumns()
    {
        core::JsonLineFlattener f;
        const std::string line =
            "{\"a\": {\"b\": {\"c\": -Infinity}}, \"xs\": [1, \"t\"], \"s\": \"q\\\"u\"}";
        QVERIFY(f.parse(line));
        QCOMPARE(f.fieldCount(), std::size_t(4));
        QCOMPARE(f.fields()[0].key, std::string("a/b/c"));
        QCOMPARE(f.value(f.fields()[0]), std::string_view("-Infinity"));
        QCOMPARE(f.fields()[0].column, line.find("-Inf") + 1);
        QCOMPARE(f.fields()[1].key, std::string("xs/0"));
        QCOMPARE(f.fields()[2].key, std::string("xs/1"));
        QCOMPARE(f.value(f.fields()[2]), std::string_view("t"));
        QCOMPARE(f.fields()[3].key, std::string("s"));
        QCOMPARE(f.value(f.fields()[3]), std::string_view("q\"u"));
        QVERIFY(!f.parse("{\"a\": 1"));
        QCOMPARE(f.errorColumn(), std::size_t(8)); // end of input
        // Deep nesting is an error at the first bracket too deep, not a stack overflow.
        const std::string deep = "{\"a\": " + std::string(100000, '[') + std::string(100000, ']') + "}";
        QVERIFY(!f.parse(deep));
        QCOMPARE(f.errorColumn(), std::size_t(6) + core::JsonLineFlattener::kMaxDepth); // '{' is level 1
        QVERIFY(f.errorMessage().find("levels deep") != std::string::npos);
        QVERIFY(f.parse("{\"a\": " + std::string(200, '[') + std::string(200, ']') + "}"));
    }
};

QTEST_APPLESS_MAIN(TestTableImportJsonLines)
#include "tst_TableImportJsonLines.moc"

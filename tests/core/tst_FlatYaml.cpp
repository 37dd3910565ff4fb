// SPDX-License-Identifier: GPL-3.0-or-later
// FlatYaml, the reader of MLflow's meta.yaml files (issue 6, item 2): plain, single- and
// double-quoted values, escapes, values folded over lines, empty collections and nulls, nested
// blocks skipped, and errors with the line and column.
#include "core/io/logs/FlatYaml.h"

#include <QtTest>

#include <string>

namespace {

/// The error's text when `result` holds one, else "" (QVERIFY2 evaluates its message always).
template <typename T>
std::string why(const T& result)
{
    return result.has_value() ? std::string() : result.error().toString();
}

} // namespace

class TestFlatYaml : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void quotingAndFolding()
    {
        const std::string text = "a: plain value # comment\n"
                                 "b: 'it''s: quoted'\n"
                                 "c: \"tab\\there \\u00e9 \\\"q\\\"\"\n"
                                 "d: a long plain value\n  continued here\n"
                                 "e: 'folded\n  over two'\n"
                                 "f: []\n"
                                 "g: null\n"
                                 "h:\n- nested item\n  key: nested\n"
                                 "i: \"joined\\\n  up\"\n"
                                 "j: ''\n";
        const auto y = core::FlatYaml::parse(text, "meta.yaml");
        QVERIFY2(y.has_value(), why(y).c_str());
        QCOMPARE(y->value("a"), std::string("plain value"));
        QCOMPARE(y->value("b"), std::string("it's: quoted"));
        QCOMPARE(y->value("c"), std::string("tab\there \xC3\xA9 \"q\""));
        QCOMPARE(y->value("d"), std::string("a long plain value continued here"));
        QCOMPARE(y->value("e"), std::string("folded over two"));
        QCOMPARE(y->value("f"), std::string());
        QCOMPARE(y->value("g"), std::string());
        QCOMPARE(y->value("h"), std::string());
        QCOMPARE(y->value("i"), std::string("joinedup"));
        QVERIFY(y->has("j"));
        QVERIFY(!y->has("key"));
        QCOMPARE(y->entries().size(), std::size_t{10});
        const auto bad = core::FlatYaml::parse("a: \"x\\q\"\n", "m.yaml");
        QVERIFY(!bad.has_value());
        QCOMPARE(bad.error().column, std::size_t{6});
    }

    void errorsNameLineAndColumn()
    {
        const auto noKey = core::FlatYaml::parse("a: 1\nno key here\n", "m.yaml");
        QVERIFY(!noKey.has_value());
        QCOMPARE(noKey.error().file, std::string("m.yaml"));
        QCOMPARE(noKey.error().line, std::size_t{2});
        QCOMPARE(noKey.error().column, std::size_t{1});
        const auto open = core::FlatYaml::parse("a: 1\nb: \"never closed\n", "m.yaml");
        QVERIFY(!open.has_value());
        QCOMPARE(open.error().line, std::size_t{2});
        QCOMPARE(open.error().column, std::size_t{4});
        QCOMPARE(open.error().message, std::string("unterminated quoted value: no closing \""));
        const auto nul = core::FlatYaml::parse(std::string("a: x\0y\n", 7), "m.yaml");
        QVERIFY(!nul.has_value());
        QCOMPARE(nul.error().column, std::size_t{5});
        const auto missing = core::FlatYaml::read("/nonexistent/meta.yaml");
        QVERIFY(!missing.has_value());
        QCOMPARE(missing.error().file, std::string("/nonexistent/meta.yaml"));
    }
};

QTEST_GUILESS_MAIN(TestFlatYaml)
#include "tst_FlatYaml.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// Bad input: each error names the file and the exact line:column (counted by hand in the
// fixtures under tests/data/io/); invalid values are kept and listed as left out, never errors.
#include "core/io/ImportOptions.h"
#include "core/io/Importers.h"

#include <QtTest>

#include <cmath>
#include <string>

namespace {

std::string fixture(const char* name)
{
    return std::string(SCALELAB_TEST_DATA_DIR) + "/io/" + name;
}

bool contains(const std::string& haystack, const std::string& needle)
{
    return haystack.find(needle) != std::string::npos;
}

} // namespace

#define EXPECT_ERROR(var, name, options)                                                         \
    const auto var##Result = core::importFile(fixture(name), options);                          \
    QVERIFY2(!var##Result.has_value(), "expected an error");                                     \
    const core::Error& var = var##Result.error();                                                \
    QCOMPARE(var.file, fixture(name))

class TestTableImportErrors : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void textInNumberCell()
    {
        EXPECT_ERROR(e, "bad_text_number.csv", core::ImportOptions{});
        QCOMPARE(e.line, std::size_t(3));   // "b,200,abc"
        QCOMPARE(e.column, std::size_t(7)); // 'abc' starts at byte 7
        QCOMPARE(e.message, std::string("expected a number for loss (column 'val_loss'), found 'abc'"));
        QCOMPARE(e.toString(), fixture("bad_text_number.csv") + ":3:7: " + e.message);
    }

    void rowWithTooFewFields()
    {
        EXPECT_ERROR(e, "ragged_short.csv", core::ImportOptions{});
        QCOMPARE(e.line, std::size_t(3));   // "b,200"
        QCOMPARE(e.column, std::size_t(6)); // just past the last field
        QCOMPARE(e.message, std::string("expected 3 fields (as in the header), found 2"));
    }

    void rowWithTooManyFields()
    {
        EXPECT_ERROR(e, "ragged_long.csv", core::ImportOptions{});
        QCOMPARE(e.line, std::size_t(3));    // "b,200,2.25,extra"
        QCOMPARE(e.column, std::size_t(12)); // 'extra' starts at byte 12
        QCOMPARE(e.message, std::string("expected 3 fields (as in the header), found 4"));
    }

    void unterminatedQuote()
    {
        EXPECT_ERROR(e, "unterminated_quote.csv", core::ImportOptions{});
        QCOMPARE(e.line, std::size_t(3)); // b,"200,...
        QCOMPARE(e.column, std::size_t(3));
        QVERIFY(contains(e.message, "unterminated"));
    }

    void nulByteIsBinary()
    {
        EXPECT_ERROR(e, "binary_nul.csv", core::ImportOptions{});
        QCOMPARE(e.line, std::size_t(3)); // "b,2\0..."
        QCOMPARE(e.column, std::size_t(4));
        QVERIFY(contains(e.message, "NUL"));
    }

    void emptyFile()
    {
        EXPECT_ERROR(e, "empty.csv", core::ImportOptions{});
        QCOMPARE(e.line, std::size_t(0));
        QVERIFY(contains(e.message, "empty file"));
    }

    void headerOnly()
    {
        EXPECT_ERROR(e, "header_only.csv", core::ImportOptions{});
        QVERIFY(contains(e.message, "no data rows"));
        QVERIFY(contains(e.message, "run, N, D, loss"));
    }

    void noLossColumn()
    {
        EXPECT_ERROR(e, "no_loss.csv", core::ImportOptions{});
        QVERIFY(contains(e.message, "no loss column"));
        QVERIFY(contains(e.message, "columns found: run, N, accuracy"));
    }

    void noSizeColumn()
    {
        EXPECT_ERROR(e, "no_ndc.csv", core::ImportOptions{});
        QVERIFY(contains(e.message, "no N, D or C column"));
        QVERIFY(contains(e.message, "columns found: run, step, loss"));
    }

    void unknownExplicitColumn()
    {
        core::ImportOptions o;
        o.columns = {{core::Role::Loss, "nope"}};
        EXPECT_ERROR(e, "comma.csv", o);
        QCOMPARE(e.parameter, std::string("--columns"));
        QVERIFY(contains(e.message, "'nope'"));
        QVERIFY(contains(e.message, "loss"));
        QVERIFY(contains(e.message, "available columns: run, N, D, loss, lr"));
    }

    void unknownFilterColumn()
    {
        core::ImportOptions o;
        o.filters = {{"experiment", "x", true}};
        EXPECT_ERROR(e, "comma.csv", o);
        QCOMPARE(e.parameter, std::string("--where"));
        QVERIFY(contains(e.message, "'experiment'"));
    }

    void invalidValuesAreLeftOutNotDropped()
    {
        const auto result = core::importFile(fixture("invalid_values.csv"));
        QVERIFY2(result.has_value(), result ? "" : result.error().toString().c_str());
        const core::Sweep& s = *result;
        QCOMPARE(s.runs.size(), std::size_t(7)); // every row is kept
        QCOMPARE(s.pointCount(), std::size_t(7));
        struct Expected {
            std::size_t line;
            std::size_t run;
            const char* reason;
        };
        const Expected expected[] = {
            {3, 1, "loss is NaN"},
            {4, 2, "loss is inf"},
            {5, 3, "N <= 0 (0); C = 6ND <= 0 (0)"},
            {6, 4, "N <= 0 (-5); C = 6ND <= 0 (-30000)"},
            {7, 5, "D is missing; C = 6ND is NaN"},
            {8, 6, "N is missing; D is missing; C = 6ND is NaN; loss is missing"},
        };
        QCOMPARE(s.leftOut.size(), std::size(expected));
        for (std::size_t i = 0; i < std::size(expected); ++i) {
            QCOMPARE(s.leftOut[i].line, expected[i].line);
            QCOMPARE(s.leftOut[i].run, expected[i].run);
            QCOMPARE(s.leftOut[i].curve, std::size_t(0));
            QCOMPARE(s.leftOut[i].point, std::size_t(0));
            QCOMPARE(QString::fromStdString(s.leftOut[i].reason), QString::fromLatin1(expected[i].reason));
        }
        // The values are stored as read (NaN for empty), not dropped or clamped.
        QVERIFY(std::isnan(s.runs[1].finalValue()));
        QCOMPARE(s.runs[2].finalValue(), std::numeric_limits<double>::infinity());
        QCOMPARE(s.runs[4].N, -5.0);
        QVERIFY(std::isnan(s.runs[6].N));
        QVERIFY(std::isnan(s.runs[6].finalValue()));
    }

    void jsonInvalidSyntax()
    {
        EXPECT_ERROR(e, "invalid.jsonl", core::ImportOptions{});
        QCOMPARE(e.line, std::size_t(2));
        // {"run": "b", "params": 2, "loss": 2.5,}  -- the '}' after the trailing comma
        const std::string line = R"({"run": "b", "params": 2, "loss": 2.5,})";
        QCOMPARE(e.column, line.find(",}") + 2);
        QVERIFY(contains(e.message, "invalid JSON"));
    }

    void jsonLineNotAnObject()
    {
        EXPECT_ERROR(e, "not_object.jsonl", core::ImportOptions{});
        QCOMPARE(e.line, std::size_t(2));
        QCOMPARE(e.column, std::size_t(3)); // "  [1, 2]"
        QVERIFY(contains(e.message, "JSON object"));
    }

    void jsonTextInNumber()
    {
        EXPECT_ERROR(e, "text_in_number.jsonl", core::ImportOptions{});
        QCOMPARE(e.line, std::size_t(2));
        const std::string line = R"({"run": "b", "params": 2,  "loss": "bad"})";
        QCOMPARE(e.column, line.find("\"bad\"") + 1);
        QCOMPARE(e.message, std::string("expected a number for loss (column 'loss'), found 'bad'"));
    }

    void jsonNulByte()
    {
        EXPECT_ERROR(e, "binary_nul.jsonl", core::ImportOptions{});
        QCOMPARE(e.line, std::size_t(2));
        QCOMPARE(e.column, std::size_t(7)); // {"run"\0
        QVERIFY(contains(e.message, "NUL"));
    }

    void missingFileIsNamed()
    {
        EXPECT_ERROR(e, "does_not_exist.csv", core::ImportOptions{});
        QVERIFY(contains(e.message, "cannot open"));
    }
};

QTEST_APPLESS_MAIN(TestTableImportErrors)
#include "tst_TableImportErrors.moc"

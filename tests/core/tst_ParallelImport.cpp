// SPDX-License-Identifier: GPL-3.0-or-later
// The parallel CSV path (ParallelDelimitedRead) forced on small fixtures must give exactly the
// Sweep, or the Error, of the sequential path: every value, run order, attributes, left-out rows
// with their lines, error positions (also in a later part), whatever the number of parts.
#include "core/io/DelimitedImporter.h"
#include "core/io/DelimitedParallelism.h"
#include "core/io/ImportOptions.h"
#include "SweepInvariants.h"

#include <QtTest>

#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

std::string fixture(const std::string& name)
{
    return std::string(SCALELAB_TEST_DATA_DIR) + "/io/" + name;
}

/// Sequential (threads = 1) or forced parallel (no size threshold) importer.
core::DelimitedImporter importer(unsigned threads)
{
    return core::DelimitedImporter(core::DelimitedParallelism{threads, 0});
}

tl::expected<core::Sweep, core::Error> load(const std::string& path, unsigned threads,
                                            const core::ImportOptions& options = {})
{
    return importer(threads).read(path, options, {});
}

/// Compares the sequential result with the parallel one for 2..7 parts.
void compareAllSplits(const std::string& path, const core::ImportOptions& options = {})
{
    const auto sequential = load(path, 1, options);
    for (unsigned threads = 2; threads <= 7; ++threads) {
        const auto parallel = load(path, threads, options);
        const std::string context = path + " with " + std::to_string(threads) + " threads: ";
        const std::string diff = fuzz::difference(sequential, parallel);
        QVERIFY2(diff.empty(), (context + diff).c_str());
    }
}

std::string readAll(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// 1-based line where the second of two parts starts (the cut ParallelDelimitedRead makes).
std::size_t secondPartLine(const std::string& path)
{
    const std::string data = readAll(path);
    const std::size_t dataStart = data.find('\n') + 1;
    const std::size_t target = dataStart + (data.size() - dataStart) / 2;
    const std::size_t cut = data.find('\n', target) + 1;
    return static_cast<std::size_t>(std::count(data.begin(), data.begin() + static_cast<long>(cut), '\n')) + 1;
}

} // namespace

class TestParallelImport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void runSplitAcrossTheCut()
    {
        const std::string path = fixture("parallel_long.csv");
        // The fixture is made so that run r1 (lines 11..35) straddles the two-part cut.
        QCOMPARE(secondPartLine(path), std::size_t(21));
        const auto sweep = load(path, 2);
        QVERIFY2(sweep.has_value(), sweep ? "" : sweep.error().toString().c_str());
        QCOMPARE(sweep->runs.size(), std::size_t(3));
        QCOMPARE(sweep->runs[0].id, std::string("r0"));
        QCOMPARE(sweep->runs[1].id, std::string("r1"));
        QCOMPARE(sweep->runs[1].curves.front().size(), std::size_t(24));
        QCOMPARE(sweep->runs[0].curves.front().size(), std::size_t(10)); // r0 again on line 40
        QCOMPARE(sweep->runs[2].N, 4e6); // r2: N = 0 first, the first usable value wins
        QVERIFY(sweep->runs[1].attributes.count("lr") == 0); // 0.002 then 0.003: varies
        QCOMPARE(std::get<std::string>(sweep->runs[1].attributes.at("tag")), std::string("b"));
        std::vector<std::size_t> lines;
        for (const core::LeftOutRow& row : sweep->leftOut)
            lines.push_back(row.line);
        QCOMPARE(lines, (std::vector<std::size_t>{10, 15, 29, 36, 38}));
        QCOMPARE(sweep->leftOut[2].point, std::size_t(17)); // r1's 18th point, after the cut
        QCOMPARE(sweep->leftOut[2].reason, std::string("loss is missing"));
        compareAllSplits(path);
    }

    void errorInTheSecondPart()
    {
        const std::string path = fixture("parallel_bad_cell.csv");
        QVERIFY(secondPartLine(path) < 31);
        const auto parallel = load(path, 2);
        QVERIFY(!parallel.has_value());
        QCOMPARE(parallel.error().line, std::size_t(31));   // "r1,2000,2000000,163840,x1,..."
        QCOMPARE(parallel.error().column, std::size_t(24)); // 'x1' starts at byte 24
        QCOMPARE(parallel.error().message,
                 std::string("expected a number for loss (column 'loss'), found 'x1'"));
        compareAllSplits(path);
    }

    void everyFixtureAgrees_data()
    {
        QTest::addColumn<QString>("file");
        for (const char* name :
             {"bad_text_number.csv", "binary_nul.csv", "bom.csv", "comma.csv", "composite_key.csv",
              "crlf.csv", "derived_d.csv", "empty.csv", "explicit_columns.csv", "filters.csv",
              "final_loss.csv", "header_only.csv", "invalid_values.csv", "long.csv", "no_loss.csv",
              "no_ndc.csv", "no_trailing_newline.csv", "quoted.csv", "ragged_long.csv",
              "ragged_short.csv", "semicolon.csv", "suffixes.csv", "tab.tsv",
              "unterminated_quote.csv", "parallel_long.csv", "parallel_bad_cell.csv"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }
    void everyFixtureAgrees()
    {
        QFETCH(QString, file);
        compareAllSplits(fixture(file.toStdString()));
    }

    void compositeKeyAndFilter()
    {
        core::ImportOptions options;
        options.runKey = {"run", "tag"};
        options.filters.push_back({"tag", "c", false});
        compareAllSplits(fixture("parallel_long.csv"), options);
    }

    void progressOnTheCallingThreadAndCancel()
    {
        // Big enough (~3 MiB) for progress calls while the parts are being parsed.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string path = dir.filePath(QStringLiteral("big.csv")).toStdString();
        {
            std::ofstream out(path);
            out << "run,params,tokens,step,loss\n";
            for (int i = 0; i < 80000; ++i)
                out << "run_" << i / 5000 << ",1000000," << (i % 5000 + 1) * 4096 << ','
                    << i % 5000 + 1 << ",3." << i % 1000 << "\n";
        }
        const std::thread::id caller = std::this_thread::get_id();
        int calls = 0;
        bool otherThread = false;
        double last = 0;
        bool backwards = false;
        const core::Progress watch = [&](double fraction) {
            ++calls;
            otherThread = otherThread || std::this_thread::get_id() != caller;
            backwards = backwards || fraction < last;
            last = fraction;
            return true;
        };
        const auto sweep = importer(2).read(path, {}, watch);
        QVERIFY(sweep.has_value());
        QCOMPARE(sweep->pointCount(), std::size_t(80000));
        QVERIFY(calls > 2);
        QVERIFY(!otherThread);
        QVERIFY(!backwards);
        QCOMPARE(last, 1.0);
        QVERIFY(fuzz::difference(load(path, 1), sweep).empty());

        const auto cancelled = importer(2).read(path, {}, [](double) { return false; });
        QVERIFY(!cancelled.has_value());
        QCOMPARE(cancelled.error().message, std::string("cancelled"));
    }
};

QTEST_GUILESS_MAIN(TestParallelImport)
#include "tst_ParallelImport.moc"

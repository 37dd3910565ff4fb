// SPDX-License-Identifier: GPL-3.0-or-later
// The parallel CSV path (ParallelDelimitedRead) forced on small fixtures must give exactly the
// Sweep, or the Error, of the sequential path: every value, run order, attributes, left-out rows
// with their lines, error positions (also in a later part), whatever the number of parts.
#include "core/io/DelimitedImporter.h"
#include "core/io/DelimitedParallelism.h"
#include "core/io/ImportOptions.h"

#include <QtTest>

#include <cstring>
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

/// Same value, NaN equal to NaN (and -0 apart from +0: the paths must agree bit for bit).
bool same(double a, double b)
{
    return std::memcmp(&a, &b, sizeof a) == 0 || (std::isnan(a) && std::isnan(b));
}

bool same(const std::vector<double>& a, const std::vector<double>& b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!same(a[i], b[i]))
            return false;
    return true;
}

/// Empty when equal, else what differs first.
std::string difference(const core::Sweep& a, const core::Sweep& b)
{
    if (a.sourcePath != b.sourcePath || a.format != b.format || a.layout != b.layout)
        return "path/format/layout";
    if (a.roleColumns != b.roleColumns || a.runKeyColumns != b.runKeyColumns)
        return "roles/run key";
    if (a.conventions.derived != b.conventions.derived
        || a.conventions.flopFormula != b.conventions.flopFormula
        || a.conventions.parameterCount != b.conventions.parameterCount)
        return "conventions";
    if (a.runs.size() != b.runs.size())
        return "run count " + std::to_string(a.runs.size()) + " vs " + std::to_string(b.runs.size());
    for (std::size_t i = 0; i < a.runs.size(); ++i) {
        const core::Run& x = a.runs[i];
        const core::Run& y = b.runs[i];
        const std::string where = "run " + std::to_string(i) + " (" + x.id + "): ";
        if (x.id != y.id || x.name != y.name)
            return where + "id/name " + y.id;
        if (!same(x.N, y.N) || !same(x.D, y.D) || !same(x.C, y.C) || !same(x.budget, y.budget))
            return where + "N/D/C/budget";
        if (x.attributes != y.attributes)
            return where + "attributes";
        if (x.curves.size() != y.curves.size())
            return where + "curve count";
        for (std::size_t c = 0; c < x.curves.size(); ++c) {
            const core::Curve& p = x.curves[c];
            const core::Curve& q = y.curves[c];
            if (p.metric != q.metric || !same(p.step, q.step) || !same(p.tokens, q.tokens)
                || !same(p.flops, q.flops) || !same(p.value, q.value))
                return where + "curve " + std::to_string(c);
        }
    }
    if (a.leftOut.size() != b.leftOut.size())
        return "left-out count " + std::to_string(a.leftOut.size()) + " vs "
               + std::to_string(b.leftOut.size());
    for (std::size_t i = 0; i < a.leftOut.size(); ++i) {
        const core::LeftOutRow& x = a.leftOut[i];
        const core::LeftOutRow& y = b.leftOut[i];
        if (x.line != y.line || x.run != y.run || x.curve != y.curve || x.point != y.point
            || x.reason != y.reason)
            return "left-out row " + std::to_string(i) + " (line " + std::to_string(x.line)
                   + " vs " + std::to_string(y.line) + ")";
    }
    return {};
}

std::string difference(const core::Error& a, const core::Error& b)
{
    if (a.toString() != b.toString() || a.parameter != b.parameter)
        return a.toString() + " vs " + b.toString();
    return {};
}

/// Compares the sequential result with the parallel one for 2..7 parts.
void compareAllSplits(const std::string& path, const core::ImportOptions& options = {})
{
    const auto sequential = load(path, 1, options);
    for (unsigned threads = 2; threads <= 7; ++threads) {
        const auto parallel = load(path, threads, options);
        const std::string context = path + " with " + std::to_string(threads) + " threads: ";
        QVERIFY2(sequential.has_value() == parallel.has_value(), (context + "result kind").c_str());
        const std::string diff = sequential ? difference(*sequential, *parallel)
                                            : difference(sequential.error(), parallel.error());
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
        QVERIFY(difference(*load(path, 1), *sweep).empty());

        const auto cancelled = importer(2).read(path, {}, [](double) { return false; });
        QVERIFY(!cancelled.has_value());
        QCOMPARE(cancelled.error().message, std::string("cancelled"));
    }
};

QTEST_GUILESS_MAIN(TestParallelImport)
#include "tst_ParallelImport.moc"

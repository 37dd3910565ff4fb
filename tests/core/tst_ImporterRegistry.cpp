// SPDX-License-Identifier: GPL-3.0-or-later
// The importer registry (ids, sniffing, importFile) and the Progress contract (calls, cancel).
#include "core/io/Importers.h"

#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::string fixture(const char* name)
{
    return std::string(SCALELAB_TEST_DATA_DIR) + "/io/" + name;
}

} // namespace

class TestImporterRegistry : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::string bigFile_;
    static constexpr int kRows = 40000;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        bigFile_ = dir_.filePath(QStringLiteral("big.csv")).toStdString();
        std::ofstream out(bigFile_);
        out << "run,params,tokens,step,loss\n";
        for (int i = 0; i < kRows; ++i)
            out << "r" << i / 1000 << ",1000000," << (i % 1000 + 1) * 4096 << "," << i % 1000 + 1
                << ",3.5\n";
    }

    void idsAndExtensions()
    {
        // One entry per format, each id once.
        std::vector<std::string_view> ids;
        for (const core::Importer* importer : core::importers())
            ids.push_back(importer->id());
        std::sort(ids.begin(), ids.end());
        QCOMPARE(ids, (std::vector<std::string_view>{"csv", "folder", "hf-trainer-state", "jsonl", "mlflow",
                                                     "mlflow-sqlite", "run-history", "run-json", "tensorboard",
                                                     "wandb-csv"}));
        QCOMPARE(core::importerById("csv")->id(), std::string_view("csv"));
        QCOMPARE(core::importerById("jsonl")->id(), std::string_view("jsonl"));
        QVERIFY(core::importerById("nope") == nullptr);
        QCOMPARE(core::importerById("csv")->extensions(),
                 (std::vector<std::string_view>{"csv", "tsv", "txt"}));
    }

    void sniffPicksByExtensionAndContent()
    {
        QCOMPARE((*core::importerFor(fixture("tab.tsv")))->id(), std::string_view("csv"));
        QCOMPARE((*core::importerFor(fixture("nested.jsonl")))->id(), std::string_view("jsonl"));
        // JSON Lines content without the extension is still recognised.
        const std::string copy = dir_.filePath(QStringLiteral("log.txt.data")).toStdString();
        QVERIFY(QFile::copy(QString::fromStdString(fixture("nested.jsonl")),
                            QString::fromStdString(copy)));
        QCOMPARE((*core::importerFor(copy))->id(), std::string_view("jsonl"));
    }

    void unknownOrMissingFileIsNamed()
    {
        const std::string odd = dir_.filePath(QStringLiteral("blob.bin")).toStdString();
        std::ofstream(odd) << "hello";
        const auto none = core::importerFor(odd);
        QVERIFY(!none.has_value());
        QCOMPARE(none.error().file, odd);
        // Each known extension listed once, although several importers read .csv and .json.
        const std::string& message = none.error().message;
        const std::size_t from = message.find("extensions: ");
        QVERIFY2(from != std::string::npos && message.back() == ')', message.c_str());
        std::vector<std::string> listed;
        std::stringstream list(message.substr(from + 12, message.size() - from - 13));
        for (std::string ext; std::getline(list, ext, ',');)
            listed.push_back(ext.substr(ext.find_first_not_of(' ')));
        std::sort(listed.begin(), listed.end());
        QVERIFY2(std::adjacent_find(listed.begin(), listed.end()) == listed.end(), message.c_str());
        QVERIFY(std::binary_search(listed.begin(), listed.end(), std::string("csv")));
        const auto missing = core::importerFor(fixture("missing.csv"));
        QVERIFY(!missing.has_value());
        QCOMPARE(missing.error().file, fixture("missing.csv"));
    }

    void progressIsMonotonicAndEndsAtOne()
    {
        std::vector<double> calls;
        const auto s = core::importFile(bigFile_, {}, [&calls](double f) {
            calls.push_back(f);
            return true;
        });
        QVERIFY2(s.has_value(), s ? "" : s.error().toString().c_str());
        QCOMPARE(s->pointCount(), std::size_t(kRows));
        QCOMPARE(s->runs.size(), std::size_t(kRows / 1000));
        QVERIFY(calls.size() >= 3); // ~1 MB file, a call every 64 KiB
        QCOMPARE(calls.back(), 1.0);
        for (std::size_t i = 1; i < calls.size(); ++i)
            QVERIFY(calls[i] >= calls[i - 1]);
    }

    void cancelReturnsError()
    {
        int calls = 0;
        const auto s = core::importFile(bigFile_, {}, [&calls](double) {
            ++calls;
            return false;
        });
        QVERIFY(!s.has_value());
        QCOMPARE(s.error().message, std::string("cancelled"));
        QCOMPARE(s.error().file, bigFile_);
        QCOMPARE(calls, 1); // stops at the first refusal
    }
};

QTEST_APPLESS_MAIN(TestImporterRegistry)
#include "tst_ImporterRegistry.moc"

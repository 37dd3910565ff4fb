// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/Document.h"
#include "ui/ReloadCommand.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

class TestReloadCommand : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void filterKeepsStateAndUndoIsExact();
    void reappearingRunsGetTheirExclusionBack();
    void runKeyChangeRemapsByIdAndUndoRestores();
    void filterMatchingNothingFails();
    void sameOptionsPushNothing();
    void loadDropsRunningReread();
};

namespace {
using Change = ui::Document::Change;

// Eight final-loss runs, two learning rates; a* have lr 0.001, b* lr 0.003.
constexpr const char* kCsv = "run,N,D,loss,lr,seed\n"
                             "a1,1e8,2e9,3.1,0.001,1\n"
                             "a2,3e8,6e9,2.9,0.001,1\n"
                             "a3,1e9,2e10,2.7,0.001,1\n"
                             "a4,3e9,6e10,2.5,0.001,2\n"
                             "b1,1e8,2e9,3.2,0.003,1\n"
                             "b2,3e8,6e9,3.0,0.003,1\n"
                             "b3,1e9,2e10,2.8,0.003,1\n"
                             "b4,3e9,6e10,2.6,0.003,2\n";

QString writeFixture(const QTemporaryDir& dir)
{
    const QString path = dir.filePath(QStringLiteral("sweep.csv"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(kCsv);
    return path;
}

bool loadInto(ui::Document& doc, const QString& path)
{
    QSignalSpy loaded(&doc, &ui::Document::loaded);
    doc.load(path);
    return loaded.wait(10000);
}

/// Waits for the re-read started by the last edit to be applied (one changed(Sweep)).
bool waitForReread(ui::Document& doc)
{
    QSignalSpy changed(&doc, &ui::Document::changed);
    if (!changed.wait(10000))
        return false;
    return changed.at(0).at(0).value<ui::Document::Changes>().testFlag(Change::Sweep) && !doc.isRereading();
}

int indexOf(const ui::Document& doc, const std::string& id)
{
    const auto& runs = doc.sweep().runs;
    const auto it = std::find_if(runs.begin(), runs.end(), [&](const core::Run& r) { return r.id == id; });
    return it == runs.end() ? -1 : static_cast<int>(it - runs.begin());
}

std::vector<std::string> excludedIds(const ui::Document& doc)
{
    std::vector<std::string> ids;
    for (std::size_t r : doc.fitSpec().excludedRuns)
        ids.push_back(doc.sweep().runs[r].id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

core::ImportOptions lrFilter(const char* value, bool equals = true)
{
    core::ImportOptions o;
    o.filters.push_back({"lr", value, equals});
    return o;
}
} // namespace

void TestReloadCommand::filterKeepsStateAndUndoIsExact()
{
    QTemporaryDir dir;
    const QString path = writeFixture(dir);
    ui::Document doc;
    QVERIFY(loadInto(doc, path));
    QCOMPARE(doc.runCount(), 8);

    doc.setRunsExcluded(
        {static_cast<std::size_t>(indexOf(doc, "a2")), static_cast<std::size_t>(indexOf(doc, "b3"))}, true);
    core::FitJobSpec spec = doc.fitSpec();
    spec.lawId = "power";
    spec.bootstrap = 17;
    doc.setFitSpec(spec, QStringLiteral("Law"));
    doc.setBudget(4e22);
    doc.setRunVisible(indexOf(doc, "b1"), false);
    doc.setRunVisible(indexOf(doc, "a3"), false);
    doc.setXQuantity(core::XQuantity::C);
    doc.setColorBy(QStringLiteral("lr"));
    doc.setView(ui::Document::View::Residuals);
    doc.setSmoothing(0.5);
    doc.setSeedColumn(QStringLiteral("seed"));
    const core::FitJobSpec before = doc.fitSpec();
    const std::vector<std::string> excludedBefore = excludedIds(doc);
    QCOMPARE(excludedBefore, (std::vector<std::string>{"a2", "b3"}));
    const int steps = doc.undoStack()->count();

    bool applyingSeen = false;
    connect(&doc, &ui::Document::changed, this,
            [&] { applyingSeen = applyingSeen || doc.isApplyingReread(); });
    QSignalSpy failed(&doc, &ui::Document::loadFailed);
    QSignalSpy loaded(&doc, &ui::Document::loaded);
    doc.setImportOptions(lrFilter("1e-3"), QStringLiteral("Filter rows"));
    QVERIFY(doc.isRereading());
    QVERIFY(waitForReread(doc));
    QVERIFY(applyingSeen);
    QVERIFY(!doc.isApplyingReread());
    QCOMPARE(failed.count(), 0);
    QCOMPARE(loaded.count(), 0); // a re-read is not a new file
    QCOMPARE(doc.runCount(), 4);
    for (const core::Run& r : doc.sweep().runs)
        QVERIFY2(r.id.front() == 'a', r.id.c_str());
    QCOMPARE(doc.importOptions().filters.size(), std::size_t(1));
    QCOMPARE(doc.importOptions().filters[0].value, std::string("1e-3"));
    QCOMPARE(doc.sourcePath(), path);
    QCOMPARE(excludedIds(doc), (std::vector<std::string>{"a2"}));
    QCOMPARE(doc.fitSpec().lawId, std::string("power"));
    QCOMPARE(doc.fitSpec().bootstrap, std::size_t(17));
    QCOMPARE(doc.budget(), 4e22);
    QVERIFY(!doc.isRunVisible(indexOf(doc, "a3")));
    QVERIFY(doc.isRunVisible(indexOf(doc, "a1")));
    QCOMPARE(doc.xQuantity(), core::XQuantity::C);
    QCOMPARE(doc.colorBy(), QStringLiteral("lr"));
    QCOMPARE(doc.view(), ui::Document::View::Residuals);
    QCOMPARE(doc.smoothing(), 0.5);
    QCOMPARE(doc.seedColumn(), QStringLiteral("seed"));
    QCOMPARE(doc.undoStack()->count(), steps + 1);
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Filter rows"));

    doc.undoStack()->undo();
    QVERIFY(waitForReread(doc));
    QCOMPARE(doc.runCount(), 8);
    QVERIFY(doc.importOptions().filters.empty());
    QCOMPARE(doc.fitSpec(), before); // exclusions exactly as before, by index too
    QCOMPARE(excludedIds(doc), excludedBefore);
    QVERIFY(!doc.isRunVisible(indexOf(doc, "b1"))); // hidden again when it came back
    QVERIFY(!doc.isRunVisible(indexOf(doc, "a3")));
    QVERIFY(doc.isRunVisible(indexOf(doc, "b2")));
    QCOMPARE(doc.budget(), 4e22);
    QCOMPARE(doc.undoStack()->count(), steps + 1); // the step stays, for redo

    doc.undoStack()->redo();
    QVERIFY(waitForReread(doc));
    QCOMPARE(doc.runCount(), 4);
    QCOMPARE(excludedIds(doc), (std::vector<std::string>{"a2"}));
    QCOMPARE(doc.undoStack()->index(), steps + 1);

    // The steps before the re-read still undo on the (same) runs: the law change, then the exclusions.
    doc.undoStack()->undo();
    QVERIFY(waitForReread(doc));
    while (doc.undoStack()->index() > 0)
        doc.undoStack()->undo();
    QCOMPARE(doc.runCount(), 8);
    QVERIFY(doc.fitSpec().excludedRuns.empty());
    QCOMPARE(doc.fitSpec().lawId, ui::Document::defaultFitSpec(doc.sweep()).lawId);
}

void TestReloadCommand::reappearingRunsGetTheirExclusionBack()
{
    QTemporaryDir dir;
    const QString path = writeFixture(dir);
    ui::Document doc;
    QVERIFY(loadInto(doc, path));
    doc.setRunsExcluded({static_cast<std::size_t>(indexOf(doc, "b3"))}, true);
    doc.setImportOptions(lrFilter("0.003", false), QStringLiteral("Keep lr != 0.003"));
    QVERIFY(waitForReread(doc));
    QCOMPARE(doc.runCount(), 4);
    QVERIFY(doc.fitSpec().excludedRuns.empty());
    doc.setRunsExcluded({static_cast<std::size_t>(indexOf(doc, "a1"))}, true);
    // A new edit (not an undo) drops the filter: b3 comes back still excluded, next to a1.
    doc.setImportOptions({}, QStringLiteral("No filter"));
    QVERIFY(waitForReread(doc));
    QCOMPARE(doc.runCount(), 8);
    QCOMPARE(excludedIds(doc), (std::vector<std::string>{"a1", "b3"}));
    QCOMPARE(doc.undoStack()->count(), 4);
}

void TestReloadCommand::runKeyChangeRemapsByIdAndUndoRestores()
{
    QTemporaryDir dir;
    const QString path = writeFixture(dir);
    ui::Document doc;
    QVERIFY(loadInto(doc, path));
    doc.setRunsExcluded({static_cast<std::size_t>(indexOf(doc, "a2"))}, true);
    doc.setRunVisible(indexOf(doc, "b4"), false);
    const core::FitJobSpec before = doc.fitSpec();

    core::ImportOptions byNAndLr;
    byNAndLr.runKey = {"N", "lr"};
    doc.setImportOptions(byNAndLr, QStringLiteral("Run key"));
    QVERIFY(waitForReread(doc));
    QCOMPARE(doc.runCount(), 8);
    QCOMPARE(doc.sweep().runKeyColumns, (std::vector<std::string>{"N", "lr"}));
    QCOMPARE(indexOf(doc, "a2"), -1);            // every id changed,
    QVERIFY(doc.fitSpec().excludedRuns.empty()); // so no run is excluded
    for (int i = 0; i < doc.runCount(); ++i)
        QVERIFY(doc.isRunVisible(i)); // and every (new) run is shown

    doc.undoStack()->undo();
    QVERIFY(waitForReread(doc));
    QCOMPARE(doc.fitSpec(), before);
    QVERIFY(!doc.isRunVisible(indexOf(doc, "b4")));
    QCOMPARE(doc.sweep().runKeyColumns, (std::vector<std::string>{"run"}));
}

void TestReloadCommand::filterMatchingNothingFails()
{
    QTemporaryDir dir;
    const QString path = writeFixture(dir);
    ui::Document doc;
    QVERIFY(loadInto(doc, path));
    doc.setRunsExcluded({1}, true);
    const auto sweep = doc.sharedSweep();
    const core::FitJobSpec spec = doc.fitSpec();
    QSignalSpy failed(&doc, &ui::Document::loadFailed);
    QSignalSpy changed(&doc, &ui::Document::changed);
    doc.setImportOptions(lrFilter("0.5"), QStringLiteral("Filter rows"));
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.at(0).at(0).toString(), path);
    const QString message = failed.at(0).at(1).toString();
    QVERIFY2(message.contains(QStringLiteral("no row passes the filters")), qPrintable(message));
    QVERIFY2(message.startsWith(path), qPrintable(message));
    QCOMPARE(changed.count(), 0);
    QCOMPARE(doc.sharedSweep(), sweep); // the very same sweep
    QVERIFY(doc.importOptions().filters.empty());
    QCOMPARE(doc.fitSpec(), spec);
    QCOMPARE(doc.undoStack()->count(), 2);
    QVERIFY(!doc.isRereading());

    doc.undoStack()->undo(); // the old options are still current: nothing to read
    QVERIFY(!doc.isRereading());
    QCOMPARE(doc.sharedSweep(), sweep);
    QTest::qWait(50);
    QCOMPARE(failed.count(), 1);
}

void TestReloadCommand::sameOptionsPushNothing()
{
    QTemporaryDir dir;
    const QString path = writeFixture(dir);
    ui::Document doc;
    doc.setImportOptions(lrFilter("0.001"), QStringLiteral("x")); // no file yet
    QCOMPARE(doc.undoStack()->count(), 0);
    QVERIFY(loadInto(doc, path));
    doc.setImportOptions(doc.importOptions(), QStringLiteral("x"));
    QCOMPARE(doc.undoStack()->count(), 0);
    QVERIFY(!doc.isRereading());
    QVERIFY(ui::sameImportOptions(lrFilter("1"), lrFilter("1")));
    QVERIFY(!ui::sameImportOptions(lrFilter("1"), lrFilter("1", false)));
    QVERIFY(!ui::sameImportOptions(lrFilter("1"), {}));
}

void TestReloadCommand::loadDropsRunningReread()
{
    QTemporaryDir dir;
    const QString path = writeFixture(dir);
    ui::Document doc;
    QVERIFY(loadInto(doc, path));
    QSignalSpy loaded(&doc, &ui::Document::loaded);
    doc.setImportOptions(lrFilter("0.001"), QStringLiteral("Filter rows"));
    doc.load(path); // a plain load wins and, as always, clears the undo stack
    QVERIFY(loaded.wait(10000));
    QTest::qWait(100); // a late re-read result would have arrived by now
    QCOMPARE(doc.runCount(), 8);
    QVERIFY(doc.importOptions().filters.empty());
    QCOMPARE(doc.undoStack()->count(), 0);
    QVERIFY(!doc.isRereading());
}

QTEST_MAIN(TestReloadCommand)
#include "tst_ReloadCommand.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/Document.h"
#include "ui/TestSweeps.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestDocument : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void setSweepResetsState();
    void visibilityUndoRedo();
    void xQuantityUndoRedo();
    void colorByUndoAndScale();
    void loadFailureReportsError();
    void loadsRealFileOffThread();
    void newerLoadSupersedesOlder();
};

namespace {
const QString kSample = QStringLiteral(SCALELAB_TEST_DATA_DIR "/ui/leftout.csv");
const QString kUnsure = QStringLiteral(SCALELAB_TEST_DATA_DIR "/ui/unsure.csv");
}

using Change = ui::Document::Change;

void TestDocument::setSweepResetsState()
{
    ui::Document doc;
    QSignalSpy spy(&doc, &ui::Document::changed);
    doc.setSweep(testsweeps::smallFinalLossSweep(), QStringLiteral("/x/y.csv"));
    QCOMPARE(spy.count(), 1);
    const auto what = spy.at(0).at(0).value<ui::Document::Changes>();
    QVERIFY(what.testFlag(Change::Sweep));
    QCOMPARE(doc.runCount(), 5);
    QCOMPARE(doc.sourcePath(), QStringLiteral("/x/y.csv"));
    for (int i = 0; i < 5; ++i)
        QVERIFY(doc.isRunVisible(i));
    QCOMPARE(doc.xQuantity(), core::XQuantity::N);
    QCOMPARE(doc.colorBy(), QStringLiteral("budget"));
    QCOMPARE(doc.undoStack()->count(), 0);
}

void TestDocument::visibilityUndoRedo()
{
    ui::Document doc;
    doc.setSweep(testsweeps::smallFinalLossSweep());
    QSignalSpy spy(&doc, &ui::Document::changed);
    doc.setRunVisible(1, false);
    QCOMPARE(doc.isRunVisible(1), false);
    QCOMPARE(doc.isRunVisible(0), true);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).value<ui::Document::Changes>(), ui::Document::Changes(Change::Visibility));
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Hide run beta"));
    doc.setRunVisible(1, false); // no-op: already hidden
    QCOMPARE(doc.undoStack()->count(), 1);
    doc.undoStack()->undo();
    QCOMPARE(doc.isRunVisible(1), true);
    QCOMPARE(spy.count(), 2);
    doc.undoStack()->redo();
    QCOMPARE(doc.isRunVisible(1), false);
    doc.setRunVisible(99, false); // out of range: ignored
    QCOMPARE(doc.undoStack()->count(), 1);
}

void TestDocument::xQuantityUndoRedo()
{
    ui::Document doc;
    doc.setSweep(testsweeps::smallFinalLossSweep());
    doc.setXQuantity(core::XQuantity::C);
    QCOMPARE(doc.xQuantity(), core::XQuantity::C);
    doc.setXQuantity(core::XQuantity::D);
    QCOMPARE(doc.xQuantity(), core::XQuantity::D);
    QCOMPARE(doc.undoStack()->count(), 2);
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Plot against D"));
    doc.undoStack()->undo();
    QCOMPARE(doc.xQuantity(), core::XQuantity::C);
    doc.undoStack()->undo();
    QCOMPARE(doc.xQuantity(), core::XQuantity::N);
    doc.undoStack()->redo();
    QCOMPARE(doc.xQuantity(), core::XQuantity::C);
}

void TestDocument::colorByUndoAndScale()
{
    ui::Document doc;
    doc.setSweep(testsweeps::smallFinalLossSweep());
    // Two budgets -> two legend entries, ascending.
    QCOMPARE(doc.colorScale().entries().size(), 2);
    QCOMPARE(doc.colorScale().entries()[0].label, QStringLiteral("1e20 FLOPs"));
    QCOMPARE(doc.colorScale().entries()[1].label, QStringLiteral("3e20 FLOPs"));
    QCOMPARE(doc.runColor(0), doc.runColor(1));       // both 1e20
    QVERIFY(doc.runColor(0) != doc.runColor(2));       // 1e20 vs 3e20
    doc.setColorBy(QStringLiteral("run"));
    QCOMPARE(doc.colorBy(), QStringLiteral("run"));
    QVERIFY(doc.colorScale().entries().isEmpty());
    QVERIFY(doc.runColor(0) != doc.runColor(1));
    doc.undoStack()->undo();
    QCOMPARE(doc.colorBy(), QStringLiteral("budget"));
    QCOMPARE(doc.runColor(0), doc.runColor(1));
}

void TestDocument::loadFailureReportsError()
{
    ui::Document doc;
    QSignalSpy failed(&doc, &ui::Document::loadFailed);
    QSignalSpy loaded(&doc, &ui::Document::loaded);
    QTemporaryDir dir;
    const QString missing = dir.filePath(QStringLiteral("does-not-exist.csv"));
    doc.load(missing);
    QVERIFY(failed.wait(10000));
    QCOMPARE(loaded.count(), 0);
    QCOMPARE(failed.at(0).at(0).toString(), missing);
    QVERIFY2(failed.at(0).at(1).toString().startsWith(missing), qPrintable(failed.at(0).at(1).toString()));
    QCOMPARE(doc.runCount(), 0);
}

void TestDocument::loadsRealFileOffThread()
{
    ui::Document doc;
    QSignalSpy loaded(&doc, &ui::Document::loaded);
    QSignalSpy changed(&doc, &ui::Document::changed);
    doc.load(kSample);
    QVERIFY(doc.isLoading()); // until the result is delivered on the GUI thread
    QCOMPARE(loaded.count(), 0);
    QVERIFY(loaded.wait(10000));
    QCOMPARE(loaded.at(0).at(0).toString(), kSample);
    QCOMPARE(doc.sourcePath(), kSample);
    QCOMPARE(doc.runCount(), 4);
    QCOMPARE(doc.sweep().leftOut.size(), std::size_t(2));
    QCOMPARE(doc.sweep().leftOut[0].line, std::size_t(3));
    QCOMPARE(doc.sweep().runs[3].name, std::string("d"));
    QCOMPARE(changed.count(), 1);
    QVERIFY(!doc.isLoading());
}

void TestDocument::newerLoadSupersedesOlder()
{
    ui::Document doc;
    QSignalSpy loaded(&doc, &ui::Document::loaded);
    QSignalSpy failed(&doc, &ui::Document::loadFailed);
    doc.load(kUnsure); // would fail (no loss column) if it were not superseded
    doc.load(kSample);
    QVERIFY(loaded.wait(10000));
    QTest::qWait(100); // a late result of the first load would arrive by now
    QCOMPARE(loaded.count(), 1);
    QCOMPARE(failed.count(), 0);
    QCOMPARE(doc.sourcePath(), kSample);
    QCOMPARE(doc.runCount(), 4);
}

QTEST_MAIN(TestDocument)
#include "tst_Document.moc"

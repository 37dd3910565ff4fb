// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/Document.h"
#include "ui/FitController.h"
#include "ui/LoadController.h"
#include "ui/LogLogChartView.h"
#include "ui/MainWindow.h"
#include "ui/RunListWidget.h"

#include <QAction>
#include <QActionGroup>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QMimeData>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void opensBundledSample();
    void fitsAProjectorScreen();
    void xQuantityActionsAndUndo();
    void exportsPngAndSvg();
    void dropOpensFile();
    void dropOpensFolderOfRuns();
    void leftOutRowsInStatus();
    void loadErrorIsReported();
    void chinchillaReplication();
    void importNotesInStatus();
    void fileDialogFiltersComeFromImporters();
};

namespace {
bool waitLoaded(ui::MainWindow& w)
{
    QSignalSpy spy(w.document(), &ui::Document::loaded);
    return spy.wait(20000);
}

int scatterPointTotal(const ui::LogLogChartView* view)
{
    int n = 0;
    for (int i = 0; i < view->seriesCount(); ++i)
        if (const auto* s = qobject_cast<const QScatterSeries*>(view->series(i)))
            n += static_cast<int>(s->count());
    return n;
}

const QString kTestData = QStringLiteral(SCALELAB_TEST_DATA_DIR);
const QString kSharedData = QStringLiteral(SCALELAB_SHARED_DATA_DIR);
} // namespace

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // QSettings (recent files) go to a test location
}

void TestMainWindow::opensBundledSample()
{
    ui::MainWindow w;
    w.setInteractive(false);
    w.show();
    QVERIFY(w.openSample());
    QVERIFY(waitLoaded(w));
    QCOMPARE(w.document()->runCount(), 85);
    QCOMPARE(w.runList()->proxy()->rowCount(), 85);
    QCOMPARE(w.chartView()->markerCount(), 85);
    QCOMPARE(scatterPointTotal(w.chartView()), 85);
    QCOMPARE(w.chartView()->curveCount(), 0);
    QCOMPARE(w.document()->colorBy(), QStringLiteral("budget"));
    QCOMPARE(w.colorByCombo()->currentText(), QStringLiteral("budget"));
    QCOMPARE(w.chartView()->markerSeriesCount(), 7); // seven IsoFLOP budgets, 3e18 .. 3e20
    QCOMPARE(w.chartView()->series(0)->name(), QStringLiteral("3e18 FLOPs"));
    QCOMPARE(w.chartView()->series(6)->name(), QStringLiteral("3e20 FLOPs"));
    const auto [xLo, xHi] = w.chartView()->visibleXRange();
    const auto [yLo, yHi] = w.chartView()->visibleYRange();
    QVERIFY(xLo > 0 && xHi > xLo && yLo > 0 && yHi > yLo);
    QVERIFY(xLo < 1.57e8 && xHi > 1.17e10); // N spans 157M .. 11.8B in the sample
    QCOMPARE(w.statusText(), QStringLiteral("85 runs, 85 points, 0 rows left out"));
    QCOMPARE(w.windowTitle(), QStringLiteral("marin-dclm-isoflops.csv \u2014 ScaleLab"));
}

void TestMainWindow::fitsAProjectorScreen()
{
    // A 1280x720 projector, less 6% for the desktop's panels (what MainWindow itself asks for on
    // such a screen). With the sample loaded and fitted, every dock filled, the window must still
    // fit: the fit and budget docks scroll instead of pushing it taller (before, it needed 913 px).
    ui::MainWindow w;
    w.setInteractive(false);
    w.show();
    QVERIFY(w.openSample());
    QVERIFY(waitLoaded(w));
    QTRY_VERIFY_WITH_TIMEOUT(w.fitController()->result() != nullptr && !w.fitController()->isBusy(), 60000);
    const QSize screen(1203, 676);
    const QSize minimum = w.minimumSizeHint().expandedTo(w.minimumSize());
    QVERIFY2(minimum.width() <= screen.width() && minimum.height() <= screen.height(),
             qPrintable(QStringLiteral("minimum %1 x %2").arg(minimum.width()).arg(minimum.height())));
    w.resize(screen);
    QTRY_COMPARE(w.size(), screen);
}

void TestMainWindow::xQuantityActionsAndUndo()
{
    ui::MainWindow w;
    w.setInteractive(false);
    QVERIFY(w.openSample());
    QVERIFY(waitLoaded(w));
    const QList<QAction*> actions = w.xQuantityGroup()->actions();
    QCOMPARE(actions.size(), 3);
    QCOMPARE(actions[0]->isChecked(), true);
    actions[2]->trigger(); // C
    QCOMPARE(w.document()->xQuantity(), core::XQuantity::C);
    QCOMPARE(w.chartView()->markerCount(), 85);
    QVERIFY(w.chartView()->visibleXRange().first > 1e17);
    w.document()->undoStack()->undo();
    QCOMPARE(w.document()->xQuantity(), core::XQuantity::N);
    QCOMPARE(actions[0]->isChecked(), true);
    // Colour by N from the combo: binned at the widest gaps, undoable.
    const int idx = w.colorByCombo()->findText(QStringLiteral("N"));
    QVERIFY(idx >= 0);
    w.colorByCombo()->setCurrentIndex(idx);
    Q_EMIT w.colorByCombo()->activated(idx);
    QCOMPARE(w.document()->colorBy(), QStringLiteral("N"));
    QCOMPARE(scatterPointTotal(w.chartView()), 85);
    w.document()->undoStack()->undo();
    QCOMPARE(w.colorByCombo()->currentText(), QStringLiteral("budget"));
}

void TestMainWindow::exportsPngAndSvg()
{
    ui::MainWindow w;
    w.setInteractive(false);
    w.resize(1400, 860); // the tick labels asserted below are those of a full-size chart
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.openSample());
    QVERIFY(waitLoaded(w));
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("chart.png"));
    const QString svg = dir.filePath(QStringLiteral("chart.svg"));
    QVERIFY(w.exportChart(png));
    QVERIFY(w.exportChart(svg));
    QImage image(png);
    QCOMPARE(image.size(), w.chartView()->size() * w.chartView()->devicePixelRatio());
    QFile f(svg);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray text = f.readAll();
    QVERIFY(text.contains("<svg"));
    QVERIFY(text.contains("Parameters N"));
    // Tick labels and legend are laid out on posted events: the export must include them.
    QVERIFY(text.contains(">1B</text>"));
    QVERIFY(text.contains(">3.4</text>"));
    QVERIFY(text.contains(">3e20 FLOPs</text>"));
    QCOMPARE(text.count("<circle"), 85 + 7); // one marker per run, one per legend entry
}

void TestMainWindow::dropOpensFile()
{
    ui::MainWindow w;
    w.setInteractive(false);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(kTestData + QStringLiteral("/ui/leftout.csv"))});
    const QPoint pos = w.rect().center();
    QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&w, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&w, &drop);
    QVERIFY(waitLoaded(w));
    QCOMPARE(w.document()->runCount(), 4);
}

void TestMainWindow::dropOpensFolderOfRuns()
{
    ui::MainWindow w;
    w.setInteractive(false); // interactive, the run-log dialog would ask first
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(kTestData + QStringLiteral("/logs/folder-seeds"))});
    const QPoint pos = w.rect().center();
    QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&w, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&w, &drop);
    QVERIFY(waitLoaded(w));
    QCOMPARE(w.document()->runCount(), 3);
    QCOMPARE(w.document()->sweep().format, std::string("folder"));
    QCOMPARE(w.document()->sweep().runs[2].N, 7e7);
    // The run-log settings replace the row filters for this source.
    bool logsEnabled = false, filtersEnabled = true;
    for (QAction* a : w.findChildren<QAction*>()) {
        if (a->text().startsWith(QStringLiteral("Run &Logs")))
            logsEnabled = a->isEnabled();
        if (a->text().startsWith(QStringLiteral("&Filter Rows")))
            filtersEnabled = a->isEnabled();
    }
    QVERIFY(logsEnabled);
    QVERIFY(!filtersEnabled);
}

void TestMainWindow::leftOutRowsInStatus()
{
    ui::MainWindow w;
    w.setInteractive(false);
    QVERIFY(w.openFile(kTestData + QStringLiteral("/ui/leftout.csv")));
    QVERIFY(waitLoaded(w));
    QCOMPARE(w.statusText(), QStringLiteral("4 runs, 4 points, 2 rows left out"));
    QCOMPARE(w.chartView()->markerCount(), 2); // runs a and d
    QCOMPARE(w.notesText(), QString());
}

void TestMainWindow::importNotesInStatus()
{
    ui::MainWindow w;
    w.setInteractive(false); // unsure detection would otherwise ask with the mapping dialog
    QVERIFY(w.openFile(kTestData + QStringLiteral("/ui/ambiguous.csv")));
    QVERIFY(waitLoaded(w));
    QCOMPARE(w.document()->runCount(), 2);
    QCOMPARE(w.notesText(), QStringLiteral("several columns could be N (params, n_params); using 'params'"));
}

void TestMainWindow::loadErrorIsReported()
{
    ui::MainWindow w;
    w.setInteractive(false);
    QSignalSpy failed(w.document(), &ui::Document::loadFailed);
    // Unsure detection (no loss column): non-interactive mode loads anyway and the core error names the file.
    QVERIFY(w.openFile(kTestData + QStringLiteral("/ui/unsure.csv")));
    QVERIFY(failed.wait(20000));
    QVERIFY2(failed.at(0).at(1).toString().contains(QStringLiteral("unsure.csv")),
             qPrintable(failed.at(0).at(1).toString()));
    QVERIFY(failed.at(0).at(1).toString().contains(QStringLiteral("no loss column")));
    QCOMPARE(w.document()->runCount(), 0);
}

void TestMainWindow::chinchillaReplication()
{
    const QString path = kSharedData + QStringLiteral("/epoch-chinchilla-replication/svg_extracted_data.csv");
    if (!QFile::exists(path))
        QSKIP(qPrintable(QStringLiteral("shared data not found: %1").arg(path)));
    ui::MainWindow w;
    w.setInteractive(false);
    QVERIFY(w.openFile(path));
    QVERIFY(waitLoaded(w));
    QCOMPARE(w.document()->runCount(), 245);
    QCOMPARE(scatterPointTotal(w.chartView()), 245);
    QCOMPARE(w.statusText(), QStringLiteral("245 runs, 245 points, 0 rows left out"));
    // No budget column: final losses are coloured by compute, not by N (already the x axis).
    QCOMPARE(w.document()->xQuantity(), core::XQuantity::N);
    QCOMPARE(w.document()->colorBy(), QStringLiteral("C"));
    const auto [yLo, yHi] = w.chartView()->visibleYRange();
    QVERIFY(yLo > 0 && yLo < yHi);
}

void TestMainWindow::fileDialogFiltersComeFromImporters()
{
    const QStringList filters = ui::LoadController::fileDialogFilters();
    QVERIFY2(filters.size() >= 3, qPrintable(filters.join(QStringLiteral(";;"))));
    QVERIFY(filters.front().startsWith(QStringLiteral("All supported files (")));
    QVERIFY2(filters.front().contains(QStringLiteral("*.csv")) && filters.front().contains(QStringLiteral("*.jsonl"))
                 && filters.front().contains(QStringLiteral("*tfevents*")) && filters.front().contains(QStringLiteral("*.db")),
             qPrintable(filters.front()));
    for (const QString& f : filters)
        QVERIFY2(!f.endsWith(QStringLiteral("()")), qPrintable(f)); // no directory-only format without patterns
    QCOMPARE(filters.back(), QStringLiteral("All files (*)"));
}

QTEST_MAIN(TestMainWindow)
#include "tst_MainWindow.moc"

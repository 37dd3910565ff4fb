// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/MainWindow.h"

#include "ui/BudgetPanel.h"
#include "ui/BundledSample.h"
#include "ui/FitController.h"
#include "ui/FitOverlayBuilder.h"
#include "ui/FitPanel.h"
#include "ui/TaskProgressWidget.h"
#include "ui/ChartExporter.h"
#include "ui/Document.h"
#include "ui/LeftOutRowsDialog.h"
#include "ui/LoadController.h"
#include "ui/LogLogChartView.h"
#include "ui/OverlayLayer.h"
#include "ui/RecentFilesMenu.h"
#include "ui/RunListWidget.h"
#include "ui/Settings.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QStatusBar>
#include <QScreen>
#include <QTimer>
#include <QToolBar>
#include <QUrl>

#include <cmath>
#include <cstdio>
#include <limits>

namespace ui {

namespace {
constexpr int kLeftOutTooltipRows = 12;
}

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_document(new Document(this)), m_chart(new LogLogChartView(m_document, this)),
      m_runList(new RunListWidget(m_document, this)), m_loader(new LoadController(m_document, this)),
      m_fits(new FitController(m_document, this)), m_fitPanel(new FitPanel(m_document, m_fits, this)),
      m_budget(new BudgetPanel(this)), m_task(new TaskProgressWidget(this))
{
    setWindowTitle(QStringLiteral("ScaleLab"));
    setCentralWidget(m_chart);
    auto* dock = new QDockWidget(tr("Runs"), this);
    dock->setObjectName(QStringLiteral("runsDock"));
    dock->setWidget(m_runList);
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    auto* fitDock = new QDockWidget(tr("Fit"), this);
    fitDock->setObjectName(QStringLiteral("fitDock"));
    fitDock->setWidget(m_fitPanel);
    addDockWidget(Qt::RightDockWidgetArea, fitDock);
    auto* budgetDock = new QDockWidget(tr("Budget"), this);
    budgetDock->setObjectName(QStringLiteral("budgetDock"));
    budgetDock->setWidget(m_budget);
    addDockWidget(Qt::RightDockWidgetArea, budgetDock);
    resizeDocks({dock, fitDock}, {360, 430}, Qt::Horizontal);
    statusBar()->addWidget(m_task);
    connect(m_task, &TaskProgressWidget::cancelRequested, m_fits, &FitController::cancel);
    connect(m_fits, &FitController::progress, m_task,
            [this](double fraction, const QString& stage) { m_task->showProgress(stage, fraction); });
    connect(m_fits, &FitController::busyChanged, this, [this](bool busy) {
        if (busy)
            m_task->showProgress(tr("Fitting"), -1);
        else
            m_task->finish();
        updateOverlay(); // a stale fit is drawn faded while the refit runs
    });
    connect(m_fits, &FitController::resultChanged, this, &MainWindow::onFitChanged);
    connect(m_budget, &BudgetPanel::budgetChanged, m_document, &Document::setBudget);

    m_status = new QLabel(this);
    m_status->setTextFormat(Qt::RichText);
    connect(m_status, &QLabel::linkActivated, this, &MainWindow::showLeftOutRows);
    m_notes = new QLabel(this);
    m_notes->setVisible(false);
    statusBar()->addPermanentWidget(m_notes);
    statusBar()->addPermanentWidget(m_status);

    createActions();
    QMenu* viewMenu = menuBar()->findChild<QMenu*>(QStringLiteral("viewMenu"));
    viewMenu->addSeparator();
    viewMenu->addAction(dock->toggleViewAction());
    viewMenu->addAction(fitDock->toggleViewAction());
    viewMenu->addAction(budgetDock->toggleViewAction());
    setAcceptDrops(true);

    connect(m_document, &Document::changed, this, &MainWindow::onDocumentChanged);
    connect(m_document, &Document::loaded, this, [this](const QString& path) {
        if (m_sample == nullptr || path != m_sample->path())
            m_recent->addFile(path);
        statusBar()->showMessage(tr("Loaded %1").arg(QFileInfo(path).fileName()), 5000);
    });
    onDocumentChanged();
    // A roomy default that still fits a small or projector screen.
    const QSize wanted(1400, 860);
    resize(screen() ? wanted.boundedTo(screen()->availableGeometry().size() * 0.94) : wanted);
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open\u2026"), QKeySequence::Open, this, &MainWindow::chooseAndOpen);
    m_recent = new RecentFilesMenu(this);
    connect(m_recent, &RecentFilesMenu::openRequested, this, [this](const QString& p) { openFile(p); });
    file->addMenu(m_recent);
    file->addAction(tr("Open &Sample"), this, [this] { openSample(); });
    file->addSeparator();
    file->addAction(tr("Export Chart as &PNG\u2026"), this, [this] { chooseAndExport(false); });
    file->addAction(tr("Export Chart as S&VG\u2026"), this, [this] { chooseAndExport(true); });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    QAction* reset = view->addAction(tr("&Reset Zoom"), this, [this] { m_chart->resetZoom(); });
    reset->setToolTip(tr("Show all points (Home, or double-click the chart)"));

    QToolBar* tools = addToolBar(tr("Chart"));
    tools->setObjectName(QStringLiteral("chartToolBar"));
    tools->addWidget(new QLabel(tr(" x axis: "), tools));
    m_xGroup = new QActionGroup(this);
    const struct {
        core::XQuantity q;
        QString text;
        QString tip;
    } quantities[] = {{core::XQuantity::N, QStringLiteral("N"), tr("Parameters")},
                      {core::XQuantity::D, QStringLiteral("D"), tr("Training tokens")},
                      {core::XQuantity::C, QStringLiteral("C"), tr("Training compute (FLOPs)")}};
    for (const auto& q : quantities) {
        QAction* a = tools->addAction(q.text);
        a->setToolTip(q.tip);
        a->setCheckable(true);
        a->setData(static_cast<int>(q.q));
        m_xGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, x = q.q] { m_document->setXQuantity(x); });
    }
    tools->addSeparator();
    tools->addWidget(new QLabel(tr(" colour by: "), tools));
    m_colorBy = new QComboBox(tools);
    m_colorBy->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_colorBy, &QComboBox::activated, this,
            [this](int index) { m_document->setColorBy(m_colorBy->itemText(index)); });
    tools->addWidget(m_colorBy);
    tools->addSeparator();
    tools->addAction(reset);
    tools->addSeparator();
    tools->addAction(undo);
    tools->addAction(redo);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About ScaleLab"), this, [this] {
        QMessageBox::about(this, tr("About ScaleLab"),
                           tr("<b>ScaleLab %1</b><p>Explore and fit neural scaling laws.</p>"
                              "<p>Wheel: zoom; drag: pan; Shift+drag or right-drag: zoom to a box; "
                              "double-click or Home: show all.</p>")
                               .arg(QApplication::applicationVersion()));
    });
}

bool MainWindow::openFile(const QString& path, const core::ImportOptions& options)
{
    return m_loader->open(path, options);
}

bool MainWindow::openSample(const core::ImportOptions& options)
{
    if (m_sample == nullptr)
        m_sample = std::make_unique<BundledSample>();
    if (m_sample->path().isEmpty()) {
        QMessageBox::critical(this, tr("Sample missing"), tr("Could not copy the bundled sample."));
        return false;
    }
    return openFile(m_sample->path(), options);
}

void MainWindow::setInteractive(bool interactive)
{
    m_loader->setInteractive(interactive);
}

void MainWindow::setScreenshotOnLoad(const QString& pngPath)
{
    m_screenshotPath = pngPath;
    setInteractive(false);
    auto finish = [this](bool ok) {
        // Wait for the fit (and its bootstrap) to land, so the picture shows it.
        QTimer::singleShot(300, this, [this, ok] {
            if (m_fits->isBusy()) {
                connect(m_fits, &FitController::busyChanged, this, [this, ok](bool busy) {
                    if (!busy)
                        QTimer::singleShot(100, this, [this, ok] { grabAndExit(ok); });
                });
                return;
            }
            grabAndExit(ok);
        });
    };
    connect(m_document, &Document::loaded, this, [finish] { finish(true); }, Qt::SingleShotConnection);
    connect(m_loader, &LoadController::failed, this, [finish] { finish(false); }, Qt::SingleShotConnection);
}

void MainWindow::grabAndExit(bool ok)
{
    m_chart->flushPendingUpdate();
    const bool saved = ChartExporter::savePng(this, m_screenshotPath);
    if (!saved)
        std::fprintf(stderr, "could not write %s\n", m_screenshotPath.toLocal8Bit().constData());
    QCoreApplication::exit(ok && saved ? 0 : 1);
}

QString MainWindow::notesText() const
{
    return m_notes->isHidden() ? QString() : m_notes->toolTip();
}

QString MainWindow::statusText() const
{
    const core::Sweep& s = m_document->sweep();
    return tr("%1 runs, %2 points, %3 rows left out")
        .arg(s.runs.size())
        .arg(s.pointCount())
        .arg(s.leftOut.size());
}

void MainWindow::onDocumentChanged()
{
    const core::XQuantity x = m_document->xQuantity();
    for (QAction* a : m_xGroup->actions())
        a->setChecked(a->data().toInt() == static_cast<int>(x));
    const QStringList choices = ColorScale::attributesOf(m_document->sweep());
    QStringList current;
    for (int i = 0; i < m_colorBy->count(); ++i)
        current << m_colorBy->itemText(i);
    if (current != choices) {
        m_colorBy->clear();
        m_colorBy->addItems(choices);
    }
    m_colorBy->setCurrentText(m_document->colorBy());
    const QString file = QFileInfo(m_document->sourcePath()).fileName();
    setWindowTitle(file.isEmpty() ? QStringLiteral("ScaleLab") : file + QStringLiteral(" \u2014 ScaleLab"));
    // The slider spans the data's compute range (and decades beyond it).
    double cMin = std::numeric_limits<double>::infinity(), cMax = 0.0;
    for (const core::Run& r : m_document->sweep().runs)
        if (std::isfinite(r.C) && r.C > 0) {
            cMin = std::min(cMin, r.C);
            cMax = std::max(cMax, r.C);
        }
    if (cMax > 0)
        m_budget->setDataRange(cMin, cMax);
    onBudgetChanged();
    updateOverlay();
    updateStatus();
}

void MainWindow::onFitChanged()
{
    const auto& result = m_fits->result();
    if (result == nullptr || result->law == nullptr) {
        m_budget->setModel(nullptr, {}, {});
        updateOverlay();
        return;
    }
    std::vector<std::vector<double>> draws;
    if (result->bootstrap)
        draws = result->bootstrap->draws;
    m_budget->setModel(result->law, result->fit.result.params, std::move(draws));
    updateOverlay();
}

void MainWindow::updateOverlay()
{
    FitOverlayBuilder::Inputs in;
    in.views = m_fits->views().get();
    in.result = m_fits->result().get();
    in.x = m_document->xQuantity();
    in.optimum = m_budget->allocation();
    in.stale = m_fits->isBusy() && !(m_fits->resultSpec() == m_document->fitSpec());
    in.runColor = [doc = m_document](std::size_t run) { return doc->runColor(static_cast<int>(run)); };
    m_chart->overlay()->setContent(m_document->view() == Document::View::IsoFlop ? FitOverlayBuilder::isoFlopView(in)
                                                                                 : FitOverlayBuilder::lossView(in));
}

void MainWindow::onBudgetChanged()
{
    m_budget->setBudget(m_document->budget());
}

void MainWindow::updateStatus()
{
    const core::Sweep& s = m_document->sweep();
    const QString leftOut = tr("%1 rows left out").arg(s.leftOut.size());
    const QString head = tr("%1 runs, %2 points, ").arg(s.runs.size()).arg(s.pointCount());
    m_status->setText(s.leftOut.empty() ? head + leftOut
                                        : head + QStringLiteral("<a href=\"leftout\">%1</a>").arg(leftOut));
    QStringList tip;
    for (std::size_t i = 0; i < s.leftOut.size() && i < kLeftOutTooltipRows; ++i)
        tip << tr("line %1: %2").arg(s.leftOut[i].line).arg(QString::fromStdString(s.leftOut[i].reason));
    if (s.leftOut.size() > kLeftOutTooltipRows)
        tip << tr("\u2026 click for all %1").arg(s.leftOut.size());
    m_status->setToolTip(tip.isEmpty() ? tr("No rows were left out") : tip.join(QLatin1Char('\n')));

    // How the file was read where a choice was made (e.g. two columns could be D).
    QStringList notes;
    for (const std::string& note : s.notes)
        notes << QString::fromStdString(note);
    m_notes->setVisible(!notes.isEmpty());
    m_notes->setText((notes.size() == 1 ? tr("1 import note") : tr("%1 import notes").arg(notes.size()))
                     + QStringLiteral(" \u2014 "));
    m_notes->setToolTip(notes.join(QLatin1Char('\n')));
}

void MainWindow::showLeftOutRows()
{
    LeftOutRowsDialog dialog(m_document->sweep(), this);
    dialog.exec();
}

void MainWindow::chooseAndOpen()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Run Table"), Settings::lastDirectory().value(),
                                                      LoadController::fileDialogFilters().join(QStringLiteral(";;")));
    if (path.isEmpty())
        return;
    Settings::lastDirectory().setValue(QFileInfo(path).absolutePath());
    openFile(path);
}

void MainWindow::chooseAndExport(bool svg)
{
    const QString base = QFileInfo(m_document->sourcePath()).completeBaseName();
    const QString suggested = QDir(Settings::lastDirectory().value())
                                  .filePath((base.isEmpty() ? QStringLiteral("chart") : base)
                                            + (svg ? QStringLiteral(".svg") : QStringLiteral(".png")));
    const QString path = QFileDialog::getSaveFileName(
        this, svg ? tr("Export Chart as SVG") : tr("Export Chart as PNG"), suggested,
        svg ? tr("SVG image (*.svg)") : tr("PNG image (*.png)"));
    if (path.isEmpty())
        return;
    Settings::lastDirectory().setValue(QFileInfo(path).absolutePath());
    if (!(svg ? exportSvg(path) : exportPng(path)))
        QMessageBox::critical(this, tr("Export failed"), tr("Could not write %1.").arg(path));
}

bool MainWindow::exportPng(const QString& path)
{
    return ChartExporter::savePng(m_chart, path);
}

bool MainWindow::exportSvg(const QString& path)
{
    return ChartExporter::saveSvg(m_chart, path, QFileInfo(m_document->sourcePath()).fileName());
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.front().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.isEmpty() || !urls.front().isLocalFile())
        return;
    event->acceptProposedAction();
    const QString path = urls.front().toLocalFile();
    // Open after the drop returns, so a mapping dialog does not run inside the drag loop.
    QTimer::singleShot(0, this, [this, path] { openFile(path); });
}

void MainWindow::restoreLayout()
{
    restoreGeometry(Settings::windowGeometry().value());
    restoreState(Settings::windowState().value());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    m_document->cancelLoad();
    m_fits->cancel();
    Settings::windowGeometry().setValue(saveGeometry());
    Settings::windowState().setValue(saveState());
    QMainWindow::closeEvent(event);
}

} // namespace ui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/MainWindow.h"

#include "ui/BudgetPanel.h"
#include "ui/BundledSample.h"
#include "ui/FitController.h"
#include "ui/ChartToolBar.h"
#include "ui/ChartViews.h"
#include "ui/CommandLine.h"
#include "ui/PresentationMode.h"
#include "ui/FitPanel.h"
#include "ui/TaskProgressWidget.h"
#include "ui/ChartExporter.h"
#include "ui/Document.h"
#include "ui/LeftOutRowsDialog.h"
#include "ui/LoadController.h"
#include "ui/LogLogChartView.h"
#include "ui/NumberFormat.h"
#include "ui/OverlayLayer.h"
#include "ui/PinnedModelPanel.h"
#include "ui/ProjectController.h"
#include "ui/RecentFilesMenu.h"
#include "ui/RunListWidget.h"
#include "ui/Settings.h"

#include <QActionGroup>
#include <QClipboard>
#include <QGuiApplication>
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
#include <QPushButton>
#include <QStatusBar>
#include <QScreen>
#include <QTimer>
#include <QToolBar>
#include <QUrl>
#include <QVBoxLayout>

#include <cmath>
#include <cstdio>
#include <limits>

namespace ui {

namespace {
constexpr int kLeftOutTooltipRows = 12;
}

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_document(new Document(this)), m_runList(new RunListWidget(m_document, this)),
      m_loader(new LoadController(m_document, this)), m_fits(new FitController(m_document, this)),
      m_fitPanel(new FitPanel(m_document, m_fits, this)), m_budget(new BudgetPanel(this)),
      m_task(new TaskProgressWidget(this)), m_views(new ChartViews(m_document, m_fits, m_budget, this)),
      m_chart(m_views->lossChart())
{
    setWindowTitle(QStringLiteral("ScaleLab"));
    m_projects = new ProjectController(m_document, m_fits, this);
    m_projects->setChartRangeAccess(
        [this]() -> std::optional<ChartRange> {
            const auto [xLo, xHi] = m_chart->visibleXRange();
            const auto [yLo, yHi] = m_chart->visibleYRange();
            return ChartRange{xLo, xHi, yLo, yHi};
        },
        [this](const ChartRange& r) {
            m_fitShown = true; // keep the saved zoom when the refit lands (no first-fit reset)
            m_chart->setVisibleRange(r.xLo, r.xHi, r.yLo, r.yHi);
        });
    connect(m_projects, &ProjectController::titleChanged, this, &MainWindow::updateTitle);
    connect(m_projects, &ProjectController::failed, this, [this](const QString&, const QString& message) {
        if (m_loader->isInteractive())
            QMessageBox::critical(this, tr("Project"), message);
        else
            std::fprintf(stderr, "%s\n", message.toLocal8Bit().constData());
    });
    connect(m_projects, &ProjectController::opened, this,
            [this](const QString& path, const QStringList& warnings) {
                if (path == m_projects->projectPath()) // not a recovery file
                    m_recent->addFile(path);
                statusBar()->showMessage(tr("Opened %1").arg(m_projects->displayName()), 5000);
                const QString text = warnings.join(QLatin1Char('\n'));
                if (warnings.isEmpty())
                    return;
                if (m_loader->isInteractive())
                    QMessageBox::warning(this, tr("Project opened with warnings"), text);
                else
                    std::fprintf(stderr, "%s\n", text.toLocal8Bit().constData());
            });
    connect(m_projects, &ProjectController::refitDiffers, this,
            [this](const QString& message) { statusBar()->showMessage(message, 15000); });
    setCentralWidget(m_views);
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
    m_pinned = new PinnedModelPanel(this);
    auto* budgetBox = new QWidget(this);
    auto* budgetColumn = new QVBoxLayout(budgetBox);
    budgetColumn->setContentsMargins(0, 0, 0, 0);
    budgetColumn->addWidget(m_budget);
    budgetColumn->addWidget(m_pinned);
    budgetColumn->addStretch(1);
    budgetDock->setWidget(budgetBox);
    m_pinned->setBudget(m_budget->budget());
    connect(m_budget, &BudgetPanel::budgetChanged, m_pinned, &PinnedModelPanel::setBudget);
    addDockWidget(Qt::RightDockWidgetArea, budgetDock);
    resizeDocks({dock, fitDock}, {360, 430}, Qt::Horizontal);
    statusBar()->addWidget(m_task);
    connect(m_task, &TaskProgressWidget::cancelRequested, this, [this] {
        if (m_document->isLoading())
            m_document->cancelLoad();
        else
            m_fits->cancel();
    });
    connect(m_document, &Document::loadStarted, this,
            [this](const QString& path) { m_task->showProgress(tr("Loading %1").arg(QFileInfo(path).fileName()), 0.0); });
    connect(m_document, &Document::loadProgress, this, [this](double fraction) {
        if (m_document->isLoading())
            m_task->setFraction(fraction);
    });
    for (auto signal : {&Document::loaded, &Document::loadCanceled})
        connect(m_document, signal, m_task, [this] {
            if (!m_fits->isBusy())
                m_task->finish();
        });
    connect(m_document, &Document::loadFailed, m_task, [this] {
        if (!m_fits->isBusy())
            m_task->finish();
    });
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
    connect(m_document, &Document::changed, this, [this](Document::Changes what) {
        if (what & Document::Change::Sweep)
            m_fitShown = false;
    });
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

MainWindow::~MainWindow()
{
    // Children outlive this destructor body (QObject deletes them later) and may still emit, e.g.
    // the project controller on its way out: nothing may reach this half-destroyed window.
    for (QObject* child : findChildren<QObject*>())
        disconnect(child, nullptr, this, nullptr);
}

void MainWindow::createActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open\u2026"), QKeySequence::Open, this, &MainWindow::chooseAndOpen);
    m_recent = new RecentFilesMenu(this);
    connect(m_recent, &RecentFilesMenu::openRequested, this, [this](const QString& p) { openFile(p); });
    file->addMenu(m_recent);
    file->addAction(tr("Open &Sample"), this, [this] { openSample(); });
    file->addSeparator();
    file->addAction(tr("Open P&roject\u2026"), this, &MainWindow::chooseAndOpenProject);
    file->addAction(tr("&Save Project"), QKeySequence(Qt::CTRL | Qt::Key_S), this,
                    [this] { m_projects->save(this); });
    file->addAction(tr("Save Project &As\u2026"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), this,
                    [this] { m_projects->saveAs(this); });
    file->addSeparator();
    QMenu* exportMenu = file->addMenu(tr("&Export Chart"));
    for (int dpi : ChartExporter::pngDpiChoices())
        exportMenu->addAction(tr("PNG at %1 DPI\u2026").arg(dpi), this, [this, dpi] { chooseAndExport(QStringLiteral("png"), dpi); });
    exportMenu->addAction(tr("SVG (vector)\u2026"), this, [this] { chooseAndExport(QStringLiteral("svg"), 96); });
    exportMenu->addAction(tr("PDF (vector)\u2026"), this, [this] { chooseAndExport(QStringLiteral("pdf"), 96); });
    QMenu* copyMenu = file->addMenu(tr("&Copy Fit and Allocation"));
    copyMenu->addAction(tr("as &Markdown"), this, [this] { copyResults(core::TableFormat::Markdown); });
    copyMenu->addAction(tr("as &LaTeX"), this, [this] { copyResults(core::TableFormat::Latex); });
    copyMenu->addAction(tr("as &CSV"), this, [this] { copyResults(core::TableFormat::Csv); });
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

    m_tools = new ChartToolBar(m_document, this);
    addToolBar(m_tools);
    m_tools->addViewActionsTo(view);
    view->addSeparator();
    m_presentation = new PresentationMode(this, m_views);
    view->addAction(m_presentation->action());
    view->addSeparator();
    QToolBar* tools = m_tools;
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
    // Recent files, drag and drop and the Open dialog lead here; a project opens as a project.
    if (QFileInfo(path).suffix().compare(QLatin1String(kProjectSuffix), Qt::CaseInsensitive) == 0)
        return openProject(path);
    if (!m_projects->maybeSave(this))
        return false;
    return m_loader->open(path, options);
}

bool MainWindow::openProject(const QString& path)
{
    if (!m_projects->maybeSave(this))
        return false;
    return m_projects->open(path); // errors arrive through ProjectController::failed
}

bool MainWindow::offerRecovery()
{
    const QStringList files = m_projects->orphanedRecoveryFiles();
    if (files.isEmpty())
        return false;
    const auto state = readProjectFile(files.front());
    QString what = QFileInfo(files.front()).fileName();
    if (state)
        what = QFileInfo(state->originalProjectPath.isEmpty() ? state->dataPath : state->originalProjectPath)
                   .fileName();
    QMessageBox box(QMessageBox::Question, tr("Recover unsaved changes?"),
                    tr("ScaleLab did not close normally. Recover the unsaved changes to %1?").arg(what),
                    QMessageBox::NoButton, this);
    QPushButton* recover = box.addButton(tr("Recover"), QMessageBox::AcceptRole);
    QPushButton* discard = box.addButton(tr("Discard"), QMessageBox::DestructiveRole);
    box.addButton(tr("Later"), QMessageBox::RejectRole);
    box.setDefaultButton(recover);
    box.exec();
    if (box.clickedButton() == discard)
        m_projects->discardRecovery();
    return box.clickedButton() == recover && m_projects->recover();
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
    m_projects->setInteractive(interactive);
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
    updateTitle();
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
        m_pinned->setModel(nullptr, {});
        updateOverlay();
        return;
    }
    std::vector<std::vector<double>> draws;
    if (result->bootstrap)
        draws = result->bootstrap->draws;
    m_budget->setModel(result->law, result->fit.result.params, std::move(draws));
    m_pinned->setModel(result->law, result->fit.result.params);
    updateOverlay();
    if (!m_fitShown) { // the first fit of a sweep: show the data and the budget's optimum
        m_fitShown = true;
        m_chart->resetZoom();
    }
}

void MainWindow::updateOverlay()
{
    m_views->refresh();
    // The key numbers, as the budget panel shows them, for presentation mode.
    QStringList lines;
    if (m_budget->allocation()) {
        lines << tr("C = %1 FLOPs").arg(NumberFormat::flops(m_budget->budget()))
              << tr("N_opt = %1").arg(m_budget->nLabel()->text()) << tr("D_opt = %1").arg(m_budget->dLabel()->text())
              << tr("D/N = %1").arg(m_budget->ratioLabel()->text()) << tr("Loss = %1").arg(m_budget->lossLabel()->text());
        if (m_fits->result() != nullptr)
            lines << tr("%1 fit, %2 runs").arg(QString::fromStdString(m_fits->resultSpec().lawId)).arg(m_fits->result()->data.size());
    }
    m_presentation->setAnnotationText(lines.join(QLatin1Char('\n')));
}

void MainWindow::applyOnLoad(const StartupOptions& startup)
{
    connect(m_document, &Document::loaded, this, [this, startup] {
        if (!startup.law.isEmpty()) {
            core::FitJobSpec spec = m_document->fitSpec();
            spec.lawId = startup.law.toStdString();
            m_document->setFitSpec(spec, tr("Fit law %1").arg(startup.law));
        }
        if (!startup.x.isEmpty())
            m_document->setXQuantity(*core::xQuantityFromName(startup.x.toStdString()));
        if (startup.budget)
            m_document->setBudget(*startup.budget);
        const QStringList views{QStringLiteral("loss"), QStringLiteral("isoflop"), QStringLiteral("allocation"), QStringLiteral("residuals")};
        if (!startup.view.isEmpty())
            m_document->setView(static_cast<Document::View>(views.indexOf(startup.view)));
        m_document->undoStack()->clear(); // the starting state, not edits
        if (startup.presentation)
            m_presentation->setEnabled(true);
    }, Qt::SingleShotConnection);
}

QComboBox* MainWindow::colorByCombo() const
{
    return m_tools->colorByCombo();
}

QActionGroup* MainWindow::xQuantityGroup() const
{
    return m_tools->xQuantityGroup();
}

QActionGroup* MainWindow::viewGroup() const
{
    return m_tools->viewGroup();
}

QChartView* MainWindow::currentChart() const
{
    return m_views->current();
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

void MainWindow::updateTitle()
{
    // "law.scalelab* — ScaleLab" with unsaved changes; the data file's name before any project.
    if (m_projects->projectPath().isEmpty() && m_document->sourcePath().isEmpty()) {
        setWindowTitle(QStringLiteral("ScaleLab"));
        return;
    }
    setWindowTitle(m_projects->displayName() + (m_projects->needsSave() ? QStringLiteral("*") : QString())
                   + QStringLiteral(" \u2014 ScaleLab"));
}

void MainWindow::chooseAndOpenProject()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open Project"), Settings::lastDirectory().value(),
                                     tr("ScaleLab project (*.%1)").arg(QLatin1String(kProjectSuffix)));
    if (path.isEmpty())
        return;
    Settings::lastDirectory().setValue(QFileInfo(path).absolutePath());
    openProject(path);
}

void MainWindow::chooseAndOpen()
{
    // Projects open from here too: "*.scalelab" joins "All supported files" and has its own filter.
    QStringList filters = LoadController::fileDialogFilters();
    const QString pattern = QStringLiteral("*.") + QLatin1String(kProjectSuffix);
    filters.front().insert(filters.front().lastIndexOf(QLatin1Char(')')), QLatin1Char(' ') + pattern);
    filters.insert(1, tr("ScaleLab project (%1)").arg(pattern));
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Run Table or Project"),
                                                      Settings::lastDirectory().value(),
                                                      filters.join(QStringLiteral(";;")));
    if (path.isEmpty())
        return;
    Settings::lastDirectory().setValue(QFileInfo(path).absolutePath());
    openFile(path);
}

void MainWindow::chooseAndExport(const QString& format, int dpi)
{
    const QString base = QFileInfo(m_document->sourcePath()).completeBaseName();
    const QString suggested = QDir(Settings::lastDirectory().value())
                                  .filePath((base.isEmpty() ? QStringLiteral("chart") : base) + QLatin1Char('.') + format);
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Chart"), suggested,
                                                      tr("%1 file (*.%2)").arg(format.toUpper(), format));
    if (path.isEmpty())
        return;
    Settings::lastDirectory().setValue(QFileInfo(path).absolutePath());
    QString error;
    if (!exportChart(path, dpi, &error))
        QMessageBox::critical(this, tr("Export failed"), tr("Could not write %1:\n%2").arg(path, error));
}

bool MainWindow::exportChart(const QString& path, int dpi, QString* error)
{
    return ChartExporter::save(currentChart(), path, dpi, QFileInfo(m_document->sourcePath()).fileName(), error);
}

QString MainWindow::resultsText(core::TableFormat format) const
{
    const auto& result = m_fits->result();
    if (result == nullptr)
        return {};
    core::ResultTableInput in = core::resultTableInput(result->fit.result, m_fits->resultSpec().objective,
                                                       result->bootstrap ? &*result->bootstrap : nullptr);
    in.law = m_fits->resultSpec().lawId;
    in.points = result->data.size();
    in.allocation = m_budget->allocation();
    in.allocationIntervals = m_budget->intervals();
    return QString::fromStdString(core::formatResultTables(in, format));
}

void MainWindow::copyResults(core::TableFormat format)
{
    const QString text = resultsText(format);
    if (text.isEmpty()) {
        statusBar()->showMessage(tr("No fit to copy yet."), 4000);
        return;
    }
    QGuiApplication::clipboard()->setText(text);
    statusBar()->showMessage(tr("Copied the fit and the allocation."), 4000);
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
    if (!m_projects->maybeSave(this)) {
        event->ignore();
        return;
    }
    m_document->cancelLoad();
    m_fits->cancel();
    Settings::windowGeometry().setValue(saveGeometry());
    Settings::windowState().setValue(saveState());
    QMainWindow::closeEvent(event);
}

} // namespace ui

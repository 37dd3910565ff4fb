// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/MainWindow.h"

#include "ui/BudgetPanel.h"
#include "ui/BundledSample.h"
#include "ui/FitController.h"
#include "ui/ChartToolBar.h"
#include "ui/ChartViews.h"
#include "ui/PresentationMode.h"
#include "ui/FitPanel.h"
#include "ui/DataMenu.h"
#include "ui/DockScrollArea.h"
#include "ui/ResultActions.h"
#include "ui/WindowStatus.h"
#include "ui/ChartExporter.h"
#include "ui/Document.h"
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
#include <QStatusBar>
#include <QScreen>
#include <QTimer>
#include <QToolBar>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace ui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_document(new Document(this)), m_runList(new RunListWidget(m_document, this)),
      m_loader(new LoadController(m_document, this)), m_fits(new FitController(m_document, this)),
      m_fitPanel(new FitPanel(m_document, m_fits, this)), m_budget(new BudgetPanel(this)),
      m_views(new ChartViews(m_document, m_fits, m_budget, this)), m_chart(m_views->lossChart()),
      m_windowStatus(new WindowStatus(m_document, m_fits, statusBar(), this)),
      m_results(new ResultActions(m_document, m_fits, m_budget, m_views, this))
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
    fitDock->setWidget(new DockScrollArea(m_fitPanel, fitDock));
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
    budgetDock->setWidget(new DockScrollArea(budgetBox, budgetDock));
    m_pinned->setBudget(m_budget->budget());
    connect(m_budget, &BudgetPanel::budgetChanged, m_pinned, &PinnedModelPanel::setBudget);
    addDockWidget(Qt::RightDockWidgetArea, budgetDock);
    connect(m_fits, &FitController::busyChanged, this, &MainWindow::updateOverlay); // stale fits are drawn faded
    connect(m_results, &ResultActions::message, this, [this](const QString& text) { statusBar()->showMessage(text, 4000); });
    connect(m_fits, &FitController::resultChanged, this, &MainWindow::onFitChanged);
    connect(m_budget, &BudgetPanel::budgetChanged, m_document, &Document::setBudget);

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
    // A roomy default that still fits a small or projector screen (the docks scroll rather than
    // push the window off it); the docks' widths scale with the window's. The height is what the
    // docks ask for whole (their size hints, plus the fit summary's six or so lines that arrive
    // with the first fit), when the screen has it.
    const int summaryHeight = 6 * fontMetrics().lineSpacing();
    const QSize wanted(1400, std::max(860, sizeHint().height() + summaryHeight));
    const QSize size = screen() ? wanted.boundedTo(screen()->availableGeometry().size() * 0.94) : wanted;
    resize(size);
    const int runsWidth = std::clamp(size.width() * 27 / 100, 260, 360);
    const int fitWidth = std::clamp(size.width() * 30 / 100, 320, 430);
    resizeDocks({dock, fitDock}, {runsWidth, fitWidth}, Qt::Horizontal);
    // Shared in proportion to what each needs, so that on a short screen both scroll a little.
    resizeDocks({fitDock, budgetDock}, {fitDock->sizeHint().height() + summaryHeight, budgetDock->sizeHint().height()},
                Qt::Vertical);
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
    file->addAction(tr("Open &Folder of Runs\u2026"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), this,
                    &MainWindow::chooseAndOpenFolder)
        ->setToolTip(tr("Find every run under a folder: TensorBoard, MLflow, W&B, Hugging Face, per-run JSON and tables"));
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
    m_results->addTo(file);
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

    menuBar()->addMenu(new DataMenu(m_document, this));

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
        lines << tr("C = %1 FLOPs").arg(NumberFormat::budget(m_budget->budget()))
              << tr("N_opt = %1").arg(m_budget->nLabel()->text()) << tr("D_opt = %1").arg(m_budget->dLabel()->text())
              << tr("D/N = %1").arg(m_budget->ratioLabel()->text()) << tr("Loss = %1").arg(m_budget->lossLabel()->text());
        if (m_fits->result() != nullptr)
            lines << tr("%1 fit, %2 runs").arg(QString::fromStdString(m_fits->resultSpec().lawId)).arg(m_fits->result()->data.size());
    }
    m_presentation->setAnnotationText(lines.join(QLatin1Char('\n')));
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

void MainWindow::chooseAndOpenFolder()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open Folder of Runs"),
                                                          Settings::lastDirectory().value());
    if (dir.isEmpty())
        return;
    Settings::lastDirectory().setValue(dir);
    openFile(dir);
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

bool MainWindow::exportChart(const QString& path, int dpi, QString* error)
{
    return m_results->exportChart(path, dpi, error);
}

QString MainWindow::resultsText(core::TableFormat format) const
{
    return m_results->resultsText(format);
}

QString MainWindow::statusText() const
{
    return m_windowStatus->statusText();
}

QString MainWindow::notesText() const
{
    return m_windowStatus->notesText();
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

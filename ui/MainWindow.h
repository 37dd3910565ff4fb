// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/ImportOptions.h"
#include "core/report/ResultTables.h"

#include <QChartView>
#include <QMainWindow>

#include <memory>

class QActionGroup;
class QComboBox;
class QLabel;

namespace ui {

class BudgetPanel;
class BundledSample;
class Document;
class FitController;
class FitPanel;
class ResultActions;
class WindowStatus;
class LoadController;
class LogLogChartView;
class ChartToolBar;
class PinnedModelPanel;
class PresentationMode;
class ChartViews;
class ProjectController;
class RecentFilesMenu;
class RunListWidget;

/// The main window: the log-log chart in the centre, the run list in a dock, an x-quantity and a
/// colour-by selector in the toolbar, File (Open, Open Recent, Open Sample, Export PNG/SVG), Edit
/// (Undo/Redo), View menus, drag and drop of a file, and a status bar "R runs, P points, K rows
/// left out" whose count opens the list of left-out rows. Only wires actions to the Document,
/// LoadController and views; owns all of them. GUI thread only.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Opens `path` (preview, mapping dialog if unsure, threaded load).
    bool openFile(const QString& path, const core::ImportOptions& options = {});
    /// Opens the ScaleLab project at `path` (data file, fit, exclusions, budget, view) after
    /// offering to save unsaved changes; errors are shown (or printed when not interactive).
    bool openProject(const QString& path);
    [[nodiscard]] ProjectController* projects() const { return m_projects; }
    /// Opens the bundled sample sweep (copied from the resources to a temporary file).
    bool openSample(const core::ImportOptions& options = {});
    [[nodiscard]] PresentationMode* presentation() const { return m_presentation; }
    /// Restores the window geometry and dock layout saved when it was last closed.
    void restoreLayout();
    /// Without dialogs (errors and unsure columns go to stderr); for tests and automation.
    void setInteractive(bool interactive);

    [[nodiscard]] Document* document() const { return m_document; }
    [[nodiscard]] LoadController* loader() const { return m_loader; }
    [[nodiscard]] LogLogChartView* chartView() const { return m_chart; }
    [[nodiscard]] ChartViews* views() const { return m_views; }
    /// The chart of the current view (what export and presentation mode show).
    [[nodiscard]] QChartView* currentChart() const;
    [[nodiscard]] QActionGroup* viewGroup() const;
    [[nodiscard]] RunListWidget* runList() const { return m_runList; }
    [[nodiscard]] FitController* fitController() const { return m_fits; }
    [[nodiscard]] FitPanel* fitPanel() const { return m_fitPanel; }
    [[nodiscard]] BudgetPanel* budgetPanel() const { return m_budget; }
    [[nodiscard]] PinnedModelPanel* pinnedPanel() const { return m_pinned; }
    [[nodiscard]] WindowStatus* windowStatus() const { return m_windowStatus; }
    [[nodiscard]] QComboBox* colorByCombo() const;
    [[nodiscard]] QActionGroup* xQuantityGroup() const;
    /// The status bar text without markup, e.g. "85 runs, 85 points, 0 rows left out".
    [[nodiscard]] QString statusText() const;
    /// The importer's notes on the current sweep shown in the status bar, one per line ("" if none).
    [[nodiscard]] QString notesText() const;

    /// Writes the current view's chart to `path` as PNG (at `dpi`), SVG or PDF by its suffix
    /// (ChartExporter::save); false with `error` set when it could not be written.
    bool exportChart(const QString& path, int dpi = 96, QString* error = nullptr);
    /// The fit and the allocation at the current budget as a table (empty before the first fit).
    [[nodiscard]] QString resultsText(core::TableFormat format) const;


protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void onDocumentChanged();

    void chooseAndOpen();
    void chooseAndOpenFolder();
    void chooseAndOpenProject();
    void updateTitle();
    void onFitChanged();
    void updateOverlay();
    void onBudgetChanged();

    Document* m_document;
    RunListWidget* m_runList;
    LoadController* m_loader;
    FitController* m_fits;
    FitPanel* m_fitPanel;
    BudgetPanel* m_budget;
    ChartViews* m_views;
    LogLogChartView* m_chart; ///< m_views->lossChart()
    WindowStatus* m_windowStatus;
    ResultActions* m_results;
    ChartToolBar* m_tools = nullptr;
    PresentationMode* m_presentation = nullptr;
    ProjectController* m_projects = nullptr;
    PinnedModelPanel* m_pinned = nullptr;
    RecentFilesMenu* m_recent = nullptr;
    std::unique_ptr<BundledSample> m_sample;
    bool m_fitShown = false; ///< the current sweep's first fit has been shown (zoom reset once)
};

} // namespace ui

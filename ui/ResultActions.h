// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/report/ResultTables.h"

#include <QObject>
#include <QString>

class QMenu;
class QWidget;

namespace ui {

class BudgetPanel;
class ChartViews;
class Document;
class FitController;

/// What leaves the window: the current view's chart exported as PNG (96, 150 or 300 DPI), SVG or
/// PDF (ChartExporter, vector for SVG and PDF), and the fit with the allocation at the current
/// budget copied as Markdown, LaTeX or CSV (core::formatResultTables). addTo() puts the actions in
/// the File menu; the rest is callable directly (tests). Does not own what it reads. GUI thread only.
class ResultActions : public QObject {
    Q_OBJECT
public:
    ResultActions(Document* document, FitController* fits, BudgetPanel* budget, ChartViews* views, QWidget* window);

    /// Adds "Export Chart" and "Copy Fit and Allocation" submenus to `menu`.
    void addTo(QMenu* menu);
    /// Writes the current view's chart to `path` by its suffix (png at `dpi`, svg, pdf); false with
    /// `error` set when it could not be written.
    bool exportChart(const QString& path, int dpi = 96, QString* error = nullptr) const;
    /// The fit and the allocation as a table (empty before the first fit).
    [[nodiscard]] QString resultsText(core::TableFormat format) const;
    /// Copies resultsText(format) to the clipboard; a status message says what happened.
    void copyResults(core::TableFormat format);

Q_SIGNALS:
    /// A short message for the status bar.
    void message(const QString& text);

private:
    void chooseAndExport(const QString& format, int dpi);

    Document* m_document;
    FitController* m_fits;
    BudgetPanel* m_budget;
    ChartViews* m_views;
    QWidget* m_window;
};

} // namespace ui

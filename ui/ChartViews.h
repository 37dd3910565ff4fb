// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/Document.h"
#include "ui/FitOverlayBuilder.h"

#include <QStackedWidget>

class QChartView;

namespace ui {

class FitController;
class LogLogChartView;
class OverlayChartView;
class BudgetPanel;

/// The central area: the four views of a fit in one stack. Loss and IsoFLOP share the log-log
/// loss chart (LogLogChartView, with different overlays); Allocation and Residuals have their own
/// OverlayChartView. refresh() shows the Document's view and rebuilds its overlay from the
/// FitController's curves and the BudgetPanel's allocation, which is all it reads (no math here).
/// Owns the charts; does not own the Document, FitController or BudgetPanel. GUI thread only.
class ChartViews : public QStackedWidget {
    Q_OBJECT
public:
    ChartViews(Document* document, FitController* fits, BudgetPanel* budget, QWidget* parent = nullptr);

    /// Shows the Document's view and redraws its overlay.
    void refresh();
    /// The chart of `view` (the loss chart for Data and IsoFlop).
    [[nodiscard]] QChartView* chartOf(Document::View view) const;
    [[nodiscard]] QChartView* current() const { return chartOf(m_document->view()); }
    /// All distinct charts, for styling and tests.
    [[nodiscard]] QList<QChartView*> charts() const;

    [[nodiscard]] LogLogChartView* lossChart() const { return m_loss; }
    [[nodiscard]] OverlayChartView* allocationChart() const { return m_allocation; }
    [[nodiscard]] OverlayChartView* residualChart() const { return m_residuals; }

private:
    [[nodiscard]] FitOverlayBuilder::Inputs inputs() const;

    Document* m_document;
    FitController* m_fits;
    BudgetPanel* m_budget;
    LogLogChartView* m_loss;
    OverlayChartView* m_allocation;
    OverlayChartView* m_residuals;
};

} // namespace ui

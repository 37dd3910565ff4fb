// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ChartViews.h"

#include "ui/AnalysisOverlayBuilder.h"
#include "ui/BudgetPanel.h"
#include "ui/FitController.h"
#include "ui/LogLogChartView.h"
#include "ui/OverlayChartView.h"

#include <cmath>

namespace ui {

ChartViews::ChartViews(Document* document, FitController* fits, BudgetPanel* budget, QWidget* parent)
    : QStackedWidget(parent), m_document(document), m_fits(fits), m_budget(budget),
      m_loss(new LogLogChartView(document, this)), m_allocation(new OverlayChartView(true, this)),
      m_residuals(new OverlayChartView(false, this))
{
    addWidget(m_loss);
    addWidget(m_allocation);
    addWidget(m_residuals);
    m_allocation->setTitles(tr("Training compute C (FLOPs)"), tr("Compute-optimal N (parameters) and D (tokens)"));
    m_residuals->setTitles(QString(), tr("ln(predicted / observed loss)"));
}

QChartView* ChartViews::chartOf(Document::View view) const
{
    switch (view) {
    case Document::View::Allocation:
        return m_allocation;
    case Document::View::Residuals:
        return m_residuals;
    default:
        return m_loss;
    }
}

QList<QChartView*> ChartViews::charts() const
{
    return {m_loss, m_allocation, m_residuals};
}

FitOverlayBuilder::Inputs ChartViews::inputs() const
{
    FitOverlayBuilder::Inputs in;
    in.views = m_fits->views().get();
    in.result = m_fits->result().get();
    in.x = m_document->xQuantity();
    in.optimum = m_budget->allocation();
    in.stale = m_fits->isBusy() && !(m_fits->resultSpec() == m_document->fitSpec());
    in.range = m_document->fitSpec().range;
    in.runColor = [doc = m_document](std::size_t run) { return doc->runColor(static_cast<int>(run)); };
    return in;
}

void ChartViews::refresh()
{
    setCurrentWidget(current());
    const FitOverlayBuilder::Inputs in = inputs();
    // Reset Zoom also shows the budget's optimum on the loss chart.
    std::optional<QPointF> extra;
    if (in.optimum && in.optimum->loss > 0) {
        const core::Allocation& a = *in.optimum;
        const double x = m_document->view() == Document::View::IsoFlop || in.x == core::XQuantity::N ? a.N
                         : in.x == core::XQuantity::D                                                  ? a.D
                                                                                                       : a.C;
        if (x > 0)
            extra = QPointF(std::log10(x), std::log10(a.loss));
    }
    m_loss->setHomeExtra(extra);
    // Runs the fit itself leaves out (highest losses dropped, outside the range) are drawn hollow.
    std::vector<char> leftOut;
    if (in.result != nullptr && (m_fits->resultSpec().selection.excludeTopLoss > 0 || m_fits->resultSpec().range)) {
        const core::Sweep& sweep = m_document->sweep();
        leftOut.assign(sweep.runs.size(), 1);
        for (std::size_t r : in.result->data.run)
            if (r < leftOut.size())
                leftOut[r] = 0;
        for (std::size_t r = 0; r < sweep.runs.size(); ++r)
            if (m_document->isRunExcluded(static_cast<int>(r)))
                leftOut[r] = 0; // drawn hollow anyway
    }
    m_loss->setLeftOutByFit(std::move(leftOut));
    switch (m_document->view()) {
    case Document::View::Data:
        m_loss->overlay()->setContent(FitOverlayBuilder::lossView(in));
        break;
    case Document::View::IsoFlop:
        m_loss->overlay()->setContent(FitOverlayBuilder::isoFlopView(in));
        break;
    case Document::View::Allocation:
        m_allocation->setContent(AnalysisOverlayBuilder::allocationView(in), true);
        break;
    case Document::View::Residuals: {
        static const char* const kTitles[] = {"Parameters N", "Training tokens D", "Training compute C (FLOPs)"};
        m_residuals->setTitles(tr(kTitles[static_cast<int>(in.x)]), tr("ln(predicted / observed loss)"));
        m_residuals->setXTickStyle(in.x == core::XQuantity::C ? core::TickStyle::Scientific : core::TickStyle::Count);
        m_residuals->setContent(AnalysisOverlayBuilder::residualView(in));
        break;
    }
    }
}

} // namespace ui

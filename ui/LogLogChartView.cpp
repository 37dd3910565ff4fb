// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/LogLogChartView.h"

#include "core/plot/Decimator.h"
#include "ui/ChartNavigator.h"
#include "ui/ChartStyle.h"
#include "ui/CurveLayer.h"
#include "ui/Document.h"
#include "ui/LogTickAxis.h"
#include "ui/NumberFormat.h"
#include "ui/OverlayLayer.h"
#include "ui/PlotGeometry.h"

#include <QChart>
#include <QCursor>
#include <QLegend>
#include <QLegendMarker>
#include <QPainter>
#include <QScatterSeries>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <limits>

namespace ui {

namespace {
constexpr int kRedecimateDelayMs = 30;
constexpr double kPadFraction = 0.05;
constexpr double kMinSpanDecades = 1e-6;

QList<QPointF> toLogPoints(const core::PlotPoints& pts)
{
    QList<QPointF> out;
    out.reserve(static_cast<qsizetype>(pts.size()));
    for (std::size_t i = 0; i < pts.size(); ++i)
        out.append(QPointF(std::log10(pts.x[i]), std::log10(pts.y[i])));
    return out;
}

QPolygonF toLogPolygon(const core::PlotPoints& pts)
{
    return QPolygonF(toLogPoints(pts));
}

QString xText(core::XQuantity q, double v)
{
    switch (q) {
    case core::XQuantity::N: return QStringLiteral("N = ") + NumberFormat::count(v);
    case core::XQuantity::D: return QStringLiteral("D = ") + NumberFormat::count(v);
    case core::XQuantity::C: return QStringLiteral("C = ") + NumberFormat::flops(v) + QStringLiteral(" FLOPs");
    }
    return {};
}

void padRange(double range[2], double lo, double hi)
{
    if (!(lo <= hi)) { // no points
        range[0] = 0;
        range[1] = 1;
        return;
    }
    const double pad = std::max((hi - lo) * kPadFraction, 0.02);
    range[0] = lo - pad;
    range[1] = hi + pad;
}
} // namespace

LogLogChartView::LogLogChartView(Document* document, QWidget* parent)
    : QChartView(new QChart, parent), m_document(document),
      m_axisX(new LogTickAxis(core::TickStyle::Count)), m_axisY(new LogTickAxis(core::TickStyle::Plain))
{
    QChart* c = chart();
    c->setAnimationOptions(QChart::NoAnimation);
    c->setBackgroundVisible(false); // drawBackground paints the page and the minor grid
    c->setMargins(QMargins(6, 6, 6, 6));
    c->legend()->setAlignment(Qt::AlignRight);
    c->legend()->setMarkerShape(QLegend::MarkerShapeFromSeries);
    c->addAxis(m_axisX, Qt::AlignBottom);
    c->addAxis(m_axisY, Qt::AlignLeft);
    m_axisX->followPlotArea(c);
    m_axisY->followPlotArea(c);
    m_axisY->setTitleText(tr("Loss (nats/token)"));
    setRenderHint(QPainter::Antialiasing);
    setRubberBand(QChartView::NoRubberBand);
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(320, 240);
    new ChartNavigator(this);
    m_curveLayer = new CurveLayer(c, m_axisX, m_axisY);
    m_overlay = new OverlayLayer(c, m_axisX, m_axisY);
    connect(m_curveLayer, &CurveLayer::hovered, this, &LogLogChartView::showHoverTip);

    m_redecimateTimer.setSingleShot(true);
    m_redecimateTimer.setInterval(kRedecimateDelayMs);
    connect(&m_redecimateTimer, &QTimer::timeout, this, &LogLogChartView::redecimate);
    connect(m_axisX, &QValueAxis::rangeChanged, this, [this] {
        scheduleRedecimate();
        viewport()->update();
    });
    connect(m_axisY, &QValueAxis::rangeChanged, viewport(), qOverload<>(&QWidget::update));
    connect(m_document, &Document::changed, this, [this](Document::Changes what) {
        if (what.testAnyFlags(Document::Change::Sweep | Document::Change::XQuantity | Document::Change::Visibility
                              | Document::Change::Colors | Document::Change::FitSettings | Document::Change::Curves))
            rebuild(what.testAnyFlags(Document::Change::Sweep | Document::Change::XQuantity));
    });
    rebuild(true);
}

LogLogChartView::~LogLogChartView() = default;

std::pair<double, double> LogLogChartView::visibleXRange() const
{
    return {m_axisX->dataMin(), m_axisX->dataMax()};
}

std::pair<double, double> LogLogChartView::visibleYRange() const
{
    return {m_axisY->dataMin(), m_axisY->dataMax()};
}

void LogLogChartView::setVisibleRange(double xLo, double xHi, double yLo, double yHi)
{
    if (!(xLo > 0 && xHi > xLo && yLo > 0 && yHi > yLo))
        return;
    m_axisX->setRange(std::log10(xLo), std::log10(xHi));
    m_axisY->setRange(std::log10(yLo), std::log10(yHi));
}

void LogLogChartView::setLeftOutByFit(std::vector<char> runs)
{
    if (runs == m_leftOutByFit)
        return;
    m_leftOutByFit = std::move(runs);
    rebuild(false);
}

bool LogLogChartView::isHollow(int run) const
{
    return m_document->isRunExcluded(run)
           || (run >= 0 && static_cast<std::size_t>(run) < m_leftOutByFit.size() && m_leftOutByFit[static_cast<std::size_t>(run)] != 0);
}

void LogLogChartView::setHomeExtra(std::optional<QPointF> logPoint)
{
    m_homeExtra = logPoint;
    updateHome();
}

void LogLogChartView::updateHome()
{
    if (!m_dataBox) {
        padRange(m_homeX, 1, 0); // no points: the unit range
        padRange(m_homeY, 1, 0);
        return;
    }
    double x0 = m_dataBox->left(), x1 = m_dataBox->right(), y0 = m_dataBox->top(), y1 = m_dataBox->bottom();
    if (m_homeExtra && std::isfinite(m_homeExtra->x()) && std::isfinite(m_homeExtra->y())) {
        x0 = std::min(x0, m_homeExtra->x()); // (QRectF::united would ignore a zero-size rectangle)
        x1 = std::max(x1, m_homeExtra->x());
        y0 = std::min(y0, m_homeExtra->y());
        y1 = std::max(y1, m_homeExtra->y());
    }
    padRange(m_homeX, x0, x1);
    padRange(m_homeY, y0, y1);
}

void LogLogChartView::resetZoom()
{
    m_axisX->setRange(m_homeX[0], m_homeX[1]);
    m_axisY->setRange(m_homeY[0], m_homeY[1]);
}

void LogLogChartView::zoomAt(QPointF viewPos, double factor)
{
    if (!(factor > 0))
        return;
    QPointF anchor = viewToLog(viewPos);
    if (!plotAreaInView().contains(viewPos))
        anchor = QPointF((m_axisX->min() + m_axisX->max()) / 2, (m_axisY->min() + m_axisY->max()) / 2);
    auto zoomAxis = [factor](LogTickAxis* axis, double a) {
        const double lo = a + (axis->min() - a) * factor;
        const double hi = a + (axis->max() - a) * factor;
        if (hi - lo > kMinSpanDecades)
            axis->setRange(lo, hi);
    };
    zoomAxis(m_axisX, anchor.x());
    zoomAxis(m_axisY, anchor.y());
}

int LogLogChartView::seriesCount() const
{
    return curveCount() + markerSeriesCount();
}

QXYSeries* LogLogChartView::series(int index) const
{
    if (index < 0 || index >= seriesCount())
        return nullptr;
    if (index < curveCount())
        return nullptr; // curves are drawn by the CurveLayer, not as series
    return m_markerSeries[static_cast<std::size_t>(index - curveCount())];
}

int LogLogChartView::pointCount(int index) const
{
    if (index >= 0 && index < curveCount())
        return static_cast<int>(m_content.curves[static_cast<std::size_t>(index)].shown.size());
    const QXYSeries* s = series(index);
    return s == nullptr ? 0 : static_cast<int>(s->count());
}

const core::PlotPoints& LogLogChartView::shownPoints(int index) const
{
    static const core::PlotPoints kNone;
    if (index < 0 || index >= seriesCount())
        return kNone;
    if (index < curveCount())
        return m_content.curves[static_cast<std::size_t>(index)].shown;
    return m_content.markers[static_cast<std::size_t>(index - curveCount())].shown;
}

int LogLogChartView::markerCount() const
{
    int n = 0;
    for (const QScatterSeries* s : m_markerSeries)
        n += static_cast<int>(s->count());
    return n;
}

void LogLogChartView::flushPendingUpdate()
{
    if (m_redecimateTimer.isActive())
        redecimate();
}

int LogLogChartView::plotWidthPixels() const
{
    const int w = static_cast<int>(chart()->plotArea().width());
    // Before the first layout the plot area is empty: assume a typical width until resizeEvent.
    return w >= 50 ? w : 800;
}

void LogLogChartView::rebuild(bool resetRange)
{
    chart()->removeAllSeries();
    m_markerSeries.clear();
    updateAxisTitles();

    m_content = RunPlotContent::build(*m_document, [this](int run) { return isHollow(run); });
    std::vector<CurveLayer::Curve> layerCurves;
    layerCurves.reserve(m_content.curves.size());
    for (const RunPlotContent::Curve& c : m_content.curves) {
        CurveLayer::Curve lc;
        lc.name = c.name;
        lc.color = c.color;
        lc.faint = c.faint;
        layerCurves.push_back(std::move(lc));
    }
    m_curveLayer->setCurves(std::move(layerCurves));
    for (std::size_t k = 0; k < m_content.markers.size(); ++k)
        addMarkerSeries(k);
    chart()->legend()->setVisible(!m_content.perRun);

    const RunPlotContent& c = m_content;
    m_dataBox = c.xLo <= c.xHi ? std::optional<QRectF>(QRectF(QPointF(std::log10(c.xLo), std::log10(c.yLo)),
                                                              QPointF(std::log10(c.xHi), std::log10(c.yHi))))
                               : std::nullopt;
    updateHome();
    if (resetRange)
        resetZoom();
    redecimate();
    ChartStyle::apply(chart(), ChartStyle::kind(chart())); // style the new series as the rest
}

void LogLogChartView::addMarkerSeries(std::size_t k)
{
    const RunPlotContent::MarkerGroup& group = m_content.markers[k];
    auto* s = new QScatterSeries;
    s->setName(group.name);
    s->setMarkerSize(9);
    if (group.excluded) {
        s->setColor(Qt::white); // hollow: white fill, the group's colour as the outline
        s->setBorderColor(group.color);
        QPen pen = s->pen();
        pen.setColor(group.color);
        pen.setWidthF(1.6);
        s->setPen(pen);
    } else {
        s->setColor(group.color);
        s->setBorderColor(group.color.darker(150));
    }
    s->replace(toLogPoints(group.shown));
    chart()->addSeries(s);
    s->attachAxis(m_axisX);
    s->attachAxis(m_axisY);
    if (group.legendHidden)
        for (QLegendMarker* lm : chart()->legend()->markers(s))
            lm->setVisible(false);
    m_markerSeries.push_back(s);
    connect(s, &QXYSeries::hovered, this, [this, k](const QPointF& p, bool state) {
        const RunPlotContent::MarkerGroup& m = m_content.markers[k];
        std::size_t best = 0;
        double bestD = std::numeric_limits<double>::infinity();
        const QList<QPointF> points = m_markerSeries[k]->points();
        for (qsizetype j = 0; j < points.size(); ++j) {
            const QPointF d = points[j] - p;
            if (QPointF::dotProduct(d, d) < bestD) {
                bestD = QPointF::dotProduct(d, d);
                best = static_cast<std::size_t>(j);
            }
        }
        if (best >= m.runs.size())
            return;
        const int r = m.runs[best];
        const core::Run& run = m_document->sweep().runs[static_cast<std::size_t>(r)];
        showHoverTip(QString::fromStdString(run.name)
                         + (m_document->isRunExcluded(r) ? tr(" (excluded from the fit)")
                            : isHollow(r)               ? tr(" (left out by the fit's settings)")
                                                        : QString()),
                     points[static_cast<qsizetype>(best)], state);
    });
}

namespace {
constexpr std::size_t kTotalPointBudget = 100'000;
constexpr int kMinColumnsPerCurve = 50;
} // namespace

void LogLogChartView::redecimate()
{
    m_redecimateTimer.stop();
    const double xLo = m_axisX->dataMin();
    const double xHi = m_axisX->dataMax();
    // Each curve gets at most 4 points per pixel column; with many curves the buckets get coarser so
    // the chart as a whole stays near kTotalPointBudget points (Qt Charts redraw time grows with points
    // and with series: see bench_chart in docs/PERFORMANCE.md).
    const int width = plotWidthPixels();
    std::vector<RunPlotContent::Curve>& curves = m_content.curves;
    const int budgetColumns = static_cast<int>(kTotalPointBudget / (4 * std::max<std::size_t>(1, curves.size())));
    const int columns = std::max(std::min(width, kMinColumnsPerCurve), std::min(width, budgetColumns));
    for (std::size_t k = 0; k < curves.size(); ++k) {
        RunPlotContent::Curve& c = curves[k];
        c.shown = core::decimateLogMinMax(c.full, xLo, xHi, columns);
        m_curveLayer->setPoints(k, toLogPolygon(c.shown));
        if (c.bandLower.size() > 0)
            m_curveLayer->setBand(k, toLogPolygon(core::decimateLogMinMax(c.bandLower, xLo, xHi, columns)),
                                  toLogPolygon(core::decimateLogMinMax(c.bandUpper, xLo, xHi, columns)));
    }
}

void LogLogChartView::scheduleRedecimate()
{
    if (!m_content.curves.empty())
        m_redecimateTimer.start();
}

void LogLogChartView::updateAxisTitles()
{
    switch (m_document->xQuantity()) {
    case core::XQuantity::N:
        m_axisX->setTitleText(tr("Parameters N"));
        m_axisX->setTickStyle(core::TickStyle::Count);
        break;
    case core::XQuantity::D:
        m_axisX->setTitleText(tr("Training tokens D"));
        m_axisX->setTickStyle(core::TickStyle::Count);
        break;
    case core::XQuantity::C:
        m_axisX->setTitleText(tr("Training compute C (FLOPs)"));
        m_axisX->setTickStyle(core::TickStyle::Scientific);
        break;
    }
}

void LogLogChartView::showHoverTip(const QString& name, QPointF logPoint, bool state)
{
    if (!state) {
        QToolTip::hideText();
        return;
    }
    const QString text = name + QLatin1Char('\n')
                         + xText(m_document->xQuantity(), std::pow(10.0, logPoint.x()))
                         + QStringLiteral("\nloss = ") + NumberFormat::loss(std::pow(10.0, logPoint.y()));
    QToolTip::showText(QCursor::pos(), text, this);
}

QRectF LogLogChartView::plotAreaInView() const
{
    const QRectF sceneRect = chart()->mapRectToScene(chart()->plotArea());
    return mapFromScene(sceneRect).boundingRect();
}

QPointF LogLogChartView::viewToLog(QPointF viewPos) const
{
    const QRectF area = plotAreaInView();
    if (area.width() <= 0 || area.height() <= 0)
        return {};
    const double fx = (viewPos.x() - area.left()) / area.width();
    const double fy = (viewPos.y() - area.top()) / area.height();
    return {m_axisX->min() + fx * (m_axisX->max() - m_axisX->min()),
            m_axisY->max() - fy * (m_axisY->max() - m_axisY->min())};
}

void LogLogChartView::panByPixels(QPointF delta)
{
    const QRectF area = plotAreaInView();
    if (area.width() <= 0 || area.height() <= 0)
        return;
    const double dx = -delta.x() / area.width() * (m_axisX->max() - m_axisX->min());
    const double dy = delta.y() / area.height() * (m_axisY->max() - m_axisY->min());
    m_axisX->setRange(m_axisX->min() + dx, m_axisX->max() + dx);
    m_axisY->setRange(m_axisY->min() + dy, m_axisY->max() + dy);
}

void LogLogChartView::zoomToViewRect(const QRectF& rect)
{
    const QRectF r = rect.normalized().intersected(plotAreaInView());
    if (r.width() < 3 || r.height() < 3)
        return;
    const QPointF a = viewToLog(r.topLeft());
    const QPointF b = viewToLog(r.bottomRight());
    m_axisX->setRange(a.x(), b.x());
    m_axisY->setRange(b.y(), a.y());
}

QPointF LogLogChartView::logToView(QPointF p) const
{
    return PlotGeometry::toPixels(p, plotAreaInView(), m_axisX, m_axisY);
}

int LogLogChartView::runAt(QPointF viewPos) const
{
    constexpr double kPickRadiusPx = 7.0;
    return m_content.runNear(viewPos, kPickRadiusPx, [this](QPointF logPoint) { return logToView(logPoint); });
}

std::vector<std::size_t> LogLogChartView::runsInViewRect(const QRectF& rect) const
{
    const QRectF r = rect.normalized();
    return m_content.runsWhere([&](QPointF logPoint) { return r.contains(logToView(logPoint)); });
}

bool LogLogChartView::toggleExclusionAt(QPointF viewPos)
{
    const int run = runAt(viewPos);
    if (run < 0)
        return false;
    m_document->setRunsExcluded({static_cast<std::size_t>(run)}, !m_document->isRunExcluded(run));
    return true;
}

void LogLogChartView::excludeInViewRect(const QRectF& rect, bool exclude)
{
    m_document->setRunsExcluded(runsInViewRect(rect), exclude);
}

void LogLogChartView::resizeEvent(QResizeEvent* event)
{
    QChartView::resizeEvent(event);
    scheduleRedecimate();
}

void LogLogChartView::drawBackground(QPainter* painter, const QRectF& rect)
{
    painter->fillRect(rect, Qt::white);
    const QRectF area = chart()->mapRectToScene(chart()->plotArea());
    if (area.width() <= 0 || area.height() <= 0)
        return;
    PlotGeometry::drawMinorGrid(painter, area, m_axisX, m_axisY);
}

} // namespace ui

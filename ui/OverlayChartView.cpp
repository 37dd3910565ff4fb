// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/OverlayChartView.h"

#include "ui/LogTickAxis.h"
#include "ui/PlotGeometry.h"

#include <QChart>
#include <QPainter>
#include <QValueAxis>
#include <QWheelEvent>

#include <cmath>

namespace ui {

namespace {
constexpr double kPad = 0.05;
constexpr double kWheelStep = 0.8;
constexpr double kLegendHeadroom = 0.18; ///< fraction of the data height added above it for a legend
}

OverlayChartView::OverlayChartView(bool logY, QWidget* parent)
    : QChartView(new QChart, parent), m_logY(logY), m_axisX(new LogTickAxis(core::TickStyle::Scientific)),
      m_axisY(logY ? static_cast<QValueAxis*>(new LogTickAxis(core::TickStyle::Count)) : new QValueAxis)
{
    QChart* c = chart();
    c->setAnimationOptions(QChart::NoAnimation);
    c->setBackgroundVisible(false);
    c->setMargins(QMargins(6, 6, 6, 6));
    c->legend()->hide(); // the overlay draws its own legend
    c->addAxis(m_axisX, Qt::AlignBottom);
    c->addAxis(m_axisY, Qt::AlignLeft);
    m_axisX->followPlotArea(c);
    if (logY) {
        static_cast<LogTickAxis*>(m_axisY)->followPlotArea(c);
    } else {
        m_axisY->setLabelFormat(QStringLiteral("%.3g"));
        m_axisY->setTickCount(7);
    }
    m_overlay = new OverlayLayer(c, m_axisX, m_axisY);
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(320, 240);
}

void OverlayChartView::setTitles(const QString& x, const QString& y)
{
    m_axisX->setTitleText(x);
    m_axisY->setTitleText(y);
}

void OverlayChartView::setXTickStyle(core::TickStyle style)
{
    m_axisX->setTickStyle(style);
}

void OverlayChartView::setContent(OverlayLayer::Content content, bool keepZoom)
{
    const std::optional<QRectF> b = OverlayLayer::bounds(content);
    m_overlay->setContent(std::move(content));
    if (!b) {
        m_home = QRectF(0, 0, 1, 1);
    } else {
        const double w = std::max(b->width(), 0.02), h = std::max(b->height(), m_logY ? 0.02 : 1e-6);
        // Headroom for a legend in a top corner, so it does not cover the data.
        const auto corner = m_overlay->content().legendCorner;
        const bool legendOnTop = !m_overlay->content().legend.empty()
                                 && (corner == Qt::TopLeftCorner || corner == Qt::TopRightCorner);
        const double top = legendOnTop ? kLegendHeadroom : kPad;
        m_home = QRectF(b->left() - kPad * w, b->top() - kPad * h, w * (1 + 2 * kPad), h * (1 + kPad + top));
    }
    if (!(keepZoom && m_zoomed))
        resetZoom();
}

void OverlayChartView::resetZoom()
{
    m_zoomed = false;
    m_axisX->setRange(m_home.left(), m_home.right());
    m_axisY->setRange(m_home.top(), m_home.bottom());
    if (!m_logY) {
        m_axisY->applyNiceNumbers(); // round ticks (0.01, 0.02, ...) on the linear axis
        // Fixed decimals from the tick step, so 0 prints as 0.00 rather than 1.39e-17.
        const double step = (m_axisY->max() - m_axisY->min()) / std::max(1, m_axisY->tickCount() - 1);
        const int decimals = step > 0 ? std::clamp(static_cast<int>(-std::floor(std::log10(step) + 1e-9)), 0, 12) : 3;
        m_axisY->setLabelFormat(QStringLiteral("%.%1f").arg(decimals));
    }
}

void OverlayChartView::wheelEvent(QWheelEvent* event)
{
    const double notches = event->angleDelta().y() / 120.0;
    if (notches == 0)
        return;
    const double f = std::pow(kWheelStep, notches);
    const QRectF area = chart()->plotArea();
    const QPointF at = chart()->mapFromScene(mapToScene(event->position().toPoint()));
    const double fx = area.width() > 0 ? (at.x() - area.left()) / area.width() : 0.5;
    const double fy = area.height() > 0 ? (area.bottom() - at.y()) / area.height() : 0.5;
    auto zoom = [f](QValueAxis* axis, double frac) {
        const double a = axis->min() + frac * (axis->max() - axis->min());
        axis->setRange(a + (axis->min() - a) * f, a + (axis->max() - a) * f);
    };
    zoom(m_axisX, std::clamp(fx, 0.0, 1.0));
    zoom(m_axisY, std::clamp(fy, 0.0, 1.0));
    m_zoomed = true;
    event->accept();
}

void OverlayChartView::mouseDoubleClickEvent(QMouseEvent* event)
{
    resetZoom();
    event->accept();
}

void OverlayChartView::drawBackground(QPainter* painter, const QRectF& rect)
{
    painter->fillRect(rect, Qt::white);
    const QRectF area = chart()->mapRectToScene(chart()->plotArea());
    if (area.width() <= 0 || area.height() <= 0)
        return;
    PlotGeometry::drawMinorGrid(painter, area, m_axisX, m_logY ? static_cast<const LogTickAxis*>(m_axisY) : nullptr);
}

} // namespace ui

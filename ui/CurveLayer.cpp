// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/CurveLayer.h"

#include "ui/ChartStyle.h"
#include "ui/PlotGeometry.h"

#include <QChart>
#include <QGraphicsSceneHoverEvent>
#include <QPainter>
#include <QPen>
#include <QValueAxis>

#include <limits>

namespace ui {

namespace {
// Cosmetic 1 px antialiased lines take Qt's fast hairline path (~10x faster than 1.5 px); a few
// curves get a bolder pen that still reads on a projector.
constexpr double kPenWidth = 1.0;
constexpr double kBoldPenWidth = 2.0;
constexpr std::size_t kBoldUpToCurves = 20;
constexpr double kHoverRadiusPx = 6.0;
constexpr double kZValue = 3.5; // Qt Charts: grid 2, axes 3, series 4, legend 5
} // namespace

CurveLayer::CurveLayer(QChart* chart, QValueAxis* axisX, QValueAxis* axisY)
    : QGraphicsObject(chart), m_chart(chart), m_axisX(axisX), m_axisY(axisY)
{
    setZValue(kZValue);
    setAcceptHoverEvents(true);
    setAcceptedMouseButtons(Qt::NoButton);
    connect(chart, &QChart::plotAreaChanged, this, [this] {
        prepareGeometryChange();
        update();
    });
    for (QValueAxis* axis : {axisX, axisY})
        connect(axis, &QValueAxis::rangeChanged, this, [this] { update(); });
}

void CurveLayer::setCurves(std::vector<Curve> curves)
{
    m_curves = std::move(curves);
    update();
}

void CurveLayer::setPoints(std::size_t index, QPolygonF logPoints)
{
    if (index >= m_curves.size())
        return;
    m_curves[index].logPoints = std::move(logPoints);
    update();
}

void CurveLayer::setBand(std::size_t index, QPolygonF lower, QPolygonF upper)
{
    if (index >= m_curves.size())
        return;
    m_curves[index].bandLower = std::move(lower);
    m_curves[index].bandUpper = std::move(upper);
    update();
}

QRectF CurveLayer::boundingRect() const
{
    return m_chart->plotArea();
}

QPointF CurveLayer::toItem(QPointF p, const QRectF& area) const
{
    return PlotGeometry::toPixels(p, area, m_axisX, m_axisY);
}

void CurveLayer::paint(QPainter* painter, const QStyleOptionGraphicsItem* /*option*/, QWidget* /*widget*/)
{
    const QRectF area = m_chart->plotArea();
    if (area.width() <= 0 || area.height() <= 0 || !(m_axisX->max() > m_axisX->min())
        || !(m_axisY->max() > m_axisY->min()))
        return;
    painter->save();
    painter->setClipRect(area);
    painter->setRenderHint(QPainter::Antialiasing, true);
    QPen pen;
    // Widths in pixels at 96 DPI, scaled for presentation mode; not cosmetic, so a PNG exported at
    // a higher DPI gets proportionally thicker lines.
    pen.setWidthF((m_curves.size() <= kBoldUpToCurves ? kBoldPenWidth : kPenWidth) * ChartStyle::lineWidthScale(m_chart));
    pen.setCosmetic(false);
    pen.setCapStyle(Qt::RoundCap);
    pen.setJoinStyle(Qt::RoundJoin);
    const double width = pen.widthF();
    for (const Curve& c : m_curves) {
        if (c.bandLower.size() < 2 || c.bandUpper.size() < 2)
            continue;
        QPolygonF band;
        band.reserve(c.bandLower.size() + c.bandUpper.size());
        for (const QPointF& p : c.bandUpper)
            band << toItem(p, area);
        for (qsizetype i = c.bandLower.size() - 1; i >= 0; --i)
            band << toItem(c.bandLower[i], area);
        QColor fill = c.color;
        fill.setAlpha(55);
        painter->setPen(Qt::NoPen);
        painter->setBrush(fill);
        painter->drawPolygon(band);
    }
    painter->setBrush(Qt::NoBrush);
    for (const Curve& c : m_curves) {
        if (c.logPoints.isEmpty())
            continue;
        m_scratch.resize(c.logPoints.size());
        for (qsizetype i = 0; i < c.logPoints.size(); ++i)
            m_scratch[i] = toItem(c.logPoints[i], area);
        pen.setColor(c.color);
        pen.setWidthF(c.faint ? width * 0.6 : width);
        painter->setPen(pen);
        painter->drawPolyline(m_scratch);
    }
    painter->restore();
}

void CurveLayer::hoverMoveEvent(QGraphicsSceneHoverEvent* event)
{
    const QRectF area = m_chart->plotArea();
    const QPointF at = event->pos();
    double best = kHoverRadiusPx * kHoverRadiusPx;
    const Curve* bestCurve = nullptr;
    QPointF bestPoint;
    if (area.contains(at) && m_axisX->max() > m_axisX->min() && m_axisY->max() > m_axisY->min()) {
        for (const Curve& c : m_curves)
            for (const QPointF& p : c.logPoints) {
                const QPointF d = toItem(p, area) - at;
                const double d2 = QPointF::dotProduct(d, d);
                if (d2 < best) {
                    best = d2;
                    bestCurve = &c;
                    bestPoint = p;
                }
            }
    }
    if (bestCurve != nullptr) {
        m_hovering = true;
        Q_EMIT hovered(bestCurve->name, bestPoint, true);
    } else if (m_hovering) {
        m_hovering = false;
        Q_EMIT hovered(QString(), QPointF(), false);
    }
}

void CurveLayer::hoverLeaveEvent(QGraphicsSceneHoverEvent* /*event*/)
{
    if (m_hovering) {
        m_hovering = false;
        Q_EMIT hovered(QString(), QPointF(), false);
    }
}

} // namespace ui

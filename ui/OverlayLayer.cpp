// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/OverlayLayer.h"

#include <QChart>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QValueAxis>

#include <cmath>

namespace ui {

namespace {
constexpr double kZValue = 4.5; // above the series (4), below the legend (5)
}

OverlayLayer::OverlayLayer(QChart* chart, QValueAxis* axisX, QValueAxis* axisY)
    : QGraphicsObject(chart), m_chart(chart), m_axisX(axisX), m_axisY(axisY)
{
    setZValue(kZValue);
    setAcceptedMouseButtons(Qt::NoButton);
    connect(chart, &QChart::plotAreaChanged, this, [this] {
        prepareGeometryChange();
        update();
    });
    for (QValueAxis* axis : {axisX, axisY})
        connect(axis, &QValueAxis::rangeChanged, this, [this] { update(); });
}

void OverlayLayer::setContent(Content content)
{
    m_content = std::move(content);
    update();
}

void OverlayLayer::setScale(double scale)
{
    m_scale = scale > 0 ? scale : 1.0;
    update();
}

void OverlayLayer::setFontScale(double scale)
{
    m_fontScale = scale > 0 ? scale : 1.0;
    update();
}

QRectF OverlayLayer::boundingRect() const
{
    return m_chart->plotArea();
}

QPointF OverlayLayer::toItem(QPointF p, const QRectF& area) const
{
    const double fx = (p.x() - m_axisX->min()) / (m_axisX->max() - m_axisX->min());
    const double fy = (p.y() - m_axisY->min()) / (m_axisY->max() - m_axisY->min());
    return {area.left() + fx * area.width(), area.bottom() - fy * area.height()};
}

void OverlayLayer::drawMarker(QPainter* painter, const Marker& m, QPointF at) const
{
    const double r = m.size * m_scale / 2.0;
    QPen pen(m.filled ? m.color.darker(160) : m.color);
    pen.setWidthF(1.5 * m_scale);
    pen.setCosmetic(true);
    painter->setPen(pen);
    painter->setBrush(m.filled ? QBrush(m.color) : QBrush(Qt::white));
    switch (m.shape) {
    case Shape::Circle:
        painter->drawEllipse(at, r, r);
        break;
    case Shape::Diamond:
        painter->drawPolygon(QPolygonF({at + QPointF(0, -r), at + QPointF(r, 0), at + QPointF(0, r), at + QPointF(-r, 0)}));
        break;
    case Shape::Star: {
        QPolygonF star;
        for (int k = 0; k < 10; ++k) {
            const double a = -M_PI / 2 + k * M_PI / 5;
            const double rr = (k % 2 == 0) ? r * 1.3 : r * 0.55;
            star << at + QPointF(rr * std::cos(a), rr * std::sin(a));
        }
        painter->drawPolygon(star);
        break;
    }
    case Shape::Cross:
        painter->drawLine(at + QPointF(-r, -r), at + QPointF(r, r));
        painter->drawLine(at + QPointF(-r, r), at + QPointF(r, -r));
        break;
    }
    if (!m.label.isEmpty()) {
        QFont font = painter->font();
        font.setPointSizeF(font.pointSizeF() * m_fontScale);
        painter->setFont(font);
        painter->setPen(m.color.darker(140));
        painter->drawText(at + QPointF(r + 4, -r - 2), m.label);
    }
}

void OverlayLayer::paint(QPainter* painter, const QStyleOptionGraphicsItem* /*option*/, QWidget* /*widget*/)
{
    const QRectF area = m_chart->plotArea();
    if (area.width() <= 0 || area.height() <= 0 || !(m_axisX->max() > m_axisX->min())
        || !(m_axisY->max() > m_axisY->min()))
        return;
    painter->save();
    painter->setClipRect(area);
    painter->setRenderHint(QPainter::Antialiasing, true);
    for (const Band& b : m_content.bands) {
        if (b.lower.size() < 2 || b.lower.size() != b.upper.size())
            continue;
        QPolygonF poly;
        poly.reserve(2 * b.lower.size());
        for (const QPointF& p : b.upper)
            poly << toItem(p, area);
        for (qsizetype i = b.lower.size() - 1; i >= 0; --i)
            poly << toItem(b.lower[i], area);
        painter->setPen(Qt::NoPen);
        painter->setBrush(b.fill);
        painter->drawPolygon(poly);
    }
    painter->setBrush(Qt::NoBrush);
    for (const Line& l : m_content.lines) {
        QPolygonF px;
        px.reserve(l.points.size());
        for (const QPointF& p : l.points)
            px << toItem(p, area);
        QPen pen = l.pen;
        pen.setWidthF(pen.widthF() * m_scale);
        pen.setCosmetic(true);
        painter->setPen(pen);
        painter->drawPolyline(px);
    }
    for (const VLine& v : m_content.vlines) {
        const double x = toItem(QPointF(v.x, m_axisY->min()), area).x();
        QPen pen = v.pen;
        pen.setWidthF(pen.widthF() * m_scale);
        pen.setCosmetic(true);
        painter->setPen(pen);
        painter->drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()));
        if (!v.label.isEmpty()) {
            QFont font = painter->font();
            font.setPointSizeF(font.pointSizeF() * m_fontScale);
            painter->setFont(font);
            const QFontMetricsF fm(font);
            const double w = fm.horizontalAdvance(v.label);
            // Right of the line, or left of it near the right edge.
            const double left = x + 4 + w > area.right() ? x - 4 - w : x + 4;
            painter->setPen(v.pen.color());
            painter->drawText(QPointF(left, area.top() + fm.ascent() + 2), v.label);
        }
    }
    for (const Marker& m : m_content.markers)
        drawMarker(painter, m, toItem(m.point, area));
    painter->restore();
}

} // namespace ui

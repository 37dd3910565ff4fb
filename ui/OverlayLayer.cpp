// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/OverlayLayer.h"

#include "ui/ChartStyle.h"
#include "ui/PlotGeometry.h"

#include <QChart>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

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

QRectF OverlayLayer::boundingRect() const
{
    return m_chart->plotArea();
}

QPointF OverlayLayer::toItem(QPointF p, const QRectF& area) const
{
    return PlotGeometry::toPixels(p, area, m_axisX, m_axisY);
}

void OverlayLayer::drawMarker(QPainter* painter, const Marker& m, QPointF at) const
{
    const double r = m.size * m_scale / 2.0;
    QPen pen(m.filled ? m.color.darker(160) : m.color);
    pen.setWidthF(1.5 * m_scale);
    pen.setCosmetic(false); // scales with the export DPI
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
    m_scale = ChartStyle::lineWidthScale(m_chart);
    m_fontScale = ChartStyle::fontScale(m_chart);
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
        pen.setCosmetic(false); // scales with the export DPI
        painter->setPen(pen);
        painter->drawPolyline(px);
    }
    for (const VLine& v : m_content.vlines) {
        const double x = toItem(QPointF(v.x, m_axisY->min()), area).x();
        QPen pen = v.pen;
        pen.setWidthF(pen.widthF() * m_scale);
        pen.setCosmetic(false); // scales with the export DPI
        painter->setPen(pen);
        painter->drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()));
        // With an annotation box (presentation mode) the key numbers are there: no label to collide with it.
        if (!v.label.isEmpty() && ChartStyle::annotation(m_chart) == nullptr) {
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
    drawLegend(painter, area);
    painter->restore();
}

void OverlayLayer::drawLegend(QPainter* painter, const QRectF& area) const
{
    if (m_content.legend.empty())
        return;
    QFont font = painter->font();
    font.setPointSizeF(font.pointSizeF() * m_fontScale);
    painter->setFont(font);
    const QFontMetricsF fm(font);
    const double sample = 26 * m_fontScale, gap = 6, pad = 6, row = fm.height() + 2;
    double textWidth = 0;
    for (const LegendEntry& e : m_content.legend)
        textWidth = std::max(textWidth, fm.horizontalAdvance(e.text));
    const QSizeF size(pad * 2 + sample + gap + textWidth, pad * 2 + row * static_cast<double>(m_content.legend.size()));
    const Qt::Corner corner = m_content.legendCorner;
    const bool right = corner == Qt::TopRightCorner || corner == Qt::BottomRightCorner;
    const bool bottom = corner == Qt::BottomLeftCorner || corner == Qt::BottomRightCorner;
    const QRectF box(QPointF(right ? area.right() - 8 - size.width() : area.left() + 8,
                             bottom ? area.bottom() - 8 - size.height() : area.top() + 8),
                     size);
    painter->setPen(QPen(QColor(0xc8, 0xc8, 0xc8)));
    painter->setBrush(QColor(255, 255, 255, 225));
    painter->drawRect(box);
    double y = box.top() + pad;
    for (const LegendEntry& e : m_content.legend) {
        const double mid = y + row / 2;
        const QRectF swatch(box.left() + pad, y + 3, sample, row - 6);
        if (e.fill.isValid()) {
            painter->setPen(Qt::NoPen);
            painter->setBrush(e.fill);
            painter->drawRect(swatch);
        }
        if (e.pen.style() != Qt::NoPen) {
            QPen pen = e.pen;
            pen.setWidthF(pen.widthF() * m_scale);
            pen.setCosmetic(false); // scales with the export DPI
            painter->setPen(pen);
            painter->drawLine(QPointF(swatch.left(), mid), QPointF(swatch.right(), mid));
        }
        if (e.marker) {
            Marker m;
            m.color = e.markerColor;
            m.shape = *e.marker;
            m.size = 9;
            drawMarker(painter, m, QPointF(swatch.center().x(), mid));
        }
        painter->setPen(QColor(0x20, 0x20, 0x20));
        painter->drawText(QPointF(swatch.right() + gap, mid + fm.ascent() / 2 - 1), e.text);
        y += row;
    }
}

std::optional<QRectF> OverlayLayer::bounds(const Content& content)
{
    double x0 = std::numeric_limits<double>::infinity(), x1 = -x0, y0 = x0, y1 = -x0;
    auto add = [&](QPointF p) {
        if (!std::isfinite(p.x()) || !std::isfinite(p.y()))
            return;
        x0 = std::min(x0, p.x());
        x1 = std::max(x1, p.x());
        y0 = std::min(y0, p.y());
        y1 = std::max(y1, p.y());
    };
    for (const Band& b : content.bands) {
        for (const QPointF& p : b.lower)
            add(p);
        for (const QPointF& p : b.upper)
            add(p);
    }
    for (const Line& l : content.lines)
        for (const QPointF& p : l.points)
            add(p);
    for (const Marker& m : content.markers)
        add(m.point);
    if (!(x0 <= x1))
        return std::nullopt;
    for (const VLine& v : content.vlines) {
        x0 = std::min(x0, v.x);
        x1 = std::max(x1, v.x);
    }
    return QRectF(QPointF(x0, y0), QPointF(x1, y1));
}

} // namespace ui

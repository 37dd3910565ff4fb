// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ChartAnnotation.h"

#include "ui/ChartStyle.h"

#include <QChart>
#include <QFontMetricsF>
#include <QPainter>
#include <QPen>

#include <algorithm>
#include <cmath>

namespace ui {

namespace {
constexpr double kAnnotationZ = 6.0; // Qt Charts: grid 2, axes 3, series 4, legend 5
constexpr double kCornerRadius = 3.0;
} // namespace

ChartAnnotation::ChartAnnotation(QChart* chart) : QGraphicsObject(chart), m_chart(chart)
{
    setZValue(kAnnotationZ);
    setAcceptedMouseButtons(Qt::NoButton);
    setAcceptHoverEvents(false);
    connect(chart, &QChart::plotAreaChanged, this, [this] { reposition(); });
    relayout();
}

void ChartAnnotation::setText(const QString& text)
{
    m_text = text;
    relayout();
}

void ChartAnnotation::relayout()
{
    QFont font = m_chart->font();
    const double k = ChartStyle::fontScale(m_chart);
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * k);
    else if (font.pixelSize() > 0)
        font.setPixelSize(std::max(1, static_cast<int>(std::lround(font.pixelSize() * k))));
    m_font = font;
    const QFontMetricsF metrics(m_font);
    const QStringList lines = m_text.split(QLatin1Char('\n'));
    double width = 0;
    for (const QString& line : lines)
        width = std::max(width, metrics.horizontalAdvance(line));
    const double height = static_cast<double>(lines.size()) * metrics.lineSpacing();
    prepareGeometryChange();
    m_box = QRectF(0, 0, std::ceil(width + 2 * kPadding), std::ceil(height + 2 * kPadding));
    reposition();
    update();
}

void ChartAnnotation::reposition()
{
    const QRectF area = m_chart->plotArea();
    // Keep the right edge inside; a box wider than the plot area starts at its left edge instead.
    const double x = std::max(area.right() - kMargin - m_box.width(), area.left() + kMargin);
    setPos(x, area.top() + kMargin);
}

void ChartAnnotation::paint(QPainter* painter, const QStyleOptionGraphicsItem* /*option*/,
                            QWidget* /*widget*/)
{
    if (m_text.isEmpty())
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    QPen border(QColor(0, 0, 0, 70));
    border.setWidthF(1.0);
    painter->setPen(border);
    painter->setBrush(QColor(255, 255, 255, 220));
    painter->drawRoundedRect(m_box.adjusted(0.5, 0.5, -0.5, -0.5), kCornerRadius, kCornerRadius);
    painter->setFont(m_font);
    painter->setPen(QColor(0x20, 0x20, 0x20));
    const QFontMetricsF metrics(m_font);
    double baseline = kPadding + metrics.ascent();
    for (const QString& line : m_text.split(QLatin1Char('\n'))) {
        painter->drawText(QPointF(kPadding, baseline), line);
        baseline += metrics.lineSpacing();
    }
    painter->restore();
}

} // namespace ui

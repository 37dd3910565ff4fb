// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/PlotGeometry.h"

#include "ui/LogTickAxis.h"

#include <QPainter>
#include <QPen>

namespace ui {

QPointF PlotGeometry::toPixels(QPointF p, const QRectF& area, const QValueAxis* axisX, const QValueAxis* axisY)
{
    const double fx = (p.x() - axisX->min()) / (axisX->max() - axisX->min());
    const double fy = (p.y() - axisY->min()) / (axisY->max() - axisY->min());
    return {area.left() + fx * area.width(), area.bottom() - fy * area.height()};
}

void PlotGeometry::drawMinorGrid(QPainter* painter, const QRectF& area, const LogTickAxis* axisX,
                                 const LogTickAxis* axisY)
{
    if (area.width() <= 0 || area.height() <= 0)
        return;
    painter->save();
    QPen pen(QColor(0xeb, 0xeb, 0xeb));
    pen.setCosmetic(true);
    pen.setWidthF(1.0);
    painter->setPen(pen);
    painter->setRenderHint(QPainter::Antialiasing, false);
    for (double v : axisX->minorPositions()) {
        const double x = toPixels(QPointF(v, 0.0), area, axisX, axisX).x();
        painter->drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()));
    }
    if (axisY != nullptr)
        for (double v : axisY->minorPositions()) {
            const double y = toPixels(QPointF(0.0, v), area, axisY, axisY).y();
            painter->drawLine(QPointF(area.left(), y), QPointF(area.right(), y));
        }
    painter->restore();
}

} // namespace ui

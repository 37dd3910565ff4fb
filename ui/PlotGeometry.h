// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointF>
#include <QRectF>

class QPainter;
class QValueAxis;

namespace ui {

class LogTickAxis;

/// The one mapping between a chart's axis units (log10 values on its linear axes) and pixels in
/// a plot rectangle, and the light minor grid of the log-tick charts. Stateless; GUI thread.
class PlotGeometry {
public:
    /// The pixel position in `area` of `p` (x on `axisX`, y on `axisY`; y grows upwards).
    [[nodiscard]] static QPointF toPixels(QPointF p, const QRectF& area, const QValueAxis* axisX,
                                          const QValueAxis* axisY);
    /// Thin light-grey lines at the minor ticks of `axisX` (vertical) and, when given, `axisY`
    /// (horizontal) across `area`.
    static void drawMinorGrid(QPainter* painter, const QRectF& area, const LogTickAxis* axisX,
                              const LogTickAxis* axisY);
};

} // namespace ui

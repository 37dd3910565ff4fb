// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QGraphicsObject>
#include <QPolygonF>
#include <QString>

#include <vector>

class QChart;
class QValueAxis;

namespace ui {

/// Draws any number of training curves as polylines in a chart's plot area, in one graphics item:
/// above the grid and axes, below marker series. Qt Charts spends per-series time on every axis
/// change (400 line series cost ~80 ms a zoom step, 1,000 cost seconds; docs/PERFORMANCE.md), so
/// curves are not series: the layer maps already-decimated points (log10 x, log10 y, as on the
/// chart's linear axes) to pixels when it paints. Hovering within a few pixels of a drawn point
/// emits hovered() with that point. A child item of the chart, which owns it; GUI thread only.
class CurveLayer : public QGraphicsObject {
    Q_OBJECT
public:
    struct Curve {
        QString name;
        QColor color;
        QPolygonF logPoints; ///< (log10 x, log10 y) of the points to draw, in x order
        /// Optional band drawn under the line in the line's colour, translucent: its lower and
        /// upper edges (log10 x, log10 y), each in x order (seed-mates' spread).
        QPolygonF bandLower, bandUpper;
        bool faint = false; ///< a thin line under the others (the raw curve behind a smoothed one)
    };

    CurveLayer(QChart* chart, QValueAxis* axisX, QValueAxis* axisY);

    void setCurves(std::vector<Curve> curves);
    /// Replaces the points drawn for curve `index` (after a re-decimation).
    void setPoints(std::size_t index, QPolygonF logPoints);
    /// Replaces the band edges of curve `index` (after a re-decimation).
    void setBand(std::size_t index, QPolygonF lower, QPolygonF upper);
    [[nodiscard]] std::size_t curveCount() const { return m_curves.size(); }
    [[nodiscard]] const Curve& curve(std::size_t index) const { return m_curves[index]; }

    [[nodiscard]] QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

Q_SIGNALS:
    /// The pointer is near (state true) a drawn point of curve `name`, or left it (state false).
    void hovered(const QString& name, QPointF logPoint, bool state);

protected:
    void hoverMoveEvent(QGraphicsSceneHoverEvent* event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent* event) override;

private:
    /// Item (chart) coordinates of a (log10 x, log10 y) point.
    [[nodiscard]] QPointF toItem(QPointF logPoint, const QRectF& area) const;

    QChart* m_chart;
    QValueAxis* m_axisX;
    QValueAxis* m_axisY;
    std::vector<Curve> m_curves;
    QPolygonF m_scratch; ///< reused pixel polygon while painting
    bool m_hovering = false;
};

} // namespace ui

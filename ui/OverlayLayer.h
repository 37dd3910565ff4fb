// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QGraphicsObject>
#include <QPen>
#include <QPolygonF>
#include <QString>

#include <optional>
#include <vector>

class QChart;
class QValueAxis;

namespace ui {

/// Draws what a fit adds to a chart, in one graphics item above the data: shaded bands (a 95%
/// interval between two curves), lines (fitted curves, solid or dashed), markers with an optional
/// label (optima, backtest predictions) and vertical lines across the plot area (the budget).
/// Coordinates are what the chart's linear axes show (log10 x, and log10 y on a log-loss chart),
/// mapped to pixels when painting; everything is clipped to the plot area. Being an item of the
/// chart's scene, it is part of PNG, SVG and PDF exports. Pen widths and marker sizes are pixels
/// at 96 DPI, scaled with the chart's ChartStyle (presentation mode) and with the export DPI. A child item of the chart, which owns
/// it; GUI thread only.
class OverlayLayer : public QGraphicsObject {
    Q_OBJECT
public:
    struct Band {
        QPolygonF lower; ///< (x, y) in axis units, ascending x
        QPolygonF upper; ///< same length and x as lower
        QColor fill;
    };
    struct Line {
        QPolygonF points; ///< in axis units, ascending x
        QPen pen;         ///< cosmetic widths (pixels)
    };
    enum class Shape { Circle, Diamond, Star, Cross };
    struct Marker {
        QPointF point; ///< in axis units
        QColor color;
        Shape shape = Shape::Circle;
        double size = 10.0; ///< pixels
        QString label;      ///< drawn beside the marker, if not empty
        bool filled = true;
    };
    struct VLine {
        double x = 0.0; ///< in axis units
        QPen pen;
        QString label; ///< drawn at the top of the plot area
    };
    /// One line of the overlay's own legend (drawn in a box in a corner of the plot area):
    /// a line sample (pen), a filled swatch (fill valid) or a marker (marker set).
    struct LegendEntry {
        QString text;
        QPen pen = QPen(Qt::NoPen);
        QColor fill;
        std::optional<Shape> marker;
        QColor markerColor;
    };
    struct Content {
        std::vector<Band> bands;
        std::vector<Line> lines;
        std::vector<Marker> markers;
        std::vector<VLine> vlines;
        std::vector<LegendEntry> legend;
        Qt::Corner legendCorner = Qt::TopLeftCorner; ///< where in the plot area the legend box sits
    };
    /// The bounding box (axis units) of everything in `content` (bands, lines, markers and the x
    /// of vertical lines), possibly of zero width or height; nullopt when it is empty.
    [[nodiscard]] static std::optional<QRectF> bounds(const Content& content);

    OverlayLayer(QChart* chart, QValueAxis* axisX, QValueAxis* axisY);

    void setContent(Content content);
    [[nodiscard]] const Content& content() const { return m_content; }

    [[nodiscard]] QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    [[nodiscard]] QPointF toItem(QPointF p, const QRectF& area) const;
    void drawMarker(QPainter* painter, const Marker& m, QPointF at) const;
    void drawLegend(QPainter* painter, const QRectF& area) const;

    QChart* m_chart;
    QValueAxis* m_axisX;
    QValueAxis* m_axisY;
    Content m_content;
    double m_scale = 1.0;     ///< ChartStyle::lineWidthScale of the chart, read when painting
    double m_fontScale = 1.0; ///< ChartStyle::fontScale of the chart, read when painting
};

} // namespace ui

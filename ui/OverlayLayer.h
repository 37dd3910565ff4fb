// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QGraphicsObject>
#include <QPen>
#include <QPolygonF>
#include <QString>

#include <vector>

class QChart;
class QValueAxis;

namespace ui {

/// Draws what a fit adds to a chart, in one graphics item above the data: shaded bands (a 95%
/// interval between two curves), lines (fitted curves, solid or dashed), markers with an optional
/// label (optima, backtest predictions) and vertical lines across the plot area (the budget).
/// Coordinates are what the chart's linear axes show (log10 x, and log10 y on a log-loss chart),
/// mapped to pixels when painting; everything is clipped to the plot area. Being an item of the
/// chart's scene, it is part of PNG, SVG and PDF exports. A child item of the chart, which owns
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
    struct Content {
        std::vector<Band> bands;
        std::vector<Line> lines;
        std::vector<Marker> markers;
        std::vector<VLine> vlines;
    };

    OverlayLayer(QChart* chart, QValueAxis* axisX, QValueAxis* axisY);

    void setContent(Content content);
    [[nodiscard]] const Content& content() const { return m_content; }
    /// Multiplies every pen width and marker size when painting (presentation mode).
    void setScale(double scale);
    /// Multiplies the label font's point size when painting (presentation mode).
    void setFontScale(double scale);

    [[nodiscard]] QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    [[nodiscard]] QPointF toItem(QPointF p, const QRectF& area) const;
    void drawMarker(QPainter* painter, const Marker& m, QPointF at) const;

    QChart* m_chart;
    QValueAxis* m_axisX;
    QValueAxis* m_axisY;
    Content m_content;
    double m_scale = 1.0;
    double m_fontScale = 1.0;
};

} // namespace ui

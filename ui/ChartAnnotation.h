// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFont>
#include <QGraphicsObject>
#include <QRectF>
#include <QString>

class QChart;

namespace ui {

/// A text box drawn over a chart, anchored `margin` pixels inside the top-right corner of the plot
/// area (it follows the plot area on resize and relayout): a semi-opaque white rounded box with a
/// thin border and one line of text per '\n'-separated line, e.g. "C = 5.76e23 FLOP\nN_opt = 72.2B".
/// Its font is the chart's widget font times ChartStyle::fontScale(chart). Above series and legend;
/// takes no mouse or hover events, so chart navigation works through it. A child item of the chart,
/// which owns it; create and remove it through ChartStyle::setAnnotation()/removeAnnotation().
/// GUI thread only.
class ChartAnnotation : public QGraphicsObject {
    Q_OBJECT
public:
    static constexpr double kMargin = 8.0;  ///< pixels between the box and the plot area's edges
    static constexpr double kPadding = 6.0; ///< pixels between the box's border and the text

    explicit ChartAnnotation(QChart* chart);

    void setText(const QString& text);
    [[nodiscard]] QString text() const { return m_text; }
    /// The font the text is drawn in now (the base font scaled for the chart's style).
    [[nodiscard]] QFont font() const { return m_font; }
    /// Recomputes the font and box size (after a style change) and re-anchors.
    void relayout();

    [[nodiscard]] QRectF boundingRect() const override { return m_box; }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    void reposition();

    QChart* m_chart;
    QString m_text;
    QFont m_font;
    QRectF m_box; ///< in item coordinates, top-left at (0, 0)
};

} // namespace ui

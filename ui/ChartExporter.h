// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QChartView;
class QWidget;

namespace ui {

/// Writes a widget or chart to an image file: PNG through QWidget::grab(), SVG through
/// QSvgGenerator and QGraphicsView::render() (vector polylines; never OpenGL). Stateless; GUI thread.
class ChartExporter {
public:
    /// Returns false when the file could not be written.
    static bool savePng(QWidget* widget, const QString& path);
    static bool saveSvg(QChartView* view, const QString& path, const QString& title = {});
};

} // namespace ui

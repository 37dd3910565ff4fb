// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include <functional>

class QChartView;
class QIODevice;
class QImage;
class QWidget;

namespace ui {

/// Writes a widget or chart to an image file:
///  - PNG: a raster rendered at a chosen DPI (scale dpi/96 over the widget's logical pixels) on white,
///    with the DPI recorded in the file (pHYs);
///  - SVG: QSvgGenerator, vector;
///  - PDF: QPdfWriter, vector, one page with the chart's aspect and zero margins.
/// Charts (any QGraphicsView) are drawn through QGraphicsView::render(), so the scene is painted
/// afresh at the target resolution; OpenGL series would be missing there, so never enable them.
/// Every file is written through QSaveFile: a failed export leaves no partial file and never touches
/// an existing one. Each function returns false on failure and, when `error` is non-null, stores a
/// sentence saying why. Stateless; GUI thread only (renders widgets).
class ChartExporter {
public:
    /// The DPI choices offered for PNG export (screen, good print, high quality print), ascending.
    static const QList<int>& pngDpiChoices();

    /// Renders `widget` at `dpi` (72..600; 96 = one file pixel per logical pixel) into a PNG.
    /// The whole widget with its children for an ordinary widget; the visible viewport for a
    /// QGraphicsView such as a QChartView.
    static bool savePng(QWidget* widget, const QString& path, int dpi = 96, QString* error = nullptr);
    /// Vector SVG of the chart view's viewport; `title` defaults to the file's base name. Text is
    /// written at the view's logical DPI, so it has the size it has on screen.
    static bool saveSvg(QChartView* view, const QString& path, const QString& title = {},
                        QString* error = nullptr);
    /// Vector PDF, one page of the viewport's size at the view's logical DPI (600x400 px at 96 DPI
    /// is a 450x300 pt page), margins zero; `title` (default: the file's base name) goes into the
    /// document's metadata.
    static bool savePdf(QChartView* view, const QString& path, const QString& title = {},
                        QString* error = nullptr);
    /// Picks PNG, SVG or PDF from the suffix of `path` (case-insensitive); `dpi` is used for PNG only.
    static bool save(QChartView* view, const QString& path, int dpi = 96, const QString& title = {},
                     QString* error = nullptr);

    /// The raster savePng() writes: (widget size) x dpi/96 pixels, white background, dotsPerMeter
    /// set to `dpi`. Null image for a null or empty widget, a DPI outside 72..600 or more than 64 Mpx.
    [[nodiscard]] static QImage renderImage(QWidget* widget, int dpi);

    /// Opens a QSaveFile at `path`, lets `write` fill it and commits only when `write` returns true;
    /// `write` reports its own failure in its QString argument. On any failure the temporary file is
    /// discarded, `path` is left as it was and false is returned with the reason in `error`.
    static bool writeAtomically(const QString& path, const std::function<bool(QIODevice&, QString&)>& write,
                                QString* error = nullptr);
};

} // namespace ui

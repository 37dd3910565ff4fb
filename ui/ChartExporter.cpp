// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ChartExporter.h"

#include <QChartView>
#include <QCoreApplication>
#include <QFileInfo>
#include <QGraphicsView>
#include <QImage>
#include <QImageWriter>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

#include <cmath>

namespace ui {

namespace {
constexpr int kMinDpi = 72;
constexpr int kMaxDpi = 600;
constexpr double kLogicalDpi = 96.0;      ///< PNG scale 1 = one file pixel per logical pixel
constexpr qint64 kMaxPixels = 64'000'000; ///< 256 MB of RGB32 at most
constexpr double kInchesPerMeter = 1.0 / 0.0254;

QString tr(const char* text)
{
    return QCoreApplication::translate("ui::ChartExporter", text);
}

void setError(QString* error, const QString& text)
{
    if (error != nullptr)
        *error = text;
}

/// Charts lay out their axis labels and legend on posted LayoutRequest events: deliver them so a
/// chart changed in the same event-loop turn is exported complete.
void settleLayout()
{
    QCoreApplication::sendPostedEvents();
}

/// The logical size that is exported: a graphics view's viewport, or the whole widget.
QSize exportedSize(QWidget* widget)
{
    if (auto* view = qobject_cast<QGraphicsView*>(widget))
        return view->viewport()->size();
    return widget->size();
}

/// Checks the view and its size; on failure fills `error`.
bool checkView(QChartView* view, QString* error)
{
    if (view == nullptr) {
        setError(error, tr("There is no chart to export."));
        return false;
    }
    settleLayout();
    if (view->viewport()->size().isEmpty()) {
        setError(error, tr("The chart has no size yet."));
        return false;
    }
    return true;
}

QString defaultTitle(const QString& title, const QString& path)
{
    return title.isEmpty() ? QFileInfo(path).completeBaseName() : title;
}
} // namespace

const QList<int>& ChartExporter::pngDpiChoices()
{
    static const QList<int> kChoices{96, 150, 300};
    return kChoices;
}

QImage ChartExporter::renderImage(QWidget* widget, int dpi)
{
    if (widget == nullptr || dpi < kMinDpi || dpi > kMaxDpi)
        return {};
    settleLayout();
    const QSize logical = exportedSize(widget);
    const double scale = dpi / kLogicalDpi;
    const QSize pixels(static_cast<int>(std::lround(logical.width() * scale)),
                       static_cast<int>(std::lround(logical.height() * scale)));
    if (pixels.isEmpty() || qint64(pixels.width()) * pixels.height() > kMaxPixels)
        return {};
    QImage image(pixels, QImage::Format_RGB32);
    if (image.isNull())
        return {};
    image.fill(Qt::white);
    // A QImage's dotsPerMeter is its logical DPI, which QPainter resolves point-sized fonts against:
    // paint at the widget's own DPI (the painter's scale does the enlarging), record `dpi` after.
    image.setDotsPerMeterX(static_cast<int>(std::lround(widget->logicalDpiX() * kInchesPerMeter)));
    image.setDotsPerMeterY(static_cast<int>(std::lround(widget->logicalDpiY() * kInchesPerMeter)));
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing |
                           QPainter::SmoothPixmapTransform);
    painter.scale(static_cast<double>(pixels.width()) / logical.width(),
                  static_cast<double>(pixels.height()) / logical.height());
    if (auto* view = qobject_cast<QGraphicsView*>(widget)) {
        // The scene is painted afresh at the scaled resolution (text and lines sharp, not upscaled).
        view->render(&painter, QRectF(QPointF(0, 0), logical), view->viewport()->rect());
    } else {
        widget->render(&painter, QPoint(), QRegion(), QWidget::DrawWindowBackground | QWidget::DrawChildren);
    }
    painter.end();
    const int dotsPerMeter = static_cast<int>(std::lround(dpi * kInchesPerMeter));
    image.setDotsPerMeterX(dotsPerMeter);
    image.setDotsPerMeterY(dotsPerMeter);
    return image;
}

bool ChartExporter::writeAtomically(const QString& path,
                                    const std::function<bool(QIODevice&, QString&)>& write, QString* error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        setError(error, tr("Could not write %1: %2").arg(path, file.errorString()));
        return false;
    }
    QString why;
    if (!write(file, why)) {
        file.cancelWriting(); // the destructor removes the temporary file; `path` is untouched
        setError(error, tr("Could not write %1: %2").arg(path, why.isEmpty() ? tr("export failed") : why));
        return false;
    }
    if (!file.commit()) {
        setError(error, tr("Could not write %1: %2").arg(path, file.errorString()));
        return false;
    }
    return true;
}

bool ChartExporter::savePng(QWidget* widget, const QString& path, int dpi, QString* error)
{
    if (widget == nullptr) {
        setError(error, tr("There is no chart to export."));
        return false;
    }
    if (dpi < kMinDpi || dpi > kMaxDpi) {
        setError(error, tr("The resolution must be between %1 and %2 DPI.").arg(kMinDpi).arg(kMaxDpi));
        return false;
    }
    const QImage image = renderImage(widget, dpi);
    if (image.isNull()) {
        setError(error, tr("The chart is empty or too large to render at %1 DPI.").arg(dpi));
        return false;
    }
    return writeAtomically(
        path,
        [&image](QIODevice& device, QString& why) {
            QImageWriter writer(&device, "png");
            if (writer.write(image))
                return true;
            why = writer.errorString();
            return false;
        },
        error);
}

bool ChartExporter::saveSvg(QChartView* view, const QString& path, const QString& title, QString* error)
{
    if (!checkView(view, error))
        return false;
    const QSize size = view->viewport()->size();
    return writeAtomically(
        path,
        [&](QIODevice& device, QString& why) {
            QSvgGenerator generator;
            generator.setOutputDevice(&device);
            generator.setSize(size);
            generator.setViewBox(QRect(QPoint(0, 0), size));
            // QSvgGenerator defaults to 72 DPI, which writes a 9 pt label as 9 px instead of the 12 px
            // the chart was laid out with.
            generator.setResolution(view->logicalDpiX());
            generator.setTitle(defaultTitle(title, path));
            generator.setDescription(QStringLiteral("ScaleLab chart"));
            QPainter painter;
            if (!painter.begin(&generator)) {
                why = tr("could not start the SVG writer");
                return false;
            }
            painter.setRenderHint(QPainter::Antialiasing);
            view->render(&painter, QRectF(QPointF(0, 0), size), view->viewport()->rect());
            if (!painter.end()) {
                why = tr("could not finish the SVG");
                return false;
            }
            return true;
        },
        error);
}

bool ChartExporter::savePdf(QChartView* view, const QString& path, const QString& title, QString* error)
{
    if (!checkView(view, error))
        return false;
    const QSize size = view->viewport()->size();
    // Paint in the view's own logical pixels: fonts given in points then have their on-screen size
    // relative to the layout Qt Charts computed for the screen.
    const int dpi = view->logicalDpiX() > 0 ? view->logicalDpiX() : static_cast<int>(kLogicalDpi);
    const QSizeF points(size.width() * 72.0 / dpi, size.height() * 72.0 / dpi);
    return writeAtomically(
        path,
        [&](QIODevice& device, QString& why) {
            QPdfWriter writer(&device);
            writer.setResolution(dpi);
            writer.setCreator(QStringLiteral("ScaleLab"));
            writer.setTitle(defaultTitle(title, path));
            const QPageLayout layout(QPageSize(points, QPageSize::Point, QString(), QPageSize::ExactMatch),
                                     QPageLayout::Portrait, QMarginsF(0, 0, 0, 0));
            if (!writer.setPageLayout(layout)) {
                why = tr("the PDF page size is not valid");
                return false;
            }
            QPainter painter;
            if (!painter.begin(&writer)) {
                why = tr("could not start the PDF writer");
                return false;
            }
            painter.setRenderHint(QPainter::Antialiasing);
            view->render(&painter, QRectF(QPointF(0, 0), size), view->viewport()->rect());
            if (!painter.end()) {
                why = tr("could not finish the PDF");
                return false;
            }
            return true;
        },
        error);
}

bool ChartExporter::save(QChartView* view, const QString& path, int dpi, const QString& title, QString* error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png"))
        return savePng(view, path, dpi, error);
    if (suffix == QLatin1String("svg"))
        return saveSvg(view, path, title, error);
    if (suffix == QLatin1String("pdf"))
        return savePdf(view, path, title, error);
    setError(error, tr("Unknown image format \"%1\": use .png, .svg or .pdf.").arg(suffix));
    return false;
}

} // namespace ui

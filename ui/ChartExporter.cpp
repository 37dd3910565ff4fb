// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ChartExporter.h"

#include <QChartView>
#include <QCoreApplication>
#include <QFileInfo>
#include <QPainter>
#include <QPixmap>
#include <QSvgGenerator>

namespace ui {

namespace {
/// Charts lay out their axis labels and legend on posted LayoutRequest events: deliver them so a
/// chart changed in the same event-loop turn is exported complete.
void settleLayout()
{
    QCoreApplication::sendPostedEvents();
}
} // namespace

bool ChartExporter::savePng(QWidget* widget, const QString& path)
{
    settleLayout();
    return widget != nullptr && widget->grab().save(path, "PNG");
}

bool ChartExporter::saveSvg(QChartView* view, const QString& path, const QString& title)
{
    if (view == nullptr)
        return false;
    settleLayout();
    const QSize size = view->viewport()->size();
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    generator.setTitle(title.isEmpty() ? QFileInfo(path).completeBaseName() : title);
    generator.setDescription(QStringLiteral("ScaleLab chart"));
    QPainter painter;
    if (!painter.begin(&generator))
        return false;
    painter.setRenderHint(QPainter::Antialiasing);
    view->render(&painter, QRectF(QPointF(0, 0), size), view->viewport()->rect());
    return painter.end() && QFileInfo(path).size() > 0;
}

} // namespace ui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ChartExporter.h"

#include <QChartView>
#include <QFileInfo>
#include <QPainter>
#include <QPixmap>
#include <QSvgGenerator>

namespace ui {

bool ChartExporter::savePng(QWidget* widget, const QString& path)
{
    return widget != nullptr && widget->grab().save(path, "PNG");
}

bool ChartExporter::saveSvg(QChartView* view, const QString& path, const QString& title)
{
    if (view == nullptr)
        return false;
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

// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ChartStyle.h"

#include "ui/ChartAnnotation.h"

#include <QAbstractAxis>
#include <QAreaSeries>
#include <QChart>
#include <QCoreApplication>
#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QLegend>
#include <QPainter>
#include <QPen>
#include <QScatterSeries>
#include <QVariantMap>
#include <QXYSeries>

#include <algorithm>
#include <cmath>
#include <functional>

namespace ui {

namespace {
constexpr const char* kKindProperty = "_scalelab_chartStyle";
constexpr const char* kNormalProperty = "_scalelab_chartStyleNormal";

QFont scaledFont(const QVariant& normal, double k)
{
    QFont f = normal.value<QFont>();
    if (k == 1.0)
        return f;
    if (f.pointSizeF() > 0)
        f.setPointSizeF(f.pointSizeF() * k);
    else if (f.pixelSize() > 0)
        f.setPixelSize(std::max(1, static_cast<int>(std::lround(f.pixelSize() * k))));
    return f;
}

QPen scaledPen(const QVariant& normal, double k)
{
    QPen p = normal.value<QPen>();
    if (k == 1.0)
        return p;
    p.setWidthF(std::max(p.widthF(), 1.0) * k);
    return p;
}

using Take = std::function<QVariantMap()>;
using Put = std::function<void(const QVariantMap&, const ChartStyle::Scales&)>;

/// Applies `kind` to one object: `put` writes the Normal record `take` made, scaled by `s`.
/// Normal writes the record back unscaled and forgets it.
void styleObject(QObject* object, ChartStyle::Kind kind, const ChartStyle::Scales& s, const Take& take,
                 const Put& put)
{
    const QVariant stored = object->property(kNormalProperty);
    if (kind == ChartStyle::Kind::Normal) {
        if (stored.isValid()) {
            put(stored.toMap(), ChartStyle::Scales{});
            object->setProperty(kNormalProperty, QVariant());
        }
        return;
    }
    QVariantMap normal;
    if (stored.isValid()) {
        normal = stored.toMap();
    } else {
        normal = take();
        object->setProperty(kNormalProperty, normal);
    }
    put(normal, s);
}

void styleAxis(QAbstractAxis* axis, ChartStyle::Kind kind, const ChartStyle::Scales& s)
{
    styleObject(
        axis, kind, s,
        [axis] {
            return QVariantMap{{QStringLiteral("labelsFont"), axis->labelsFont()},
                               {QStringLiteral("titleFont"), axis->titleFont()},
                               {QStringLiteral("linePen"), axis->linePen()},
                               {QStringLiteral("gridLinePen"), axis->gridLinePen()},
                               {QStringLiteral("minorGridLinePen"), axis->minorGridLinePen()}};
        },
        [axis](const QVariantMap& m, const ChartStyle::Scales& k) {
            axis->setLabelsFont(scaledFont(m[QStringLiteral("labelsFont")], k.font));
            axis->setTitleFont(scaledFont(m[QStringLiteral("titleFont")], k.font));
            axis->setLinePen(scaledPen(m[QStringLiteral("linePen")], k.line));
            axis->setGridLinePen(scaledPen(m[QStringLiteral("gridLinePen")], k.grid));
            axis->setMinorGridLinePen(scaledPen(m[QStringLiteral("minorGridLinePen")], k.grid));
        });
}

void styleSeries(QAbstractSeries* series, ChartStyle::Kind kind, const ChartStyle::Scales& s)
{
    if (auto* xy = qobject_cast<QXYSeries*>(series)) {
        auto* scatter = qobject_cast<QScatterSeries*>(series);
        styleObject(
            xy, kind, s,
            [xy, scatter] {
                QVariantMap m{{QStringLiteral("pen"), xy->pen()},
                              {QStringLiteral("pointLabelsFont"), xy->pointLabelsFont()}};
                if (scatter != nullptr)
                    m.insert(QStringLiteral("markerSize"), scatter->markerSize());
                return m;
            },
            [xy, scatter](const QVariantMap& m, const ChartStyle::Scales& k) {
                xy->setPen(scaledPen(m[QStringLiteral("pen")], k.line));
                xy->setPointLabelsFont(scaledFont(m[QStringLiteral("pointLabelsFont")], k.font));
                if (scatter != nullptr)
                    scatter->setMarkerSize(m[QStringLiteral("markerSize")].toDouble() * k.marker);
            });
    } else if (auto* area = qobject_cast<QAreaSeries*>(series)) {
        styleObject(
            area, kind, s,
            [area] {
                return QVariantMap{{QStringLiteral("pen"), area->pen()},
                                   {QStringLiteral("pointLabelsFont"), area->pointLabelsFont()}};
            },
            [area](const QVariantMap& m, const ChartStyle::Scales& k) {
                area->setPen(scaledPen(m[QStringLiteral("pen")], k.line));
                area->setPointLabelsFont(scaledFont(m[QStringLiteral("pointLabelsFont")], k.font));
            });
    }
}
} // namespace

ChartStyle::Scales ChartStyle::scales(Kind kind)
{
    switch (kind) {
    case Kind::Normal:
        return {};
    case Kind::Presentation:
        return {1.8, 2.0, 1.6, 1.5};
    }
    return {};
}

QString ChartStyle::displayName(Kind kind)
{
    switch (kind) {
    case Kind::Normal:
        return QCoreApplication::translate("ui::ChartStyle", "Normal");
    case Kind::Presentation:
        return QCoreApplication::translate("ui::ChartStyle", "Presentation");
    }
    return {};
}

ChartStyle::Kind ChartStyle::kind(const QChart* chart)
{
    if (chart == nullptr)
        return Kind::Normal;
    return chart->property(kKindProperty).toInt() == static_cast<int>(Kind::Presentation) ? Kind::Presentation
                                                                                          : Kind::Normal;
}

void ChartStyle::apply(QChart* chart, Kind kind)
{
    if (chart == nullptr)
        return;
    const Scales s = scales(kind);
    chart->setProperty(kKindProperty, static_cast<int>(kind));
    styleObject(
        chart, kind, s,
        [chart] {
            return QVariantMap{{QStringLiteral("titleFont"), chart->titleFont()}};
        },
        [chart](const QVariantMap& m, const Scales& k) {
            chart->setTitleFont(scaledFont(m[QStringLiteral("titleFont")], k.font));
        });
    QLegend* legend = chart->legend();
    styleObject(
        legend, kind, s,
        [legend] {
            return QVariantMap{{QStringLiteral("font"), legend->font()}};
        },
        [legend](const QVariantMap& m, const Scales& k) {
            legend->setFont(scaledFont(m[QStringLiteral("font")], k.font));
        });
    for (QAbstractAxis* axis : chart->axes())
        styleAxis(axis, kind, s);
    for (QAbstractSeries* series : chart->series())
        styleSeries(series, kind, s);
    if (ChartAnnotation* box = annotation(chart))
        box->relayout();
    // Custom items (CurveLayer) read lineWidthScale() when they paint.
    if (chart->scene() != nullptr)
        chart->scene()->update();
    else
        chart->update();
}

ChartAnnotation* ChartStyle::annotation(const QChart* chart)
{
    if (chart == nullptr)
        return nullptr;
    for (QGraphicsItem* item : chart->childItems())
        if (auto* box = qobject_cast<ChartAnnotation*>(item->toGraphicsObject()))
            return box;
    return nullptr;
}

ChartAnnotation* ChartStyle::setAnnotation(QChart* chart, const QString& text)
{
    if (chart == nullptr)
        return nullptr;
    if (text.isEmpty()) {
        removeAnnotation(chart);
        return nullptr;
    }
    ChartAnnotation* box = annotation(chart);
    if (box == nullptr)
        box = new ChartAnnotation(chart);
    box->setText(text);
    return box;
}

void ChartStyle::removeAnnotation(QChart* chart)
{
    delete annotation(chart); // removes itself from the chart's children and the scene
}

} // namespace ui

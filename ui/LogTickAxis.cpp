// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/LogTickAxis.h"

#include <QFontMetricsF>

#include <cmath>

namespace ui {

LogTickAxis::LogTickAxis(core::TickStyle style, QObject* parent) : QCategoryAxis(parent), m_style(style)
{
    setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    setGridLineColor(QColor(0xc8, 0xc8, 0xc8));
    setLinePenColor(QColor(0x70, 0x70, 0x70));
    connect(this, &QValueAxis::rangeChanged, this, &LogTickAxis::rebuild);
    rebuild();
}

void LogTickAxis::setTickStyle(core::TickStyle style)
{
    if (style == m_style)
        return;
    m_style = style;
    rebuild();
}

void LogTickAxis::setLengthPx(double px)
{
    if (!(px >= 0.0) || std::abs(px - m_lengthPx) < 1.0)
        return;
    m_lengthPx = px;
    rebuild();
}

void LogTickAxis::followPlotArea(QChart* chart)
{
    connect(chart, &QChart::plotAreaChanged, this, [this](const QRectF& area) {
        setLengthPx(orientation() == Qt::Vertical ? area.height() : area.width());
    });
}

double LogTickAxis::dataMin() const
{
    return std::pow(10.0, min());
}

double LogTickAxis::dataMax() const
{
    return std::pow(10.0, max());
}

void LogTickAxis::rebuild()
{
    if (m_rebuilding)
        return;
    m_rebuilding = true;
    const QStringList old = categoriesLabels();
    for (const QString& label : old)
        remove(label);
    m_major.clear();
    m_minor.clear();
    const double lo = dataMin();
    const double hi = dataMax();
    if (std::isfinite(lo) && std::isfinite(hi) && lo > 0 && lo < hi) {
        const QFontMetricsF metrics(labelsFont());
        core::TickLabelRoom room;
        room.lengthPx = m_lengthPx;
        if (orientation() == Qt::Vertical)
            room.extentPx = [h = metrics.height()](const std::string&) { return h; };
        else
            room.extentPx = [&metrics](const std::string& text) {
                return metrics.horizontalAdvance(QString::fromStdString(text));
            };
        const core::LogTicks ticks = core::fittedLogTicks(lo, hi, m_style, room);
        setStartValue(min());
        double last = min();
        for (double v : ticks.major) {
            const double pos = std::log10(v);
            const QString label = QString::fromStdString(core::formatTick(v, m_style));
            if (pos < min() || pos > max() || pos <= last || categoriesLabels().contains(label))
                continue;
            append(label, pos);
            m_major.push_back(pos);
            last = pos;
        }
        for (double v : ticks.minor) {
            const double pos = std::log10(v);
            if (pos >= min() && pos <= max())
                m_minor.push_back(pos);
        }
    }
    m_rebuilding = false;
}

} // namespace ui

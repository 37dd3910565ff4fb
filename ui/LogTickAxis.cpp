// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/LogTickAxis.h"

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
        const core::LogTicks ticks = core::logTicks(lo, hi);
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

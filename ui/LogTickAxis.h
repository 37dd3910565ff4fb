// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/plot/LogTicks.h"

#include <QCategoryAxis>
#include <QChart>

#include <vector>

namespace ui {

/// A linear axis over log10(value) that labels itself like a log axis: whenever its range changes
/// it asks core::logTicks for tick positions and core::formatTick for their text, and shows the
/// majors as labelled categories (labels on the value, with grid lines); the minors are kept for
/// the chart view to draw as lighter grid lines. min()/max() are log10 of data values; dataMin()/
/// dataMax() are the data values. Given the axis length in pixels (setLengthPx, from the chart's
/// plot area), it labels only as many ticks as fit whole in its labels font (core::fittedLogTicks),
/// so a narrow chart reads 1B, 10B rather than truncated "2...", "5...". Owned by the chart it is
/// added to. GUI thread only.
class LogTickAxis : public QCategoryAxis {
    Q_OBJECT
public:
    explicit LogTickAxis(core::TickStyle style, QObject* parent = nullptr);

    void setTickStyle(core::TickStyle style);
    [[nodiscard]] core::TickStyle tickStyle() const { return m_style; }
    /// Length of the axis on screen in pixels (the plot area's width for a horizontal axis, its
    /// height for a vertical one); 0, the default, labels up to 8 ticks whatever their size.
    /// Relabels only when the length changes by a pixel or more.
    void setLengthPx(double px);
    /// Keeps the length in step with `chart`'s plot area (call after chart->addAxis(this, ...)).
    void followPlotArea(QChart* chart);
    /// Minor tick positions inside the range, in log10 units.
    [[nodiscard]] const std::vector<double>& minorPositions() const { return m_minor; }
    /// Major tick positions inside the range, in log10 units (one per label).
    [[nodiscard]] const std::vector<double>& majorPositions() const { return m_major; }
    [[nodiscard]] double dataMin() const;
    [[nodiscard]] double dataMax() const;

private:
    void rebuild();

    core::TickStyle m_style;
    std::vector<double> m_major;
    std::vector<double> m_minor;
    double m_lengthPx = 0;
    bool m_rebuilding = false;
};

} // namespace ui

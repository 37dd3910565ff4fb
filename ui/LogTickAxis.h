// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/plot/LogTicks.h"

#include <QCategoryAxis>

#include <vector>

namespace ui {

/// A linear axis over log10(value) that labels itself like a log axis: whenever its range changes
/// it asks core::logTicks for tick positions and core::formatTick for their text, and shows the
/// majors as labelled categories (labels on the value, with grid lines); the minors are kept for
/// the chart view to draw as lighter grid lines. min()/max() are log10 of data values; dataMin()/
/// dataMax() are the data values. Owned by the chart it is added to. GUI thread only.
class LogTickAxis : public QCategoryAxis {
    Q_OBJECT
public:
    explicit LogTickAxis(core::TickStyle style, QObject* parent = nullptr);

    void setTickStyle(core::TickStyle style);
    [[nodiscard]] core::TickStyle tickStyle() const { return m_style; }
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
    bool m_rebuilding = false;
};

} // namespace ui

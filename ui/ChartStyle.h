// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QChart;

namespace ui {

class ChartAnnotation;

/// Named looks for a QChart: Normal (as built) and Presentation (for projecting in a meeting:
/// fonts x1.8, line and axis pens x2, marker sizes x1.6, grid pens x1.5). apply() styles the chart's
/// title, legend, every axis (label and title fonts, line, grid and minor grid pens) and every
/// QXYSeries/QScatterSeries/QAreaSeries (pen, marker size, point label font). Before the first change
/// of an object it records that object's Normal values on the object itself (a dynamic property),
/// so applying Normal restores them exactly, Presentation twice does not compound, and a series
/// deleted with its chart takes its record with it: nothing global, no singleton, no owner.
/// Series added later are unstyled until apply() runs again (call apply(chart, kind(chart)) after
/// rebuilding series). Values changed by the program while Presentation is on are overwritten by the
/// Normal record when Normal is applied. Custom items read the scales (lineWidthScale(),
/// fontScale()) when they paint. GUI thread only.
class ChartStyle {
public:
    enum class Kind { Normal, Presentation };

    /// Multipliers over the Normal values; all 1 for Normal.
    struct Scales {
        double font = 1.0;   ///< point (or pixel) sizes of fonts
        double line = 1.0;   ///< series and axis-line pen widths (a 0 "hairline" counts as 1 px)
        double marker = 1.0; ///< scatter marker diameters
        double grid = 1.0;   ///< grid and minor grid pen widths
    };

    [[nodiscard]] static Scales scales(Kind kind);
    /// "Normal", "Presentation" (translated), for menus.
    [[nodiscard]] static QString displayName(Kind kind);

    /// Styles `chart` and everything in it as `kind` and repaints; a null chart is ignored.
    static void apply(QChart* chart, Kind kind);
    /// The kind last applied to `chart` (Normal for a chart never styled or null).
    [[nodiscard]] static Kind kind(const QChart* chart);
    /// Scales for the kind applied to `chart`: what a custom item such as CurveLayer multiplies its
    /// pen width (lineWidthScale) or font (fontScale) by.
    [[nodiscard]] static double lineWidthScale(const QChart* chart) { return scales(kind(chart)).line; }
    [[nodiscard]] static double fontScale(const QChart* chart) { return scales(kind(chart)).font; }

    /// Shows `text` in the chart's annotation box, creating it if needed; empty text removes it.
    /// Returns the box (owned by the chart) or null when removed.
    static ChartAnnotation* setAnnotation(QChart* chart, const QString& text);
    static void removeAnnotation(QChart* chart);
    /// The chart's annotation box, or null.
    [[nodiscard]] static ChartAnnotation* annotation(const QChart* chart);
};

} // namespace ui

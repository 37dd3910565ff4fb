// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/plot/PlotPoints.h"

#include <QColor>
#include <QPointF>
#include <QString>

#include <functional>
#include <vector>

namespace ui {

class Document;

/// What LogLogChartView draws for the Document's visible runs at its x quantity, in data units
/// (every point > 0 and finite: only core::logPlotPoints and core::seedBands output): runs with one
/// point as marker groups (one per ColorScale legend entry, plus a hollow group per entry for its
/// excluded runs; or one group per run when the scale has no legend), runs with several points as
/// curves (seed-mates as one mean curve with a band, the rest raw, or smoothed with the raw curve
/// faint behind it). Builds plain values, no Qt series, so it can be tested and reused without a
/// chart. GUI thread (reads the Document); the result owns nothing of the Document's.
class RunPlotContent {
public:
    struct Curve {
        core::PlotPoints full;                 ///< every point, data units
        core::PlotPoints shown;                ///< what is drawn now (filled by the view's decimation)
        int run = -1;                          ///< the sweep run (the first seed for a mean curve)
        QString name;
        QColor color;
        bool faint = false;                    ///< the raw curve behind a smoothed one
        core::PlotPoints bandLower, bandUpper; ///< seed-mates' spread (empty: no band)
    };
    struct MarkerGroup {
        QString name;
        QColor color;
        core::PlotPoints shown; ///< one point per run, in the order of `runs`
        std::vector<int> runs;
        bool excluded = false;     ///< hollow markers of runs excluded from the fit
        bool legendHidden = false; ///< an entry's excluded group: not listed in the legend again
    };

    /// Nothing plotted.
    RunPlotContent();
    /// `hollow(run)`: excluded by the user or left out by the fit's rules (drawn hollow or faint).
    static RunPlotContent build(const Document& document, const std::function<bool(int)>& hollow);

    std::vector<Curve> curves;
    std::vector<MarkerGroup> markers;
    bool perRun = true; ///< one marker group per run; the legend is hidden
    /// Extent of every plotted point (and band), data units; lo > hi when nothing is plotted.
    double xLo, xHi, yLo, yHi;

    /// The run whose shown point maps (through `toView`, from log10 x and log10 y to viewport
    /// pixels) nearest to `viewPos` within `radius` pixels, or -1.
    [[nodiscard]] int runNear(QPointF viewPos, double radius, const std::function<QPointF(QPointF)>& toView) const;
    /// Runs with a shown point for which `inside(log10 x, log10 y)` holds, ascending, each once.
    [[nodiscard]] std::vector<std::size_t> runsWhere(const std::function<bool(QPointF)>& inside) const;

private:
    void addMarkers(const Document& document, const std::function<bool(int)>& hollow);
    void addCurves(const Document& document, const std::function<bool(int)>& hollow);
    void widen(const core::PlotPoints& p);
};

} // namespace ui

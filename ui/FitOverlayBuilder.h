// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/alloc/Allocation.h"
#include "core/fit/FitJobResult.h"
#include "core/fit/FitJobSpec.h"
#include "core/plot/FitViews.h"
#include "ui/OverlayLayer.h"

#include <QColor>

#include <functional>
#include <optional>

namespace ui {

/// Turns the curves core computed for a fit (core::FitViews) into what an OverlayLayer draws on
/// the loss chart, in its axis units (log10 x, log10 loss): per group of runs the fitted law in
/// the group's colour, solid where it interpolates the runs and dashed where it extrapolates; the
/// compute-optimal frontier (dark, dashed beyond the data) with its 95% band; the budget's
/// optimum as a star and a vertical line labelled with it; backtest predictions of held-out runs
/// as hollow diamonds labelled with their relative error. A stale fit (a refit is running) is
/// drawn faded. Only converts and styles values; computes nothing. Stateless; GUI thread.
class FitOverlayBuilder {
public:
    struct Inputs {
        const core::FitViews* views = nullptr;     ///< null: nothing to draw
        const core::FitJobResult* result = nullptr; ///< for the backtest; may be null
        core::XQuantity x = core::XQuantity::N;
        std::optional<core::Allocation> optimum; ///< at the current budget, if any
        bool stale = false;                       ///< draw faded
        std::optional<core::FitRange> range;      ///< the fit range, marked when it is on this x
        std::function<QColor(std::size_t run)> runColor;
    };

    /// The data view (loss against x with the law per group).
    [[nodiscard]] static OverlayLayer::Content lossView(const Inputs& in);
    /// The IsoFLOP view (x = N): the profiles' parabolas and vertices with their 95% intervals,
    /// and the law's IsoFLOP curves faint behind them.
    [[nodiscard]] static OverlayLayer::Content isoFlopView(const Inputs& in);

    /// log10 of each (x, y) of `points`, as a polyline in axis units.
    [[nodiscard]] static QPolygonF logPolygon(const core::PlotPoints& points);
};

} // namespace ui

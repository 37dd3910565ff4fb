// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/FitOverlayBuilder.h"

namespace ui {

/// Content for the two analysis charts (OverlayChartView), from the curves core computed for a
/// fit: the allocation view (N_opt(C) and D_opt(C) against C, log-log) from the fitted law
/// (approach 3, with 95% bootstrap bands), from the IsoFLOP profiles (approach 2: each profile's
/// vertex and the power law through them) and from the training curves' envelope (approach 1),
/// with the budget marked; and the residual view (ln(L_pred / L) of every fitted point against
/// the chosen x, coloured as its run, with the zero line). Only converts and styles values.
/// Stateless; GUI thread.
class AnalysisOverlayBuilder {
public:
    [[nodiscard]] static OverlayLayer::Content allocationView(const FitOverlayBuilder::Inputs& in);
    /// y is linear (the residual itself), x is log10 of the point's N, D or C.
    [[nodiscard]] static OverlayLayer::Content residualView(const FitOverlayBuilder::Inputs& in);
};

} // namespace ui

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/alloc/EnvelopeResult.h"
#include "core/alloc/IsoFlopResult.h"
#include "core/data/Sweep.h"
#include "core/fit/FitJobResult.h"
#include "core/plot/CurveBand.h"
#include "core/plot/FrontierCurves.h"
#include "core/plot/PlotPoints.h"
#include "core/util/Progress.h"

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace core {

/// One curve of the fitted law through a group of runs, against one x quantity: `curve` is sampled
/// over the group's x range widened by FitViewOptions::groupWiden each way; [dataLo, dataHi] is the
/// range the group's runs cover (inside it the curve interpolates, outside it extrapolates).
struct ViewGroupCurve {
    std::string label;             ///< "C = 1e+20", "N = 1e+09" (how the group is held fixed)
    std::vector<std::size_t> runs; ///< the group's runs (sweep indices)
    double fixed = 0.0;            ///< the budget C (FLOPs) or N (parameters) held fixed
    PlotPoints curve;              ///< log-axis safe (x, loss)
    double dataLo = 0.0, dataHi = 0.0;
};

/// What the data view draws for one x quantity: the law per group of runs (IsoFLOP groups by
/// budget or binned C for final-loss sweeps; one curve per model size for training curves; the
/// law itself for a one-variable law in this x), and the compute-optimal locus (N_opt, D_opt or C
/// against L_opt over the budget range) with its band (x = C only) when the law is in N and D.
struct ViewCurves {
    std::vector<ViewGroupCurve> groups;
    PlotPoints locus;                  ///< (x_opt(C), L_opt(C)); empty for one-variable laws
    std::optional<CurveBand> locusBand; ///< x = C only, with bootstrap draws
    double dataLo = 0.0, dataHi = 0.0;  ///< the fitted points' x range
};

/// Sampling settings of fitViews.
struct FitViewOptions {
    std::size_t samples = 160;      ///< per curve
    double groupWiden = 2.0;        ///< a group's curve spans [lo / w, hi * w] of its runs' x
    double cDecadesBelow = 1.0;     ///< the budget range: cMin / 10^below ...
    double cDecadesAbove = 3.0;     ///< ... to cMax * 10^above (cMin, cMax: the fitted points' C)
    std::size_t maxGroups = 24;     ///< more groups than this: none are drawn (a warning says so)
    unsigned threads = 0;           ///< for the bands
};

/// Every curve the GUI's views draw for one fit, computed once off the GUI thread so switching
/// views and moving the budget never recomputes them: per x quantity (index static_cast<int>(q))
/// the ViewCurves; the frontier N_opt(C), D_opt(C), L_opt(C) over the budget range with bootstrap
/// bands; the fitted points' log residuals; Chinchilla approach 2 (IsoFLOP profiles, parabolas and
/// the N_opt/D_opt power laws) on the same runs (fitted points only, exclusions applied).
struct FitViews {
    std::array<ViewCurves, 3> byX;
    std::optional<FrontierCurves> frontier;
    std::optional<FrontierBands> frontierBands;
    double cLo = 0.0, cHi = 0.0;           ///< the budget range sampled (FLOPs)
    std::vector<double> residuals;         ///< ln(pred) - ln(y) per fitted point (FitJobResult::data order)
    std::optional<IsoFlopResult> isoFlop;  ///< approach 2, when the fitted points form profiles
    std::vector<PlotPoints> parabolas;     ///< per isoFlop profile: its parabola over its N range widened 1.5x (empty without one)
    PlotPoints approach2N, approach2D;     ///< approach 2's N_opt = k C^a and D_opt over [cLo, cHi] (empty without a fit)
    CurveBand approach2NBand, approach2DBand; ///< their 95% confidence bands (PowerLawInC::interval; empty with < 3 vertices)
    std::optional<EnvelopeResult> envelope; ///< approach 1 over the fitted runs' training curves
    PlotPoints envelopeLoss;               ///< the envelope's (C, loss) points
    PlotPoints approach1N, approach1D;     ///< approach 1's N_opt and D_opt power laws over [cLo, cHi]
    CurveBand approach1NBand, approach1DBand; ///< their 95% bands (too narrow: envelope points are correlated)
    std::vector<std::string> warnings;     ///< what could not be drawn, and why
};

/// Computes FitViews for `result` (a fit of `sweep`; `fitX` is the x of a one-variable law). Uses the bootstrap draws when the result has
/// them. Pure and thread-safe (the bands run on options.threads threads; deterministic).
/// `progress` may cancel (then an empty FitViews with a "cancelled" warning is returned).
[[nodiscard]] FitViews fitViews(const Sweep& sweep, const FitJobResult& result, XQuantity fitX,
                                const FitViewOptions& options = {},
                                const Progress& progress = {});

/// One parabola of an IsoFLOP profile sampled against N over [nLo, nHi] (log-uniform), as
/// (N, loss); empty when the profile has no parabola. Log-axis safe.
[[nodiscard]] PlotPoints isoFlopParabolaCurve(const IsoFlopProfile& profile, double nLo, double nHi,
                                              std::size_t samples);

} // namespace core

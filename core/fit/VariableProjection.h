// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/fit/FitData.h"
#include "core/fit/FitRequest.h"
#include "core/util/Error.h"
#include "core/util/Progress.h"

#include <tl/expected.hpp>

#include <cstddef>
#include <vector>

namespace core {

/// The exponent grid of variableProjection: every exponent (alpha, and beta for `chinchilla`)
/// runs over lower, lower + step, ..., <= upper, clipped to the request's bounds on it.
struct VarProGrid {
    double lower = 0.02;
    double upper = 2.0;
    double step = 0.02;
    std::size_t maxCandidates = 8; ///< at most this many candidates are returned
};

/// A start found by variable projection: all of the law's parameters (law order, fixed and tied
/// values in place) and the request's objective there.
struct VarProCandidate {
    std::vector<double> params;
    double objective = 0.0;
};

/// Variable projection (Golub & Pereyra; Open-Athena's scaling-law use) for the laws `power`
/// (L = E + A x^-alpha) and `chinchilla` (L = E + A N^-alpha + B D^-beta).
/// - At each exponent point of `grid` the linear coefficients (E, A[, B]) are solved exactly and
///   non-negatively by box-constrained weighted least squares on L (weights w, or w/y^2 for the
///   log objectives), then the request's objective itself (ResidualLoss: weights, over-estimate
///   penalty, delta; summed) is minimised over them by safeguarded Gauss-Newton (least squares)
///   or Newton/IRLS (Huber) steps that never increase it, to 1e-10 relative (VarProSolver). That
///   minimum is the point's value. Columns x^-alpha, D^-beta are computed once per exponent value.
/// - Search: a grid of at most 700 points is evaluated in full. A larger one (the default,
///   100 x 100) first on its sub-grid of every s-th exponent value and the last (s the smallest
///   stride leaving <= 700 points: 4 for the default, spacing 0.08); from each local minimum of
///   the sub-grid (best first, at most 4 maxCandidates) a descent on the full grid evaluates the 8
///   neighbours and moves to the best while it is strictly better. So every candidate is a local
///   minimum of the full grid (all neighbours evaluated, none better), but a minimum whose basin
///   the sub-grid does not resolve can be missed.
/// - Returns local minima (8-neighbourhood; a 1-D grid when alpha = beta is tied or an exponent
///   is fixed), best first, one per distinct law (points differing only in the exponent of a zero
///   coefficient count once), at most maxCandidates, with the objective recomputed through
///   Law::eval: starts for a local solver, not final results.
/// - Honours request.fixed (a fixed coefficient moves to the right-hand side, a fixed exponent
///   collapses its axis), ties (coefficient to coefficient: one shared unknown; exponent to
///   exponent: the grid's diagonal) and bounds (the exponent grid is clipped to them; coefficient
///   bounds, raised to >= 0, are the box). request.start is not used.
/// Threads: up to request.threads (0 = all cores), the calling thread included, when the grid is
/// worth it; each point's value depends on that point alone, so the result is deterministic and
/// independent of the thread count. Scratch storage is kept per calling thread (no allocation
/// once warm apart from the result and worker threads). `progress` is called from the calling
/// thread with the fraction done; false cancels.
/// Errors (values, naming the option): a law other than power/chinchilla (--grid), unknown or
/// contradictory --fix/--bounds/--tie entries, fewer points than free parameters (--law),
/// non-positive or non-finite inputs, loss (log objectives) or weights, a bad delta or penalty,
/// an empty or invalid grid (--grid), "cancelled".
[[nodiscard]] tl::expected<std::vector<VarProCandidate>, Error>
variableProjection(const FitData& data, const FitRequest& request, const VarProGrid& grid = {},
                   const Progress& progress = {});

} // namespace core

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
/// (L = E + A x^-alpha) and `chinchilla` (L = E + A N^-alpha + B D^-beta): for each exponent
/// point of `grid`, the linear coefficients (E, A[, B]) are solved exactly and non-negatively by
/// least squares on L, then, for the log objectives (LsqLog, HuberLog), improved by a few
/// projected Gauss-Newton / IRLS steps in log space; the objective of `request` (weights,
/// penalty, delta) is evaluated there. Returns the grid's local minima (8-neighbourhood; a 1-D
/// grid when alpha = beta is tied or an exponent is fixed), best first, at most maxCandidates —
/// starts for a local solver, not final results. Honours request.fixed (e.g. E = 0), ties between
/// the exponents and bounds. Threads: up to request.threads (0 = all cores); deterministic and
/// independent of the thread count. `progress` gets the fraction of the grid done; false cancels.
/// Errors (values): a law other than power/chinchilla, fewer points than free parameters,
/// non-positive inputs or loss (log objectives), an empty grid, "cancelled".
[[nodiscard]] tl::expected<std::vector<VarProCandidate>, Error>
variableProjection(const FitData& data, const FitRequest& request, const VarProGrid& grid = {},
                   const Progress& progress = {});

} // namespace core

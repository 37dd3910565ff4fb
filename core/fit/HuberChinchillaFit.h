// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/fit/FitData.h"
#include "core/fit/FitResult.h"
#include "core/fit/HuberChinchillaObjective.h"
#include "core/fit/MultiStartStats.h"
#include "core/util/Error.h"
#include "core/util/Progress.h"

#include <tl/expected.hpp>

#include <cstddef>
#include <vector>

namespace core {

/// Start grid and settings of fitChinchillaHuber. Grid values are in the optimiser's parameters:
/// a = log A, b = log B, e = log E (natural logs), alpha, beta.
struct HuberChinchillaOptions {
    double delta = 1e-3;                 ///< Huber threshold, in nats of log-loss
    std::vector<double> a, b, e, alpha, beta; ///< empty: Hoffmann's grid (see hoffmannGrid())
    double gradientTolerance = 1e-9;     ///< per start, infinity norm of the gradient in (a,b,e,alpha,beta);
                                         ///< a start that stalls at machine precision within 10x of it counts as converged
    std::size_t maxIterations = 5000;    ///< L-BFGS iterations per start
    unsigned threads = 0;                ///< worker threads; 0 = std::thread::hardware_concurrency()
    /// Evaluation kernel (tests and benchmarks): every vector kernel gives the same fit.
    HuberChinchillaObjective::Kernel kernel = HuberChinchillaObjective::Kernel::Auto;

    /// Hoffmann et al.'s 4,500 starts: alpha, beta in {0, 0.5, ..., 2}, e in {-1, -0.5, ..., 1},
    /// a, b in {0, 5, ..., 25}.
    [[nodiscard]] static HuberChinchillaOptions hoffmannGrid();
};

/// A Chinchilla Huber fit: the best start as a FitResult and how all the starts ended.
struct HuberChinchillaFit {
    FitResult result;
    MultiStartStats stats;
};

/// Chinchilla approach 3 (Hoffmann et al. 2022, App. D.2): minimises the summed
/// HuberChinchillaObjective by L-BFGS (minimiseLbfgs) from every start of the grid, ordered with
/// alpha outermost then beta, e, a, b. Returns the lowest objective (ties: lowest start index) as
/// E, A, B, alpha, beta (L in nats/token, N in parameters, D in tokens) with per-point residuals in
/// log-loss, the gradient norm (in a, b, e, alpha, beta), iterations and termination of that start; `stderrs` is left empty
/// (use the bootstrap). Uses data.N, data.D and data.y (weights are ignored).
/// Every start is run to the gradient tolerance on its own (there is no loose first pass and no
/// sharing between starts), so the statistics mean what MultiStartStats says: `converged` = starts
/// whose own run met the tolerance (or stalled at machine precision within 10x of it),
/// `reachedBest` = starts whose own end point is within 1e-9 relative of the best objective.
/// L-BFGS settings (LbfgsOptions): memory 10, strong Wolfe line search with bracketing growth 4
/// (as MINPACK's dcsrch in scipy's L-BFGS-B), Hager-Zhang approximate Wolfe steps within the
/// objective's rounding noise (1e-14 relative), and the preconditioner M = inverse Gram matrix of
/// the regressors (1, -log N) of (a, alpha) and (1, -log D) of (b, beta): L-BFGS in the centred,
/// scaled exponents (a - alpha mean log N, alpha sd log N, ...). These choices change which basin
/// some starts end in, and so the counts, but not the best optimum: on Epoch's 240 points (in the
/// benchmark's order) 2,103 of the 4,500 starts reach it (2,232 with the plain L-BFGS of the first
/// version), and the parameters agree with that version's to 2e-9 relative (docs/PERFORMANCE.md).
/// Threading: starts run through core::parallelFor on options.threads threads; each start is
/// deterministic and the reduction is by start index, so the result does not depend on the thread
/// count (nor on the CPU's vector instructions: see HuberChinchillaObjective). `progress` is
/// called from the calling thread with the fraction of starts done, at least once (the last call
/// has 1 when every start is done); returning false cancels, even on that last call.
/// Errors (values): fewer than 5 points, missing or mismatched N/D/loss columns, non-finite or
/// non-positive N, D or loss, delta <= 0, an empty grid, or "cancelled".
[[nodiscard]] tl::expected<HuberChinchillaFit, Error> fitChinchillaHuber(const FitData& data,
                                                                         const HuberChinchillaOptions& options = {},
                                                                         const Progress& progress = {});

} // namespace core

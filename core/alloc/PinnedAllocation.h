// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/alloc/Allocation.h"
#include "core/fit/Law.h"
#include "core/util/Error.h"

#include <tl/expected.hpp>

#include <span>

namespace core {

/// A model size N (or token count D) pinned at a training budget C = 6ND, and what the pin costs
/// against the compute-optimal allocation (issue 5, item 4). Units: N parameters, D tokens, C FLOPs,
/// loss nats/token. Values are never rounded.
struct PinnedAllocation {
    char pinned = 'N';           ///< which quantity is pinned: 'N' (model size) or 'D' (tokens)
    double C = 0.0;              ///< the training budget (FLOPs), as given
    double N = 0.0;              ///< parameters: the pinned value, or C / (6 D)
    double D = 0.0;              ///< training tokens: the pinned value, or C / (6 N)
    double tokensPerParam = 0.0; ///< D / N
    double loss = 0.0;           ///< the law's predicted loss at (N, D)
    double optimalLoss = 0.0;    ///< L_opt(C): the compute-optimal loss at the same budget
    double lossPenalty = 0.0;    ///< loss - optimalLoss: what the pin costs in loss at equal compute (>= 0)
    double cForSameLoss = 0.0;   ///< C*: the smallest budget (FLOPs) whose optimal allocation reaches `loss`
    double nForSameLoss = 0.0;   ///< N*(C*): the compute-optimal parameters at C*
    double dForSameLoss = 0.0;   ///< D*(C*): the compute-optimal tokens at C*
    /// C - C* (FLOPs): the compute the pin spends beyond the optimum for the same loss. >= 0 up to
    /// the root finder's tolerance (about 1e-13 relative); about 0 when N = N_opt(C).
    double extraFlops = 0.0;
    double extraFraction = 0.0; ///< C / C* - 1: extraFlops as a fraction of C* (0.23 = 23% more FLOPs)
};

/// Pins N (`pinned` = 'N') or D ('D') to `value` at budget C (FLOPs) under a fitted law in N and D
/// (`params` in law.parameters() order): the other quantity follows from C = 6ND, the law predicts
/// the loss there, and computeOptimalForLoss() gives the budget C* at which the compute-optimal
/// allocation reaches the same loss; the pin costs C - C* extra FLOPs. `options` (method, unique
/// tokens for `datacon`) apply to the optimum and to the loss, as in computeOptimal().
/// Errors (values): `pinned` not 'N' or 'D' ("pin"); `value` not finite or <= 0, the implied other
/// quantity not finite and > 0, a loss that is not finite, at or below the law's irreducible loss E
/// (no optimum reaches it), or not reached between 100 and 1e40 FLOP ("--pin-n" / "--pin-d");
/// C not finite or <= 6 ("--budget"); a one-variable law and the other errors of computeOptimal().
/// Pure; any thread.
[[nodiscard]] tl::expected<PinnedAllocation, Error> pinnedAllocation(const Law& law, std::span<const double> params,
                                                                     double C, char pinned, double value,
                                                                     const AllocationOptions& options = {});

} // namespace core

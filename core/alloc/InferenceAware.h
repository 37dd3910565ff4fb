// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/alloc/Allocation.h"
#include "core/fit/Law.h"
#include "core/util/Error.h"

#include <tl/expected.hpp>

#include <span>

namespace core {

/// Inference-aware allocation (Sardana and Frankle 2024): a model of N parameters trained on D
/// tokens and then serving D_inf inference tokens costs C_total = 6 N D + 2 N D_inf FLOPs.
/// Both functions search ln N numerically (grid, Brent, Newton polish) for any law in N and D;
/// with D_inf = 0 they reduce to computeOptimalForLoss() / computeOptimal(). The result's C is the
/// training part 6ND, inferenceFlops = 2 N D_inf and totalFlops their sum; for the same loss the
/// optimum is a smaller model trained longer than the Chinchilla-optimal one once D_inf > 0.
/// Method ClosedForm is accepted only for D_inf = 0 (it is then the closed-form function);
/// Numeric also solves D from the loss by root finding for `chinchilla`.
/// Errors (values): as computeOptimal(), plus D_inf not finite or < 0 (--inference-tokens).
/// Pure functions; any thread.

/// (a) For a target loss (nats/token): minimise 6 N D + 2 N D_inf subject to L(N, D) = targetLoss,
/// over ln N in [0, ln 1e20], with D solved from the constraint (closed form for `chinchilla`,
/// D = (B / (loss - E - A N^-alpha))^(1/beta); a root in ln D otherwise). At the optimum the
/// Lagrange condition (6D + 2D_inf) dL/dD = 6N dL/dN holds (for chinchilla:
/// (6D + 2D_inf) beta B D^(-beta-1) = 6 alpha A N^-alpha). Errors (--target-loss) when no N
/// reaches the target or the minimum is at an end of the range.
[[nodiscard]] tl::expected<Allocation, Error> inferenceAwareForLoss(const Law& law, std::span<const double> params,
                                                                    double targetLoss, double inferenceTokens,
                                                                    const AllocationOptions& options = {});

/// (b) For a total budget C_total = 6 N D + 2 N D_inf (FLOPs): the lowest loss, i.e. the minimum of
/// L(N, (C_total - 2 N D_inf)/(6N)) over ln N in [0, ln(C_total/(6 + 2 D_inf))]. Errors (--budget)
/// when C_total is not finite or too small, or the minimum is at an end of the range.
[[nodiscard]] tl::expected<Allocation, Error> inferenceAwareForBudget(const Law& law, std::span<const double> params,
                                                                      double totalFlops, double inferenceTokens,
                                                                      const AllocationOptions& options = {});

} // namespace core

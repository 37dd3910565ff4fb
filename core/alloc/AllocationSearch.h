// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/alloc/Allocation.h"
#include "core/fit/Law.h"
#include "core/util/Error.h"

#include <tl/expected.hpp>

#include <span>
#include <string>

namespace core {

/// Pieces shared by computeOptimal() and the inference-aware variants (not meant for the UI).
/// Units: N parameters, D tokens, C FLOPs, loss nats/token. Pure functions; any thread.

/// An error unless `law` reads N and D, `params` has one finite value per law parameter, and
/// the options fit the law (a unique-token cap needs `datacon`; ClosedForm needs `chinchilla`
/// when `needsClosedForm`).
[[nodiscard]] tl::expected<void, Error> checkAllocationInputs(const Law& law, std::span<const double> params,
                                                              const AllocationOptions& options, bool needsClosedForm);

/// Whether the closed form applies: law `chinchilla` and a method other than Numeric.
[[nodiscard]] bool usesClosedForm(const Law& law, const AllocationOptions& options);

/// The law's loss at (N, D) with options.uniqueTokens as LawPoint::U (C = 6ND filled in).
[[nodiscard]] double lossAt(const Law& law, std::span<const double> params, double N, double D, double uniqueTokens);

/// The allocation record for (N, D) with D_inf inference tokens: C = 6ND, loss, D/N, 2 N D_inf.
[[nodiscard]] Allocation makeAllocation(const Law& law, std::span<const double> params, double N, double D,
                                        double inferenceTokens, const AllocationOptions& options, std::string method);

/// Numeric minimum of the loss along 6 N D + 2 N D_inf = C over ln N in [0, ln(C/(6 + 2 D_inf))]
/// (at least one parameter and one token): a grid of steps <= 0.2 in ln N, Brent's method and a
/// Newton polish (minimiseOnGrid). An Error ("--budget") when the smallest loss is at an edge
/// of that range or nowhere finite.
[[nodiscard]] tl::expected<Allocation, Error> minimiseAlongBudget(const Law& law, std::span<const double> params,
                                                                  double C, double inferenceTokens,
                                                                  const AllocationOptions& options);

/// Training tokens D with L(N, D) = loss: for `chinchilla` (closed form allowed)
/// D = (B / (loss - E - A N^-alpha))^(1/beta); otherwise a root of L(N, e^t) - loss in
/// t = ln D in [0, ln 1e40]. NaN when no D in that range reaches the loss.
[[nodiscard]] double tokensForLoss(const Law& law, std::span<const double> params, double N, double loss,
                                   const AllocationOptions& options);

} // namespace core

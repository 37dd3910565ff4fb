// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/alloc/Allocation.h"
#include "core/fit/Law.h"
#include "core/util/Error.h"

#include <tl/expected.hpp>

#include <span>

namespace core {

/// Chinchilla approach 3: the compute-optimal allocation of budget C (FLOPs, C = 6ND) under a
/// fitted law in N and D (`params` in the order of law.parameters()).
///  - `chinchilla` (method Auto or ClosedForm): Hoffmann et al. 2022 eq. 4, N = G (C/6)^a,
///    D = (C/6)^b / G, with a, b, G from derivedQuantities().
///  - any law in N and D (method Numeric, or Auto for kaplan, datacon, ...): the minimum of
///    L(N, C/(6N)) over ln N in [0, ln(C/6)] (grid, Brent, Newton polish; agrees with the closed
///    form to about 1e-9 relative in N).
/// options.uniqueTokens caps unique data for `datacon` (see AllocationOptions).
/// Errors (values): a one-variable law, a wrong parameter count or a non-finite parameter
/// (--law/--params/the parameter's name), C not finite or <= 6 (--budget), no interior minimum
/// (--budget), a non-finite result (e.g. A = 0), ClosedForm for a law without one. Any thread.
[[nodiscard]] tl::expected<Allocation, Error> computeOptimal(const Law& law, std::span<const double> params, double C,
                                                             const AllocationOptions& options = {});

/// The inverse: the smallest budget C whose compute-optimal loss reaches `targetLoss` (nats/token),
/// and its allocation. The optimal loss falls as C grows; it is scanned over ln C from C = 100 to
/// 1e40 FLOP in steps of ln(10)/2 and the crossing refined by Brent's root finder to 1e-13 in ln C.
/// Errors as computeOptimal(), plus (--target-loss) a target not finite, reached already at
/// C = 100, or not reached by 1e40 FLOP (e.g. at or below the law's irreducible loss E).
[[nodiscard]] tl::expected<Allocation, Error> computeOptimalForLoss(const Law& law, std::span<const double> params,
                                                                    double targetLoss,
                                                                    const AllocationOptions& options = {});

} // namespace core

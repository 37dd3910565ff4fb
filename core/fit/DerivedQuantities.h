// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/fit/Law.h"

#include <span>
#include <string>
#include <utility>
#include <vector>

namespace core {

/// Quantities derived from a law's parameters, as (name, value) pairs in a fixed order. For laws
/// with E, A, B, alpha, beta in N and D (chinchilla, datacon): the compute-optimal exponents
/// a = beta/(alpha+beta) and b = alpha/(alpha+beta) (N_opt proportional to C^a, D_opt to C^b) and
/// G = (alpha A / (beta B))^(1/(alpha+beta)), with N_opt = G (C/6)^a, D_opt = (C/6)^b / G under C = 6ND
/// (Hoffmann et al. 2022, eq. 4). Empty for other laws. NaN where undefined (alpha + beta = 0).
[[nodiscard]] std::vector<std::pair<std::string, double>> derivedQuantities(const Law& law, std::span<const double> params);

} // namespace core

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/fit/Law.h"
#include "core/fit/ParameterMap.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace core {

/// `count` Latin-hypercube starts for the free parameters of `law` (fixed values and ties imposed
/// by `map`), each a full parameter vector in law order. Per free parameter the box is, around its
/// start s (the given start, else the law's default): for s != 0, magnitudes log-uniform over
/// [|s|/10, 10 |s|] with the sign of s ([|s|/100, 100 |s|] for scales with no upper bound and a
/// lower bound >= 0); for s = 0, uniform over [-1, 1]; then clipped to the parameter's bounds.
/// Deterministic for a given seed (std::mt19937_64).
[[nodiscard]] std::vector<std::vector<double>> latinHypercubeStarts(const Law& law, const ParameterMap& map,
                                                                    std::vector<double> start, std::size_t count,
                                                                    std::uint64_t seed);

/// Hoffmann et al.'s 4,500 Chinchilla starts (HuberChinchillaOptions::hoffmannGrid()) as
/// (E, A, B, alpha, beta) vectors, alpha outermost then beta, log E, log A, log B. Exponents of 0 are nudged inside their bounds by the solvers.
[[nodiscard]] std::vector<std::vector<double>> hoffmannStarts();

} // namespace core

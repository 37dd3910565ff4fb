// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace core {

/// What a column of a run table means. N = parameters, D = tokens, C = FLOPs, Budget = nominal
/// IsoFLOP budget (FLOPs), Loss = the metric, Run = run name/key, Step = optimizer step,
/// UniqueTokens = unique tokens of the run's data (data-constrained laws; D counts repeats).
enum class Role { N, D, C, Budget, Loss, Run, Step, UniqueTokens };

inline constexpr std::array<Role, 8> kAllRoles{Role::N,    Role::D,   Role::C,    Role::Budget,
                                               Role::Loss, Role::Run, Role::Step, Role::UniqueTokens};

/// Short name used on the command line and in JSON: "N", "D", "C", "budget", "loss", "run", "step",
/// "unique_tokens".
std::string_view roleName(Role r);
/// Inverse of roleName (case-insensitive); nullopt for an unknown name.
std::optional<Role> roleFromName(std::string_view name);

} // namespace core

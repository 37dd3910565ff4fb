// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/fit/Law.h"

#include <span>
#include <string_view>

namespace core {

/// The one registry of scaling-law forms: a constant table built on first use, never mutated.
[[nodiscard]] std::span<const Law* const> laws();
/// The law with this id ("power", "chinchilla", "kaplan", "datacon", "bnsl", "bnsl2", "bnsl3"),
/// or nullptr.
[[nodiscard]] const Law* lawById(std::string_view id);

} // namespace core

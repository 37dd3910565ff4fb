// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/alloc/FlopModel.h"

#include <span>
#include <string_view>

namespace core {

/// The one registry of FLOP models: a constant table built on first use, never mutated.
/// Order: "6nd" (the default), "kaplan", "chinchilla".
[[nodiscard]] std::span<const FlopModel* const> flopModels();
/// The model with this id, or nullptr.
[[nodiscard]] const FlopModel* flopModelById(std::string_view id);
/// The default model, C = 6ND.
[[nodiscard]] const FlopModel& defaultFlopModel();

} // namespace core

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string_view>

namespace core {

/// A count written as a number with an optional scale suffix, as model and data sizes are named:
/// "70m" = 7e7, "1.4B" = 1.4e9, "300k" = 3e5, "2T" = 2e12, "6.9e9" = 6.9e9 (suffixes k/K,
/// m/M, b/B/g/G, t/T; an optional trailing "params"/"tokens" word is not accepted). Leading and
/// trailing spaces are ignored. nullopt for anything else (text, empty, NaN). Pure.
[[nodiscard]] std::optional<double> parseSizeText(std::string_view text);

} // namespace core

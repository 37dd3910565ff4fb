// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string_view>

namespace core {

/// Parses a number the way run tables write them, independent of the C locale.
/// Accepts decimal and scientific notation ("2e9", "1e+20", ".5"), an optional sign, "nan" and
/// "inf"/"infinity" in any case, surrounding spaces/tabs/CR, and one size suffix:
/// K or k = 1e3, M = 1e6, B or G = 1e9, T = 1e12 ("350M", "7B", "1.5T", "2.8B").
/// A suffixed number is parsed as the decimal it denotes ("2.8B" is read as "2.8e9"), so the
/// result is the correctly rounded double, never a rounded product. Returns false (and leaves `out`
/// unspecified) for anything else, including the empty string. Thread-safe, never allocates.
bool parseNumber(std::string_view text, double& out);

/// parseNumber() as an optional.
std::optional<double> parseNumber(std::string_view text);

/// `text` without leading and trailing spaces, tabs and carriage returns.
std::string_view trimSpaces(std::string_view text);

} // namespace core

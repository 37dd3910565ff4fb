// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace core {

/// The shortest "%g" text of `v` that reads back (strtod) to exactly the same double: never
/// rounds a value, never prints more digits than needed ("0.1", "2e+09", "1.8172"), except that
/// whole digits are written out below 1e7 ("300", not "3e+02"; "2097152"). NaN and
/// infinities print as "nan", "inf", "-inf". Locale-independent only in the C locale (the CLI's).
[[nodiscard]] std::string shortestText(double v);

/// `v` rounded to `digits` significant digits, "%.*g" style ("7.225e+10", "18.39"), for human
/// readers only (results are never rounded; JSON uses shortestText). Same locale caveat.
[[nodiscard]] std::string significantText(double v, int digits);

} // namespace core

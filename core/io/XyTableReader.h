// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/fit/FitData.h"
#include "core/util/Error.h"

#include <tl/expected.hpp>

#include <string>

namespace core {

/// Reads a two-variable table for user-formula fits: a header row, then one point per row,
/// separated by tabs, commas or runs of spaces (sniffed from the header; a leading '#' line is a
/// comment). `xColumn`/`yColumn` name the columns (case-insensitive); empty means the columns
/// called x and y, or the only two columns. Fills FitData::x and y (any finite values; the run of
/// each point is its row), nothing else. Files are read whole (formula tables are small; over
/// 256 MiB is refused).
/// Errors (values, naming file, line and column): unreadable, empty or binary file, a missing or
/// ambiguous column, a short row, text or a non-finite number in x or y, no data rows.
[[nodiscard]] tl::expected<FitData, Error> readXyTable(const std::string& path, const std::string& xColumn = {},
                                                       const std::string& yColumn = {});

} // namespace core

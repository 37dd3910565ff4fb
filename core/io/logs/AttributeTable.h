// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/Error.h"

#include <tl/expected.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace core {

/// A small table of run attributes (CSV, TSV or semicolon-separated, with a header), read whole
/// as text for joining onto runs, e.g. PolyPythia's metadata.tsv. A value type.
struct AttributeTable {
    std::string path;
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> rows; ///< one text cell per column ("" when empty)
    std::vector<std::size_t> lines;             ///< 1-based line of each row

    /// Index of the column named `name` (exact, then case-insensitive), or -1.
    [[nodiscard]] int column(const std::string& name) const;
};

/// Reads `path` (up to `maxRows` data rows; a join table is metadata, not a log). Errors (values,
/// naming the file and line:column): unreadable, binary or empty file, a row with a different
/// number of fields than the header, more than maxRows rows.
[[nodiscard]] tl::expected<AttributeTable, Error> readAttributeTable(const std::string& path,
                                                                     std::size_t maxRows = 100000);

} // namespace core

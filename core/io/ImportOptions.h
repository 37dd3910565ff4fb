// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/data/Role.h"

#include <map>
#include <string>
#include <vector>

namespace core {

/// Keep rows where `column` equals `value` (or, with equals = false, does not). When both the cell
/// and `value` parse as numbers they are compared as numbers ("1e-3" == "0.001"), else as trimmed text.
struct RowFilter {
    std::string column;
    std::string value;
    bool equals = true;
};

/// How to read a run table. Everything is optional: empty means "detect".
struct ImportOptions {
    std::map<Role, std::string> columns;   ///< explicit role -> column name; overrides detection
    std::vector<RowFilter> filters;        ///< all must hold for a row to be kept
    std::vector<std::string> runKey;       ///< composite run key columns (overrides the run role)
    char delimiter = 0;                    ///< 0 = sniff (',', '\t', ';'); only for delimited text
};

} // namespace core

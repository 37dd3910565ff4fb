// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/TableCell.h"
#include "core/util/Error.h"

#include <string>
#include <string_view>

namespace core {

/// What one cell of a metric table holds.
enum class MetricCellKind {
    Empty,  ///< nothing (after trimming spaces): no point at this step
    Number, ///< a number as parseNumber reads it, "nan" and "inf" included
    Text,   ///< anything else
};

/// Reads a metric-table cell: spaces trimmed, then parseNumber (exact, never rounded). `out` is
/// set only for Number. Pure; thread-safe.
[[nodiscard]] MetricCellKind readMetricCell(std::string_view text, double& out);

/// `text` for a message: at most 40 bytes (then "..."), control bytes escaped as \xNN.
[[nodiscard]] std::string printableExcerpt(std::string_view text);

/// Error "'<text>' is not a number (column '<column>')" at the cell's line and column; the text
/// as printableExcerpt shows it.
[[nodiscard]] Error notANumberError(const std::string& path, const TableCell& cell, std::string_view column);

} // namespace core

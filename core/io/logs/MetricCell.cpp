// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/logs/MetricCell.h"

#include "core/io/NumberParser.h"

#include <cstdio>

namespace core {

MetricCellKind readMetricCell(std::string_view text, double& out)
{
    const std::string_view trimmed = trimSpaces(text);
    if (trimmed.empty())
        return MetricCellKind::Empty;
    return parseNumber(trimmed, out) ? MetricCellKind::Number : MetricCellKind::Text;
}

std::string printableExcerpt(std::string_view text)
{
    constexpr std::size_t kMaxShown = 40;
    std::string shown;
    for (std::size_t i = 0; i < text.size() && i < kMaxShown; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 || c == 0x7f) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\x%02x", c);
            shown += escaped;
        } else {
            shown += static_cast<char>(c);
        }
    }
    if (text.size() > kMaxShown)
        shown += "...";
    return shown;
}

Error notANumberError(const std::string& path, const TableCell& cell, std::string_view column)
{
    // Appended piece by piece: GCC 12's -Wrestrict misfires on "'" + std::string&& at -O3.
    std::string message(1, '\'');
    message += printableExcerpt(cell.text);
    message += "' is not a number (column '";
    message += column;
    message += "')";
    return Error::at(path, cell.line, cell.column, message);
}

} // namespace core

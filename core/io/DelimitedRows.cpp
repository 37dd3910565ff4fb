// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/DelimitedRows.h"

namespace core {

tl::expected<void, Error> readDelimitedHeader(DelimitedRecordReader& reader, const std::string& path,
                                              std::vector<TableCell>& cells, const std::string& emptyMessage)
{
    auto got = reader.next(cells);
    if (!got)
        return tl::unexpected(got.error());
    if (!*got)
        return tl::unexpected(Error::at(path, 0, 0, emptyMessage));
    return {};
}

Error delimitedRaggedError(const std::string& path, const DelimitedRecordReader& reader,
                           const std::vector<TableCell>& cells, std::size_t expected)
{
    Error error;
    error.file = path;
    if (cells.size() > expected) {
        error.line = cells[expected].line;
        error.column = cells[expected].column;
    } else {
        error.line = reader.recordEndLine();
        error.column = reader.recordEndColumn();
    }
    error.message = "expected " + std::to_string(expected) + " fields (as in the header), found "
                    + std::to_string(cells.size());
    return error;
}

} // namespace core

// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/logs/AttributeTable.h"

#include "core/io/DelimitedRecordReader.h"
#include "core/io/DelimitedRows.h"

#include <algorithm>
#include <cctype>

namespace core {

namespace {

bool equalsIgnoringCase(const std::string& a, const std::string& b)
{
    return a.size() == b.size()
           && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
                  return std::tolower(static_cast<unsigned char>(x))
                         == std::tolower(static_cast<unsigned char>(y));
              });
}

} // namespace

int AttributeTable::column(const std::string& name) const
{
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i] == name)
            return static_cast<int>(i);
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (equalsIgnoringCase(columns[i], name))
            return static_cast<int>(i);
    return -1;
}

tl::expected<AttributeTable, Error> readAttributeTable(const std::string& path, std::size_t maxRows)
{
    auto reader = DelimitedRecordReader::open(path, 0);
    if (!reader)
        return tl::unexpected(reader.error());
    AttributeTable table;
    table.path = path;
    std::vector<TableCell> cells;
    if (auto header = readDelimitedHeader(*reader, path, cells,
                                          "empty file: a table of run attributes needs a header row");
        !header)
        return tl::unexpected(header.error());
    for (const TableCell& c : cells)
        table.columns.emplace_back(c.text);
    for (;;) {
        auto got = reader->next(cells);
        if (!got)
            return tl::unexpected(got.error());
        if (!*got)
            break;
        if (cells.size() != table.columns.size())
            return tl::unexpected(delimitedRaggedError(path, *reader, cells, table.columns.size()));
        if (table.rows.size() == maxRows)
            return tl::unexpected(Error::at(path, reader->recordLine(), 1,
                                            "more than " + std::to_string(maxRows)
                                                + " rows: this does not look like a table of run attributes"));
        std::vector<std::string> row;
        row.reserve(cells.size());
        for (const TableCell& c : cells)
            row.emplace_back(c.text);
        table.rows.push_back(std::move(row));
        table.lines.push_back(reader->recordLine());
    }
    return table;
}

} // namespace core

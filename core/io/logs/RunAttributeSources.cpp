// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/logs/RunAttributeSources.h"

#include "core/io/NumberParser.h"

#include <algorithm>
#include <set>

namespace core {

namespace {

std::string baseName(const std::string& path)
{
    const std::size_t slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string stem(const std::string& name)
{
    const std::size_t dot = name.find_last_of('.');
    return dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
}

AttributeValue cellValue(const std::string& text)
{
    double number = 0;
    if (parseNumber(text, number))
        return number;
    return text;
}

std::string listColumns(const AttributeTable& table)
{
    std::string out;
    for (const std::string& c : table.columns)
        out += (out.empty() ? "" : ", ") + c;
    return out;
}

} // namespace

std::vector<std::string> RunAttributeSources::runKeys(const LoggedRun& run)
{
    std::vector<std::string> keys{run.name, run.id};
    if (!run.source.empty()) {
        keys.push_back(baseName(run.source));
        keys.push_back(stem(baseName(run.source)));
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    keys.erase(std::remove(keys.begin(), keys.end(), std::string()), keys.end());
    return keys;
}

std::size_t RunAttributeSources::countMatches(const AttributeTable& table, std::size_t column,
                                              const std::vector<LoggedRun>& runs)
{
    std::set<std::string> cells;
    for (const auto& row : table.rows) {
        if (row[column].empty())
            continue;
        cells.insert(row[column]);
        cells.insert(baseName(row[column]));
    }
    std::size_t n = 0;
    for (const LoggedRun& run : runs) {
        const auto keys = runKeys(run);
        n += std::any_of(keys.begin(), keys.end(), [&](const std::string& k) { return cells.count(k) > 0; }) ? 1 : 0;
    }
    return n;
}

tl::expected<RunAttributeSources, Error> RunAttributeSources::create(const RunMetadataOptions& options,
                                                                     const std::vector<LoggedRun>& runs)
{
    std::optional<AttributeTable> table;
    if (!options.joinTable.empty()) {
        auto read = readAttributeTable(options.joinTable);
        if (!read)
            return tl::unexpected(read.error());
        table = std::move(*read);
    }
    return create(options, runs, std::move(table), options.joinColumn);
}

tl::expected<RunAttributeSources, Error>
RunAttributeSources::create(const RunMetadataOptions& options, const std::vector<LoggedRun>& runs,
                            std::optional<AttributeTable> table, const std::string& column)
{
    RunAttributeSources out;
    if (!options.namePattern.empty()) {
        auto pattern = NamedPattern::compile(options.namePattern);
        if (!pattern)
            return tl::unexpected(Error::forParameter("--name-pattern", pattern.error()));
        if (pattern->names().empty())
            return tl::unexpected(Error::forParameter(
                "--name-pattern", "the pattern has no named group, e.g. (?<N>\\d+m) or (?<seed>\\d+)"));
        out.m_pattern = std::move(*pattern);
    }
    if (!table)
        return out;
    if (!column.empty()) {
        const int c = table->column(column);
        if (c < 0)
            return tl::unexpected(Error::forParameter(
                "--join-column", table->path + " has no column '" + column + "'; its columns: " + listColumns(*table)));
        out.m_column = static_cast<std::size_t>(c);
    } else {
        std::size_t best = 0;
        for (std::size_t c = 0; c < table->columns.size(); ++c) {
            const std::size_t n = countMatches(*table, c, runs);
            if (n > best) {
                best = n;
                out.m_column = c;
            }
        }
    }
    if (countMatches(*table, out.m_column, runs) == 0)
        return tl::unexpected(Error::forParameter(
            column.empty() ? "--join" : "--join-column",
            "no " + (column.empty() ? std::string("column") : "value of column '" + column + "'") + " of "
                + table->path + " names a run (by run name, file name or file stem); columns: " + listColumns(*table)));
    out.m_columnName = table->columns[out.m_column];
    for (std::size_t r = 0; r < table->rows.size(); ++r) {
        const std::string& cell = table->rows[r][out.m_column];
        if (cell.empty())
            continue;
        out.m_rowsByKey.emplace(cell, r);
        if (baseName(cell) != cell)
            out.m_rowsByKey.emplace(baseName(cell), r);
    }
    out.m_table = std::move(table);
    return out;
}

std::vector<std::size_t> RunAttributeSources::rowsFor(const LoggedRun& run) const
{
    std::vector<std::size_t> rows;
    for (const std::string& key : runKeys(run)) {
        const auto [lo, hi] = m_rowsByKey.equal_range(key);
        for (auto it = lo; it != hi; ++it)
            rows.push_back(it->second);
    }
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    return rows;
}

std::size_t RunAttributeSources::matchedRuns(const std::vector<LoggedRun>& runs) const
{
    return m_table ? countMatches(*m_table, m_column, runs) : 0;
}

std::map<std::string, AttributeValue> RunAttributeSources::attributesFor(const LoggedRun& run,
                                                                        std::vector<std::string>& conflicts) const
{
    std::map<std::string, AttributeValue> out;
    if (m_table) {
        const std::vector<std::size_t> rows = rowsFor(run);
        for (std::size_t c = 0; c < m_table->columns.size(); ++c) {
            if (c == m_column || rows.empty())
                continue;
            const std::string& first = m_table->rows[rows.front()][c];
            const bool agree = std::all_of(rows.begin(), rows.end(),
                                           [&](std::size_t r) { return m_table->rows[r][c] == first; });
            if (!agree)
                conflicts.push_back(m_table->columns[c]);
            else if (!first.empty())
                out[m_table->columns[c]] = cellValue(first);
        }
    }
    if (m_pattern) {
        auto groups = m_pattern->search(run.name);
        if (!groups && !run.source.empty())
            groups = m_pattern->search(baseName(run.source));
        if (groups)
            for (auto& [name, text] : *groups)
                out[name] = cellValue(text);
    }
    return out;
}

} // namespace core

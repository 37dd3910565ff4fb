// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/data/AttributeValue.h"
#include "core/io/ImportOptions.h"
#include "core/io/logs/AttributeTable.h"
#include "core/io/logs/LoggedRun.h"
#include "core/io/logs/NamedPattern.h"
#include "core/util/Error.h"

#include <tl/expected.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace core {

/// The attributes a run gets besides its own parameters: the rows of a join table that name it
/// and the named groups of a name pattern. Built once per load from RunMetadataOptions; then
/// attributesFor() is pure and const (callable from several threads).
class RunAttributeSources {
public:
    /// Reads the join table and compiles the pattern of `options`, choosing the join column
    /// against `runs` when options.joinColumn is empty. Errors (values): the join table cannot be
    /// read (its own error), it has no column named options.joinColumn (parameter --join-column),
    /// no column of it names any run (parameter --join), the pattern does not compile
    /// (parameter --name-pattern).
    [[nodiscard]] static tl::expected<RunAttributeSources, Error>
    create(const RunMetadataOptions& options, const std::vector<LoggedRun>& runs);

    /// Joins an already read table (the folder importer finds one itself), matching its column
    /// `column` (or the best column when empty). Same errors as create().
    [[nodiscard]] static tl::expected<RunAttributeSources, Error>
    create(const RunMetadataOptions& options, const std::vector<LoggedRun>& runs,
           std::optional<AttributeTable> table, const std::string& column);

    /// Join attributes then pattern groups for `run` (empty when neither applies). Columns on
    /// which several matching join rows disagree are left out and named in `conflicts`.
    [[nodiscard]] std::map<std::string, AttributeValue>
    attributesFor(const LoggedRun& run, std::vector<std::string>& conflicts) const;

    /// Number of `runs` some join row names; the join column's name; the table's path.
    [[nodiscard]] std::size_t matchedRuns(const std::vector<LoggedRun>& runs) const;
    [[nodiscard]] const std::string& joinColumn() const { return m_columnName; }
    [[nodiscard]] bool hasJoin() const { return m_table.has_value(); }
    [[nodiscard]] std::string joinPath() const { return m_table ? m_table->path : std::string(); }
    [[nodiscard]] bool hasPattern() const { return m_pattern.has_value(); }

    /// Names a run is known by for joining: its name, id, source file name and that name's stem.
    [[nodiscard]] static std::vector<std::string> runKeys(const LoggedRun& run);
    /// Number of runs some row of `table` names in column `column`.
    [[nodiscard]] static std::size_t countMatches(const AttributeTable& table, std::size_t column,
                                                  const std::vector<LoggedRun>& runs);

private:
    [[nodiscard]] std::vector<std::size_t> rowsFor(const LoggedRun& run) const;

    std::optional<AttributeTable> m_table;
    std::size_t m_column = 0;
    std::string m_columnName;
    std::multimap<std::string, std::size_t> m_rowsByKey; ///< join cell (and its file name) -> row
    std::optional<NamedPattern> m_pattern;
};

} // namespace core

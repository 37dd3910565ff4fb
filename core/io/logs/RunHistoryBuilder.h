// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/TableCell.h"
#include "core/io/logs/LoggedRun.h"
#include "core/io/logs/RunHistoryColumns.h"
#include "core/util/Error.h"

#include <tl/expected.hpp>

#include <cstddef>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

namespace core {

/// Turns the rows of one run's metric history (CSV/TSV or JSON Lines, see RunHistoryImporter)
/// into a LoggedRun: the step column gives every point's step, a token-count column the points'
/// tokens, and every other numeric column is a series with a point wherever its cell is
/// non-empty. A column holding only text is skipped with a warning; one mixing numbers and text
/// is an error at its first text cell. Owns its data; not thread-safe.
class RunHistoryBuilder {
public:
    explicit RunHistoryBuilder(std::string path) : m_path(std::move(path)) {}

    /// Appends a column (a CSV header field); returns its index. Duplicate names stay distinct.
    std::size_t addColumn(const std::string& name);
    /// The index of the column `name`, added when new (JSON Lines keys).
    std::size_t column(const std::string& name);
    [[nodiscard]] std::size_t columnCount() const { return m_columns.size(); }

    /// Chooses the step column among the columns so far (historyStepRank) and the tokens column
    /// (the first named like a token count); columns added later are metrics or skipped.
    /// Error at `line` (column 0) when there is no step column, listing the columns.
    [[nodiscard]] tl::expected<void, Error> start(std::size_t line);

    /// One row: `cells[i]` is column i's cell (fewer cells = the rest missing). Errors: an empty
    /// or missing step, text in the step or tokens cell, text in a column that holds numbers.
    [[nodiscard]] tl::expected<void, Error> addRow(std::span<const TableCell> cells, std::size_t line);

    /// The run (name, id, source, format as given) and warnings for text-only columns.
    /// Errors: no rows ("no data rows"), no metric with a number.
    [[nodiscard]] tl::expected<LoggedRun, Error> finish(std::string name, std::string id, std::string format,
                                                        std::vector<std::string>& warnings);

private:
    struct Column {
        std::string name;
        HistoryColumnKind kind = HistoryColumnKind::Metric;
        std::size_t series = kNone; ///< index in m_run.series once a number was seen
        std::string firstText;      ///< the first text cell of a Metric column, for messages
        std::size_t textLine = 0;
        std::size_t textColumn = 0;
        bool sawText = false;
    };
    static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

    [[nodiscard]] HistoryColumnKind kindOf(const std::string& name) const;
    /// "'x' is not a number (column 'c'); the column holds numbers elsewhere" at `cell`.
    [[nodiscard]] Error mixedError(const TableCell& cell, const std::string& column) const;

    std::string m_path;
    std::vector<Column> m_columns;
    std::unordered_map<std::string, std::size_t> m_index;
    std::size_t m_step = kNone;
    std::size_t m_tokens = kNone;
    bool m_started = false;
    std::size_t m_rows = 0;
    LoggedRun m_run;
};

} // namespace core

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/data/Sweep.h"
#include "core/io/ColumnDetection.h"
#include "core/io/ImportOptions.h"
#include "core/io/TableCell.h"
#include "core/util/Error.h"

#include <tl/expected.hpp>

#include <array>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace core {

/// Turns the header and rows of any run table (CSV, TSV, JSON Lines) into a Sweep, so role
/// detection, row filters, run keys, derived N/D/C and left-out flags are written once.
///
/// Rows are grouped into runs by ImportOptions::runKey (values joined by " | "), else by the run
/// column, else each row is its own run ("row <line>"). Each row becomes one point of the run's
/// curve, whose metric is the loss column's name. Non-role columns become run attributes when
/// constant within the run. C = 6·N·D (or D = C/(6N)) is derived per point when its column is
/// absent. Rows whose N, D, C or loss is missing, NaN, ±inf or <= 0 are kept and listed in
/// Sweep::leftOut with the reason. Nothing is rounded.
///
/// Usage: create(), addRow() for each data row in file order, finish() once. Not thread-safe;
/// allocates per new run, not per row (apart from the left-out list). For parallel reading,
/// copy a freshly created builder once per part, feed each copy the rows of one contiguous part
/// of the file (on its own thread), then merge() the parts in file order into another fresh copy.
class TableBuilder {
public:
    /// Checks the header against the options. Errors (naming `file`): an explicit --columns,
    /// --where or --run-key column that does not exist; no loss column; no N, D or C column.
    /// `format` becomes Sweep::format ("csv", "tsv", "jsonl").
    [[nodiscard]] static tl::expected<TableBuilder, Error>
    create(std::string file, std::vector<std::string> header, const ImportOptions& options,
           std::string format);

    /// Adds one data row; `cells` has one cell per header column (the caller checks that).
    /// `line` is the row's 1-based line. False, with `error` set, when a role cell (N, D, C,
    /// budget, loss, step, unique_tokens) holds text that is not a number, at that cell's line:column.
    /// (A plain bool, not tl::expected: building the expected's Error storage on every row
    /// cost more than the row.)
    [[nodiscard]] bool addRow(std::span<const TableCell> cells, std::size_t line, Error& error);

    /// The finished sweep. Error when the file had no data rows, or no row passed the filters.
    [[nodiscard]] tl::expected<Sweep, Error> finish();

    [[nodiscard]] const ColumnDetection& detection() const { return m_detection; }

    /// True when rows can be read in parts and merged: runs are keyed by column values, not by
    /// line ("row <line>" ids).
    [[nodiscard]] bool mergeable() const { return m_keyMode != KeyMode::PerRow; }

    /// Appends the rows of `part`, a copy of the same fresh builder fed the rows that follow
    /// this builder's in the file, as if they had been added here: runs new to this builder come
    /// after its own in order of first appearance; a run already here gets the part's points
    /// appended; N/budget, constant attributes and left-out rows come out as with addRow().
    /// `lineOffset` is added to the part's line numbers (its lines were counted from 1).
    /// Requires mergeable(). Not thread-safe: call once the part's thread has finished.
    void merge(TableBuilder&& part, std::size_t lineOffset);

private:
    /// Per-run bookkeeping that does not belong in Run.
    struct RunState {
        std::vector<std::string> attributes; ///< first text seen per attribute column
        std::vector<unsigned char> attributeState; ///< 0 unset, 1 constant so far, 2 varies
        bool nSettled = false;
        bool budgetSettled = false;
        bool uniqueSettled = false;
    };
    struct Filter {
        std::size_t column = 0;
        std::string text;
        double number = 0;
        bool numeric = false;
        bool equals = true;
    };
    enum class KeyMode { PerRow, Column, Composite };
    static constexpr std::size_t kRoleCount = kAllRoles.size();
    static constexpr int kNone = -1;

    TableBuilder() = default;
    [[nodiscard]] bool passesFilters(std::span<const TableCell> cells) const;
    [[nodiscard]] std::size_t runFor(std::span<const TableCell> cells, std::size_t line);
    std::size_t startRun(std::string id);
    void updateAttributes(RunState& state, std::span<const TableCell> cells) const;
    /// N, D, C (where checked) and loss are all usable on a log axis.
    [[nodiscard]] bool pointUsable(const double* values) const;
    /// Lists the row in Sweep::leftOut with why (the point is not usable).
    void leaveOut(const double* values, const bool* missing, std::size_t line, std::size_t run,
                  std::size_t point);
    [[nodiscard]] Error errorAt(std::size_t line, std::size_t column, std::string message) const;

    std::string m_file;
    std::vector<std::string> m_header;
    ColumnDetection m_detection;
    std::array<int, kRoleCount> m_roleColumn{};
    bool m_deriveC = false;
    bool m_deriveD = false;
    bool m_checkN = false; ///< N is read (so must be usable)
    bool m_checkD = false; ///< D is read or derived
    bool m_checkC = false; ///< C is read or derived
    std::vector<Filter> m_filters;
    KeyMode m_keyMode = KeyMode::PerRow;
    std::vector<std::size_t> m_keyColumns;
    std::vector<std::size_t> m_attributeColumns;
    Sweep m_sweep;
    std::vector<RunState> m_states;
    std::unordered_map<std::string, std::size_t> m_runIndex;
    std::string m_previousKey;
    std::string m_keyScratch;
    std::size_t m_previousRun = 0;
    bool m_hasPrevious = false;
    std::size_t m_rowsSeen = 0;
    std::size_t m_rowsKept = 0;
};

} // namespace core

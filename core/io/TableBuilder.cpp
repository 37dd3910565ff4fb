// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/TableBuilder.h"

#include "core/io/ColumnDetector.h"
#include "core/io/NumberParser.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <utility>

namespace core {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr std::size_t idx(Role r) { return static_cast<std::size_t>(r); }
constexpr std::array<Role, 7> kNumericRoles{Role::N,    Role::D,    Role::C,         Role::Budget,
                                            Role::Loss, Role::Step, Role::UniqueTokens};

/// a == b for the short texts of run keys without a call to memcmp (overlapping 8-byte loads).
bool sameText(std::string_view a, std::string_view b)
{
    const std::size_t n = a.size();
    if (n != b.size())
        return false;
    if (n < 8 || n > 16)
        return a == b;
    std::uint64_t x0 = 0, x1 = 0, y0 = 0, y1 = 0;
    std::memcpy(&x0, a.data(), 8);
    std::memcpy(&y0, b.data(), 8);
    std::memcpy(&x1, a.data() + n - 8, 8);
    std::memcpy(&y1, b.data() + n - 8, 8);
    return ((x0 ^ y0) | (x1 ^ y1)) == 0;
}

/// Usable on a log axis: finite and > 0 (false for NaN).
bool usable(double v)
{
    return v > 0 && v < kInf;
}

std::string describeInvalid(std::string_view name, double v, bool missing)
{
    std::string out(name);
    if (missing)
        return out + " is missing";
    if (std::isnan(v))
        return out + " is NaN";
    if (std::isinf(v))
        return out + (v > 0 ? " is inf" : " is -inf");
    char digits[32];
    const auto written = std::to_chars(digits, digits + sizeof digits, v); // shortest round-trip
    return out + " <= 0 (" + std::string(digits, written.ptr) + ")";
}

} // namespace

Error TableBuilder::errorAt(std::size_t line, std::size_t column, std::string message) const
{
    return Error::at(m_file, line, column, std::move(message));
}

tl::expected<TableBuilder, Error>
TableBuilder::create(std::string file, std::vector<std::string> header,
                     const ImportOptions& options, std::string format)
{
    auto detection = detectColumns(header, options, file);
    if (!detection)
        return tl::unexpected(detection.error());
    TableBuilder b;
    b.m_file = std::move(file);
    b.m_header = std::move(header);
    b.m_detection = std::move(*detection);
    b.m_roleColumn.fill(kNone);
    for (const auto& [role, name] : b.m_detection.roles)
        b.m_roleColumn[idx(role)] = findColumn(b.m_header, name);
    const auto has = [&b](Role r) { return b.m_roleColumn[idx(r)] != kNone; };
    const auto fail = [&b](std::string message, std::string parameter = {}) {
        Error error = b.errorAt(0, 0, std::move(message));
        error.parameter = std::move(parameter);
        return tl::unexpected(std::move(error));
    };
    if (!has(Role::Loss))
        return fail("no loss column (looked for loss, val_loss, val/loss, eval/loss, eval_loss, train/loss, "
                    "train/lm_loss; name one with --columns loss=<column>); columns found: "
                    + listColumns(b.m_header));
    if (!has(Role::N) && !has(Role::D) && !has(Role::C))
        return fail("no N, D or C column (name one with --columns N=<column>); columns found: "
                    + listColumns(b.m_header));
    b.m_deriveC = !has(Role::C) && has(Role::N) && has(Role::D);
    b.m_deriveD = !has(Role::D) && has(Role::N) && has(Role::C);
    b.m_checkN = has(Role::N);
    b.m_checkD = has(Role::D) || b.m_deriveD;
    b.m_checkC = has(Role::C) || b.m_deriveC;

    for (const RowFilter& f : options.filters) {
        const int column = findColumn(b.m_header, f.column);
        if (column < 0)
            return fail("filter column '" + f.column
                            + "' does not exist; available columns: " + listColumns(b.m_header),
                        "--where");
        Filter filter;
        filter.column = static_cast<std::size_t>(column);
        filter.text = std::string(trimSpaces(f.value));
        filter.numeric = parseNumber(filter.text, filter.number);
        filter.equals = f.equals;
        b.m_filters.push_back(std::move(filter));
    }

    if (!options.runKey.empty()) {
        for (const std::string& name : options.runKey) {
            const int column = findColumn(b.m_header, name);
            if (column < 0)
                return fail("run key column '" + name + "' does not exist; available columns: "
                                + listColumns(b.m_header),
                            "--run-key");
            b.m_keyColumns.push_back(static_cast<std::size_t>(column));
            b.m_sweep.runKeyColumns.push_back(b.m_header[static_cast<std::size_t>(column)]);
        }
        b.m_keyMode = b.m_keyColumns.size() == 1 ? KeyMode::Column : KeyMode::Composite;
    } else if (has(Role::Run)) {
        b.m_keyColumns.push_back(static_cast<std::size_t>(b.m_roleColumn[idx(Role::Run)]));
        b.m_sweep.runKeyColumns.push_back(b.m_header[b.m_keyColumns.front()]);
        b.m_keyMode = KeyMode::Column;
    }

    for (std::size_t c = 0; c < b.m_header.size(); ++c)
        if (std::find(b.m_roleColumn.begin(), b.m_roleColumn.end(), static_cast<int>(c))
            == b.m_roleColumn.end())
            b.m_attributeColumns.push_back(c);

    b.m_sweep.sourcePath = b.m_file;
    b.m_sweep.format = std::move(format);
    b.m_sweep.roleColumns = b.m_detection.roles;
    b.m_sweep.notes = b.m_detection.notes;
    if (b.m_deriveC)
        b.m_sweep.conventions.derived["C"] = "6ND";
    if (b.m_deriveD)
        b.m_sweep.conventions.derived["D"] = "C/(6N)";
    if (b.m_deriveC || b.m_deriveD)
        b.m_sweep.conventions.flopFormula = "C = 6ND";
    else if (has(Role::C))
        b.m_sweep.conventions.flopFormula = "as given in column '" + b.m_detection.roles.at(Role::C) + "'";
    return b;
}

bool TableBuilder::passesFilters(std::span<const TableCell> cells) const
{
    for (const Filter& f : m_filters) {
        const std::string_view text = trimSpaces(cells[f.column].text);
        double number = 0;
        const bool same = (f.numeric && parseNumber(text, number)) ? number == f.number
                                                                   : text == f.text;
        if (same != f.equals)
            return false;
    }
    return true;
}

std::size_t TableBuilder::startRun(std::string id)
{
    std::size_t expected = 1;
    if (!m_sweep.runs.empty()) {
        // Runs usually have similar lengths: trim the previous run and size this one like it.
        Curve& previous = m_sweep.runs.back().curves.front();
        expected = std::max<std::size_t>(previous.size(), 1);
        previous.shrinkToFit();
    }
    Run run;
    run.name = id;
    run.id = std::move(id);
    run.curves.emplace_back();
    run.curves.front().metric = m_header[static_cast<std::size_t>(m_roleColumn[idx(Role::Loss)])];
    run.curves.front().reserve(expected);
    m_sweep.runs.push_back(std::move(run));
    RunState state;
    state.attributes.resize(m_attributeColumns.size());
    state.attributeState.assign(m_attributeColumns.size(), 0);
    m_states.push_back(std::move(state));
    return m_sweep.runs.size() - 1;
}

std::size_t TableBuilder::runFor(std::span<const TableCell> cells, std::size_t line)
{
    if (m_keyMode == KeyMode::PerRow)
        return startRun("row " + std::to_string(line));
    if (m_keyMode == KeyMode::Column) {
        const std::string_view key = trimSpaces(cells[m_keyColumns.front()].text);
        if (m_hasPrevious && sameText(key, m_previousKey))
            return m_previousRun;
        m_keyScratch.assign(key);
    } else {
        m_keyScratch.clear();
        for (std::size_t k = 0; k < m_keyColumns.size(); ++k) {
            if (k > 0)
                m_keyScratch += " | ";
            m_keyScratch += trimSpaces(cells[m_keyColumns[k]].text);
        }
        if (m_hasPrevious && sameText(m_keyScratch, m_previousKey))
            return m_previousRun;
    }
    std::size_t run = 0;
    if (const auto it = m_runIndex.find(m_keyScratch); it != m_runIndex.end()) {
        run = it->second;
    } else {
        run = startRun(m_keyScratch);
        m_runIndex.emplace(m_keyScratch, run);
    }
    std::swap(m_previousKey, m_keyScratch); // keeps both capacities: no allocation per row
    m_previousRun = run;
    m_hasPrevious = true;
    return run;
}

void TableBuilder::updateAttributes(RunState& state, std::span<const TableCell> cells) const
{
    for (std::size_t k = 0; k < m_attributeColumns.size(); ++k) {
        const std::string_view text = trimSpaces(cells[m_attributeColumns[k]].text);
        unsigned char& s = state.attributeState[k];
        if (s == 0) {
            state.attributes[k].assign(text);
            s = 1;
        } else if (s == 1 && text != state.attributes[k]) {
            s = 2;
            state.attributes[k].clear();
            state.attributes[k].shrink_to_fit();
        }
    }
}

bool TableBuilder::pointUsable(const double* values) const
{
    return (!m_checkN || usable(values[idx(Role::N)])) && (!m_checkD || usable(values[idx(Role::D)]))
           && (!m_checkC || usable(values[idx(Role::C)])) && usable(values[idx(Role::Loss)]);
}

void TableBuilder::leaveOut(const double* values, const bool* missing, std::size_t line,
                            std::size_t run, std::size_t point)
{
    const bool checkN = m_checkN, checkD = m_checkD, checkC = m_checkC;
    const double n = values[idx(Role::N)], d = values[idx(Role::D)], c = values[idx(Role::C)],
                 loss = values[idx(Role::Loss)];
    std::string reason;
    const auto add = [&reason](std::string part) {
        if (!reason.empty())
            reason += "; ";
        reason += part;
    };
    if (checkN && !usable(n))
        add(describeInvalid("N", n, missing[idx(Role::N)]));
    if (checkD && !usable(d))
        add(describeInvalid(m_deriveD ? "D = C/(6N)" : "D", d, !m_deriveD && missing[idx(Role::D)]));
    if (checkC && !usable(c))
        add(describeInvalid(m_deriveC ? "C = 6ND" : "C", c, !m_deriveC && missing[idx(Role::C)]));
    if (!usable(loss))
        add(describeInvalid("loss", loss, missing[idx(Role::Loss)]));
    m_sweep.leftOut.push_back(LeftOutRow{line, run, 0, point, std::move(reason)});
}

bool TableBuilder::addRow(std::span<const TableCell> cells, std::size_t line, Error& error)
{
    ++m_rowsSeen;
    if (!m_filters.empty() && !passesFilters(cells))
        return true;
    ++m_rowsKept;
    double values[kRoleCount];
    bool missing[kRoleCount];
    for (Role role : kNumericRoles) {
        const std::size_t r = idx(role);
        values[r] = kNaN;
        missing[r] = true;
        if (m_roleColumn[r] == kNone)
            continue;
        const TableCell& cell = cells[static_cast<std::size_t>(m_roleColumn[r])];
        if (parseNumber(cell.text, values[r])) {
            missing[r] = false;
        } else if (trimSpaces(cell.text).empty()) {
            values[r] = kNaN;
        } else {
            error = errorAt(cell.line, cell.column,
                            "expected a number for " + std::string(roleName(role)) + " (column '"
                                + m_header[static_cast<std::size_t>(m_roleColumn[r])] + "'), found '"
                                + std::string(cell.text) + "'");
            return false;
        }
    }
    if (m_deriveC)
        values[idx(Role::C)] = 6.0 * values[idx(Role::N)] * values[idx(Role::D)];
    if (m_deriveD)
        values[idx(Role::D)] = values[idx(Role::C)] / (6.0 * values[idx(Role::N)]);

    const std::size_t runIndex = runFor(cells, line);
    Run& run = m_sweep.runs[runIndex];
    RunState& state = m_states[runIndex];
    Curve& curve = run.curves.front();
    const std::size_t point = curve.size();
    curve.step.push_back(values[idx(Role::Step)]); // Curve::append, inlined for speed
    curve.tokens.push_back(values[idx(Role::D)]);
    curve.flops.push_back(values[idx(Role::C)]);
    curve.value.push_back(values[idx(Role::Loss)]);
    // N, budget, U: the first usable value wins; an unusable one is kept until a usable one comes.
    const auto settle = [](double& target, bool& settled, double v) {
        if (settled || std::isnan(v))
            return;
        target = v;
        settled = usable(v);
    };
    settle(run.N, state.nSettled, values[idx(Role::N)]);
    settle(run.budget, state.budgetSettled, values[idx(Role::Budget)]);
    settle(run.U, state.uniqueSettled, values[idx(Role::UniqueTokens)]);
    if (!m_attributeColumns.empty())
        updateAttributes(state, cells);
    if (!pointUsable(values))
        leaveOut(values, missing, line, runIndex, point);
    return true;
}

tl::expected<Sweep, Error> TableBuilder::finish()
{
    if (m_rowsSeen == 0)
        return tl::unexpected(errorAt(
            0, 0, "no data rows (only a header); columns found: " + listColumns(m_header)));
    if (m_rowsKept == 0) {
        Error error = errorAt(0, 0,
                              "no row passes the filters (" + std::to_string(m_rowsSeen)
                                  + " rows read)");
        error.parameter = "--where";
        return tl::unexpected(std::move(error));
    }
    bool oneEach = true;
    for (std::size_t i = 0; i < m_sweep.runs.size(); ++i) {
        Run& run = m_sweep.runs[i];
        Curve& curve = run.curves.front();
        curve.shrinkToFit();
        run.D = curve.tokens.back();
        run.C = curve.flops.back();
        oneEach = oneEach && curve.size() == 1;
        const RunState& state = m_states[i];
        for (std::size_t k = 0; k < m_attributeColumns.size(); ++k) {
            if (state.attributeState[k] != 1 || state.attributes[k].empty())
                continue;
            const std::string& name = m_header[m_attributeColumns[k]];
            double number = 0;
            if (parseNumber(state.attributes[k], number))
                run.attributes[name] = number;
            else
                run.attributes[name] = state.attributes[k];
        }
    }
    m_sweep.layout = oneEach ? "final-loss" : "curves";
    m_states.clear();
    m_runIndex.clear();
    return std::move(m_sweep);
}

} // namespace core

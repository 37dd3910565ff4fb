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
constexpr std::array<Role, 6> kNumericRoles{Role::N,    Role::D,    Role::C,
                                            Role::Budget, Role::Loss, Role::Step};

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
    return Error::at(file_, line, column, std::move(message));
}

tl::expected<TableBuilder, Error>
TableBuilder::create(std::string file, std::vector<std::string> header,
                     const ImportOptions& options, std::string format)
{
    auto detection = detectColumns(header, options, file);
    if (!detection)
        return tl::unexpected(detection.error());
    TableBuilder b;
    b.file_ = std::move(file);
    b.header_ = std::move(header);
    b.detection_ = std::move(*detection);
    b.roleColumn_.fill(kNone);
    for (const auto& [role, name] : b.detection_.roles)
        b.roleColumn_[idx(role)] = findColumn(b.header_, name);
    const auto has = [&b](Role r) { return b.roleColumn_[idx(r)] != kNone; };
    const auto fail = [&b](std::string message, std::string parameter = {}) {
        Error error = b.errorAt(0, 0, std::move(message));
        error.parameter = std::move(parameter);
        return tl::unexpected(std::move(error));
    };
    if (!has(Role::Loss))
        return fail("no loss column (looked for loss, val_loss, eval/loss, eval_loss, train/loss, "
                    "train/lm_loss; name one with --columns loss=<column>); columns found: "
                    + listColumns(b.header_));
    if (!has(Role::N) && !has(Role::D) && !has(Role::C))
        return fail("no N, D or C column (name one with --columns N=<column>); columns found: "
                    + listColumns(b.header_));
    b.deriveC_ = !has(Role::C) && has(Role::N) && has(Role::D);
    b.deriveD_ = !has(Role::D) && has(Role::N) && has(Role::C);
    b.checkN_ = has(Role::N);
    b.checkD_ = has(Role::D) || b.deriveD_;
    b.checkC_ = has(Role::C) || b.deriveC_;

    for (const RowFilter& f : options.filters) {
        const int column = findColumn(b.header_, f.column);
        if (column < 0)
            return fail("filter column '" + f.column
                            + "' does not exist; available columns: " + listColumns(b.header_),
                        "--where");
        Filter filter;
        filter.column = static_cast<std::size_t>(column);
        filter.text = std::string(trimSpaces(f.value));
        filter.numeric = parseNumber(filter.text, filter.number);
        filter.equals = f.equals;
        b.filters_.push_back(std::move(filter));
    }

    if (!options.runKey.empty()) {
        for (const std::string& name : options.runKey) {
            const int column = findColumn(b.header_, name);
            if (column < 0)
                return fail("run key column '" + name + "' does not exist; available columns: "
                                + listColumns(b.header_),
                            "--run-key");
            b.keyColumns_.push_back(static_cast<std::size_t>(column));
            b.sweep_.runKeyColumns.push_back(b.header_[static_cast<std::size_t>(column)]);
        }
        b.keyMode_ = b.keyColumns_.size() == 1 ? KeyMode::Column : KeyMode::Composite;
    } else if (has(Role::Run)) {
        b.keyColumns_.push_back(static_cast<std::size_t>(b.roleColumn_[idx(Role::Run)]));
        b.sweep_.runKeyColumns.push_back(b.header_[b.keyColumns_.front()]);
        b.keyMode_ = KeyMode::Column;
    }

    for (std::size_t c = 0; c < b.header_.size(); ++c)
        if (std::find(b.roleColumn_.begin(), b.roleColumn_.end(), static_cast<int>(c))
            == b.roleColumn_.end())
            b.attributeColumns_.push_back(c);

    b.sweep_.sourcePath = b.file_;
    b.sweep_.format = std::move(format);
    b.sweep_.roleColumns = b.detection_.roles;
    if (b.deriveC_)
        b.sweep_.conventions.derived["C"] = "6ND";
    if (b.deriveD_)
        b.sweep_.conventions.derived["D"] = "C/(6N)";
    if (b.deriveC_ || b.deriveD_)
        b.sweep_.conventions.flopFormula = "C = 6ND";
    else if (has(Role::C))
        b.sweep_.conventions.flopFormula = "as given in column '" + b.detection_.roles.at(Role::C) + "'";
    return b;
}

bool TableBuilder::passesFilters(std::span<const TableCell> cells) const
{
    for (const Filter& f : filters_) {
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
    if (!sweep_.runs.empty()) {
        // Runs usually have similar lengths: trim the previous run and size this one like it.
        Curve& previous = sweep_.runs.back().curves.front();
        expected = std::max<std::size_t>(previous.size(), 1);
        previous.shrinkToFit();
    }
    Run run;
    run.name = id;
    run.id = std::move(id);
    run.curves.emplace_back();
    run.curves.front().metric = header_[static_cast<std::size_t>(roleColumn_[idx(Role::Loss)])];
    run.curves.front().reserve(expected);
    sweep_.runs.push_back(std::move(run));
    RunState state;
    state.attributes.resize(attributeColumns_.size());
    state.attributeState.assign(attributeColumns_.size(), 0);
    states_.push_back(std::move(state));
    return sweep_.runs.size() - 1;
}

std::size_t TableBuilder::runFor(std::span<const TableCell> cells, std::size_t line)
{
    if (keyMode_ == KeyMode::PerRow)
        return startRun("row " + std::to_string(line));
    if (keyMode_ == KeyMode::Column) {
        const std::string_view key = trimSpaces(cells[keyColumns_.front()].text);
        if (hasPrevious_ && sameText(key, previousKey_))
            return previousRun_;
        keyScratch_.assign(key);
    } else {
        keyScratch_.clear();
        for (std::size_t k = 0; k < keyColumns_.size(); ++k) {
            if (k > 0)
                keyScratch_ += " | ";
            keyScratch_ += trimSpaces(cells[keyColumns_[k]].text);
        }
        if (hasPrevious_ && sameText(keyScratch_, previousKey_))
            return previousRun_;
    }
    std::size_t run = 0;
    if (const auto it = runIndex_.find(keyScratch_); it != runIndex_.end()) {
        run = it->second;
    } else {
        run = startRun(keyScratch_);
        runIndex_.emplace(keyScratch_, run);
    }
    std::swap(previousKey_, keyScratch_); // keeps both capacities: no allocation per row
    previousRun_ = run;
    hasPrevious_ = true;
    return run;
}

void TableBuilder::updateAttributes(RunState& state, std::span<const TableCell> cells) const
{
    for (std::size_t k = 0; k < attributeColumns_.size(); ++k) {
        const std::string_view text = trimSpaces(cells[attributeColumns_[k]].text);
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
    return (!checkN_ || usable(values[idx(Role::N)])) && (!checkD_ || usable(values[idx(Role::D)]))
           && (!checkC_ || usable(values[idx(Role::C)])) && usable(values[idx(Role::Loss)]);
}

void TableBuilder::leaveOut(const double* values, const bool* missing, std::size_t line,
                            std::size_t run, std::size_t point)
{
    const bool checkN = checkN_, checkD = checkD_, checkC = checkC_;
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
        add(describeInvalid(deriveD_ ? "D = C/(6N)" : "D", d, !deriveD_ && missing[idx(Role::D)]));
    if (checkC && !usable(c))
        add(describeInvalid(deriveC_ ? "C = 6ND" : "C", c, !deriveC_ && missing[idx(Role::C)]));
    if (!usable(loss))
        add(describeInvalid("loss", loss, missing[idx(Role::Loss)]));
    sweep_.leftOut.push_back(LeftOutRow{line, run, 0, point, std::move(reason)});
}

bool TableBuilder::addRow(std::span<const TableCell> cells, std::size_t line, Error& error)
{
    ++rowsSeen_;
    if (!filters_.empty() && !passesFilters(cells))
        return true;
    ++rowsKept_;
    double values[kRoleCount];
    bool missing[kRoleCount];
    for (Role role : kNumericRoles) {
        const std::size_t r = idx(role);
        values[r] = kNaN;
        missing[r] = true;
        if (roleColumn_[r] == kNone)
            continue;
        const TableCell& cell = cells[static_cast<std::size_t>(roleColumn_[r])];
        if (parseNumber(cell.text, values[r])) {
            missing[r] = false;
        } else if (trimSpaces(cell.text).empty()) {
            values[r] = kNaN;
        } else {
            error = errorAt(cell.line, cell.column,
                            "expected a number for " + std::string(roleName(role)) + " (column '"
                                + header_[static_cast<std::size_t>(roleColumn_[r])] + "'), found '"
                                + std::string(cell.text) + "'");
            return false;
        }
    }
    if (deriveC_)
        values[idx(Role::C)] = 6.0 * values[idx(Role::N)] * values[idx(Role::D)];
    if (deriveD_)
        values[idx(Role::D)] = values[idx(Role::C)] / (6.0 * values[idx(Role::N)]);

    const std::size_t runIndex = runFor(cells, line);
    Run& run = sweep_.runs[runIndex];
    RunState& state = states_[runIndex];
    Curve& curve = run.curves.front();
    const std::size_t point = curve.size();
    curve.step.push_back(values[idx(Role::Step)]); // Curve::append, inlined for speed
    curve.tokens.push_back(values[idx(Role::D)]);
    curve.flops.push_back(values[idx(Role::C)]);
    curve.value.push_back(values[idx(Role::Loss)]);
    // N and budget: the first usable value wins; an unusable one is kept until a usable one comes.
    const auto settle = [](double& target, bool& settled, double v) {
        if (settled || std::isnan(v))
            return;
        target = v;
        settled = usable(v);
    };
    settle(run.N, state.nSettled, values[idx(Role::N)]);
    settle(run.budget, state.budgetSettled, values[idx(Role::Budget)]);
    if (!attributeColumns_.empty())
        updateAttributes(state, cells);
    if (!pointUsable(values))
        leaveOut(values, missing, line, runIndex, point);
    return true;
}

tl::expected<Sweep, Error> TableBuilder::finish()
{
    if (rowsSeen_ == 0)
        return tl::unexpected(errorAt(
            0, 0, "no data rows (only a header); columns found: " + listColumns(header_)));
    if (rowsKept_ == 0) {
        Error error = errorAt(0, 0,
                              "no row passes the filters (" + std::to_string(rowsSeen_)
                                  + " rows read)");
        error.parameter = "--where";
        return tl::unexpected(std::move(error));
    }
    bool oneEach = true;
    for (std::size_t i = 0; i < sweep_.runs.size(); ++i) {
        Run& run = sweep_.runs[i];
        Curve& curve = run.curves.front();
        curve.shrinkToFit();
        run.D = curve.tokens.back();
        run.C = curve.flops.back();
        oneEach = oneEach && curve.size() == 1;
        const RunState& state = states_[i];
        for (std::size_t k = 0; k < attributeColumns_.size(); ++k) {
            if (state.attributeState[k] != 1 || state.attributes[k].empty())
                continue;
            const std::string& name = header_[attributeColumns_[k]];
            double number = 0;
            if (parseNumber(state.attributes[k], number))
                run.attributes[name] = number;
            else
                run.attributes[name] = state.attributes[k];
        }
    }
    sweep_.layout = oneEach ? "final-loss" : "curves";
    states_.clear();
    runIndex_.clear();
    return std::move(sweep_);
}

} // namespace core

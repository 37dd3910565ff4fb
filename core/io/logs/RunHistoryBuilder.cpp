// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/logs/RunHistoryBuilder.h"

#include "core/io/ColumnDetector.h"
#include "core/io/logs/MetricCell.h"

#include <algorithm>
#include <limits>

namespace core {

std::size_t RunHistoryBuilder::addColumn(const std::string& name)
{
    Column column;
    column.name = name;
    column.kind = m_started ? kindOf(name) : HistoryColumnKind::Metric;
    if (column.kind == HistoryColumnKind::Tokens)
        m_tokens = m_columns.size();
    m_columns.push_back(std::move(column));
    m_index.emplace(name, m_columns.size() - 1);
    return m_columns.size() - 1;
}

std::size_t RunHistoryBuilder::column(const std::string& name)
{
    const auto it = m_index.find(name);
    return it != m_index.end() ? it->second : addColumn(name);
}

HistoryColumnKind RunHistoryBuilder::kindOf(const std::string& name) const
{
    if (isHistorySkippedName(name))
        return HistoryColumnKind::Skipped;
    if (m_tokens == kNone && isHistoryTokensName(name))
        return HistoryColumnKind::Tokens;
    return HistoryColumnKind::Metric;
}

tl::expected<void, Error> RunHistoryBuilder::start(std::size_t line)
{
    std::vector<std::string> names;
    for (const Column& c : m_columns)
        names.push_back(c.name);
    const int step = findHistoryStepColumn(names);
    if (step < 0)
        return tl::unexpected(
            Error::at(m_path, line, 0,
                      "no step column (one of " + historyStepNames() + "); columns: " + listColumns(names)));
    m_step = static_cast<std::size_t>(step);
    for (std::size_t i = 0; i < m_columns.size(); ++i) {
        if (i == m_step) {
            m_columns[i].kind = HistoryColumnKind::Step;
            continue;
        }
        m_columns[i].kind = kindOf(m_columns[i].name);
        if (m_columns[i].kind == HistoryColumnKind::Tokens)
            m_tokens = i;
    }
    m_started = true;
    return {};
}

Error RunHistoryBuilder::mixedError(const TableCell& cell, const std::string& column) const
{
    Error error = notANumberError(m_path, cell, column);
    error.message += "; the column holds numbers elsewhere";
    return error;
}

tl::expected<void, Error> RunHistoryBuilder::addRow(std::span<const TableCell> cells, std::size_t line)
{
    const TableCell missing{{}, line, 0};
    const TableCell& stepCell = m_step < cells.size() ? cells[m_step] : missing;
    double step = 0;
    switch (readMetricCell(stepCell.text, step)) {
    case MetricCellKind::Empty:
        return tl::unexpected(
            Error::at(m_path, line, stepCell.column,
                      "no step on this row (column '" + m_columns[m_step].name + "' is empty or missing)"));
    case MetricCellKind::Text:
        return tl::unexpected(notANumberError(m_path, stepCell, m_columns[m_step].name));
    case MetricCellKind::Number:
        break;
    }
    double tokens = std::numeric_limits<double>::quiet_NaN();
    if (m_tokens < cells.size() && readMetricCell(cells[m_tokens].text, tokens) == MetricCellKind::Text)
        return tl::unexpected(notANumberError(m_path, cells[m_tokens], m_columns[m_tokens].name));
    const std::size_t n = std::min(cells.size(), m_columns.size());
    for (std::size_t i = 0; i < n; ++i) {
        Column& column = m_columns[i];
        if (column.kind != HistoryColumnKind::Metric)
            continue;
        double value = 0;
        switch (readMetricCell(cells[i].text, value)) {
        case MetricCellKind::Empty:
            break;
        case MetricCellKind::Text:
            if (column.series != kNone)
                return tl::unexpected(mixedError(cells[i], column.name));
            if (!column.sawText) {
                column.sawText = true;
                column.firstText.assign(cells[i].text);
                column.textLine = cells[i].line;
                column.textColumn = cells[i].column;
            }
            break;
        case MetricCellKind::Number:
            if (column.sawText)
                return tl::unexpected(
                    mixedError(TableCell{column.firstText, column.textLine, column.textColumn}, column.name));
            if (column.series == kNone) {
                column.series = m_run.series.size();
                m_run.series.push_back(LoggedSeries{});
                m_run.series.back().metric = column.name;
            }
            m_run.series[column.series].append(step, value, tokens);
            break;
        }
    }
    ++m_rows;
    return {};
}

tl::expected<LoggedRun, Error> RunHistoryBuilder::finish(std::string name, std::string id, std::string format,
                                                         std::vector<std::string>& warnings)
{
    if (m_rows == 0)
        return tl::unexpected(Error::at(m_path, 0, 0, "no data rows: the file has a header but no steps"));
    std::vector<std::string> names;
    for (const Column& c : m_columns) {
        names.push_back(c.name);
        if (c.kind == HistoryColumnKind::Metric && c.sawText)
            warnings.push_back(m_path + ":" + std::to_string(c.textLine) + ":" +
                               std::to_string(c.textColumn) + ": column '" + c.name +
                               "' holds text, not numbers; skipped");
    }
    if (m_run.series.empty())
        return tl::unexpected(Error::at(
            m_path, 0, 0, "no metric with a numeric value besides the step; columns: " + listColumns(names)));
    m_run.name = std::move(name);
    m_run.id = std::move(id);
    m_run.source = m_path;
    m_run.format = std::move(format);
    return std::move(m_run);
}

} // namespace core

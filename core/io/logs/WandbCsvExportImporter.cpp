// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/logs/WandbCsvExportImporter.h"

#include "core/io/DelimitedRecordReader.h"
#include "core/io/DelimitedRows.h"
#include "core/io/NumberParser.h"
#include "core/io/ProgressThrottle.h"
#include "core/io/logs/HeaderLine.h"
#include "core/io/logs/MetricCell.h"

#include <unordered_map>

namespace core {

namespace {

constexpr std::string_view kSeparator = " - ";

bool isStepName(std::string_view name)
{
    name = trimSpaces(name);
    return name == "Step" || name == "step" || name == "_step";
}

/// Where the cells of one "<run> - <metric>" column go.
struct Target {
    std::size_t run = 0;
    std::size_t series = 0;
    bool used = false; ///< false for a skipped column
};

std::size_t seriesIndex(LoggedRun& run, const std::string& metric)
{
    const LoggedSeries& s = run.seriesFor(metric);
    return static_cast<std::size_t>(&s - run.series.data());
}

} // namespace

double WandbCsvExportImporter::sniff(std::string_view path, std::string_view head) const
{
    (void)path;
    const std::vector<std::string> fields = headerLineFields(head);
    if (fields.size() < 2 || !isStepName(fields.front()))
        return 0.0;
    for (std::size_t i = 1; i < fields.size(); ++i)
        if (fields[i].find(kSeparator) == std::string::npos)
            return 0.0;
    return 0.97;
}

tl::expected<RunLogs, Error> WandbCsvExportImporter::readLogs(const std::string& path,
                                                              const Progress& progress) const
{
    auto reader = DelimitedRecordReader::open(path, 0);
    if (!reader)
        return tl::unexpected(reader.error());
    std::vector<TableCell> cells;
    if (auto header = readDelimitedHeader(*reader, path, cells, "empty file: no header row"); !header)
        return tl::unexpected(header.error());
    if (!isStepName(cells.front().text))
        return tl::unexpected(Error::at(path, cells.front().line, cells.front().column,
                                        "not a W&B chart export: the first column is '" +
                                            printableExcerpt(cells.front().text) +
                                            "', expected 'Step' followed by '<run> - <metric>' columns"));

    RunLogs logs;
    const std::vector<std::string> header = [&cells] {
        std::vector<std::string> names;
        for (const TableCell& c : cells)
            names.emplace_back(c.text);
        return names;
    }();
    std::vector<Target> targets(header.size());
    std::unordered_map<std::string, std::size_t> runIndex;
    for (std::size_t i = 1; i < header.size(); ++i) {
        const std::size_t split = header[i].rfind(kSeparator);
        if (split == std::string::npos || split == 0 || split + kSeparator.size() == header[i].size()) {
            logs.warnings.push_back(path + ":1:" + std::to_string(cells[i].column) + ": column '" +
                                    header[i] + "' is not '<run> - <metric>'; skipped");
            continue;
        }
        const std::string runName = header[i].substr(0, split);
        const std::string metric = header[i].substr(split + kSeparator.size());
        auto [it, added] = runIndex.emplace(runName, logs.runs.size());
        if (added) {
            LoggedRun run;
            run.id = runName;
            run.name = runName;
            run.source = path;
            run.format = std::string(id());
            logs.runs.push_back(std::move(run));
        }
        targets[i] = {it->second, seriesIndex(logs.runs[it->second], metric), true};
    }

    ProgressThrottle throttle(progress, reader->fileSize());
    std::size_t rows = 0;
    for (;;) {
        auto got = reader->next(cells);
        if (!got)
            return tl::unexpected(got.error());
        if (!*got)
            break;
        if (cells.size() != header.size())
            return tl::unexpected(delimitedRaggedError(path, *reader, cells, header.size()));
        double step = 0;
        switch (readMetricCell(cells.front().text, step)) {
        case MetricCellKind::Empty:
            return tl::unexpected(Error::at(path, cells.front().line, cells.front().column,
                                            "empty step (column '" + header.front() + "')"));
        case MetricCellKind::Text:
            return tl::unexpected(notANumberError(path, cells.front(), header.front()));
        case MetricCellKind::Number:
            break;
        }
        for (std::size_t i = 1; i < cells.size(); ++i) {
            if (!targets[i].used)
                continue;
            double value = 0;
            const MetricCellKind kind = readMetricCell(cells[i].text, value);
            if (kind == MetricCellKind::Text)
                return tl::unexpected(notANumberError(path, cells[i], header[i]));
            if (kind == MetricCellKind::Number)
                logs.runs[targets[i].run].series[targets[i].series].append(step, value);
        }
        ++rows;
        if (!throttle.check(reader->bytesConsumed()))
            return tl::unexpected(ProgressThrottle::cancelled(path));
    }
    if (rows == 0)
        return tl::unexpected(Error::at(path, 0, 0, "no data rows: the file has a header but no steps"));

    // Drop the series (and runs) that never got a point: an export of a run's empty panel.
    std::vector<LoggedRun> kept;
    for (LoggedRun& run : logs.runs) {
        std::erase_if(run.series, [](const LoggedSeries& s) { return s.size() == 0; });
        if (run.series.empty())
            logs.warnings.push_back(path + ": run '" + run.name + "' has no values; skipped");
        else
            kept.push_back(std::move(run));
    }
    logs.runs = std::move(kept);
    if (logs.runs.empty())
        return tl::unexpected(Error::at(path, 0, 0, "no values: every '<run> - <metric>' cell is empty"));
    if (!throttle.finish())
        return tl::unexpected(ProgressThrottle::cancelled(path));
    return logs;
}

} // namespace core

// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/logs/RunLogImporter.h"

#include "core/data/AttributeValue.h"
#include "core/io/logs/RunAssembler.h"

namespace core {

namespace {

std::string numberText(double v)
{
    return attributeToString(AttributeValue{v});
}

} // namespace

tl::expected<TablePreview, Error> RunLogImporter::preview(const std::string& path,
                                                          const ImportOptions& given,
                                                          std::size_t maxRows) const
{
    const ImportOptions options = withColumnRolesAsLogOptions(given);
    auto logs = readLogs(path, {});
    if (!logs)
        return tl::unexpected(logs.error());
    TablePreview out;
    out.columns = {"run", "metric", "points", "first step", "last step", "last value"};
    for (const LoggedRun& run : logs->runs) {
        for (const LoggedSeries& s : run.series) {
            if (out.rows.size() >= maxRows)
                break;
            std::vector<std::string> row{run.name, s.metric, std::to_string(s.size())};
            row.push_back(s.size() > 0 ? numberText(s.step.front()) : "");
            row.push_back(s.size() > 0 ? numberText(s.step.back()) : "");
            row.push_back(s.size() > 0 ? numberText(s.value.back()) : "");
            out.rows.push_back(std::move(row));
        }
    }
    auto choice = chooseLossMetric(logs->runs, options.logs);
    if (!choice)
        return tl::unexpected(choice.error());
    if (!choice->metric.empty())
        out.detection.roles[Role::Loss] = choice->metric;
    else {
        out.detection.unsure = true;
        out.detection.notes.push_back("no metric is named like a loss; choose one");
    }
    return out;
}

tl::expected<Sweep, Error> RunLogImporter::read(const std::string& path, const ImportOptions& options,
                                                const Progress& progress) const
{
    // Reading is most of the work; assembling is quick. Give reading 90% of the bar.
    Progress reading;
    if (progress)
        reading = [&progress](double f) { return progress(0.9 * f); };
    auto logs = readLogs(path, reading);
    if (!logs)
        return tl::unexpected(logs.error());
    return assembleSweep(std::move(*logs), path, std::string(id()), withColumnRolesAsLogOptions(options), progress);
}

} // namespace core

// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/logs/FolderImporter.h"

#include "core/io/logs/FolderContents.h"
#include "core/io/logs/RunAttributeSources.h"

#include <filesystem>
#include <system_error>

namespace core {

double FolderImporter::sniffDirectory(const std::string& dir) const
{
    std::error_code ec;
    return std::filesystem::is_directory(dir, ec) ? 0.1 : 0.0;
}

tl::expected<TablePreview, Error> FolderImporter::preview(const std::string& path, const ImportOptions& options,
                                                          std::size_t maxRows) const
{
    auto contents = readFolder(path, options);
    if (!contents)
        return tl::unexpected(contents.error());
    TablePreview out;
    out.columns = {"source", "format", "runs", "points"};
    for (const auto& s : contents->sources) {
        if (out.rows.size() >= maxRows)
            break;
        out.rows.push_back({s.path, s.format, std::to_string(s.runs), std::to_string(s.points)});
    }
    for (const auto& [format, runs] : contents->runsPerFormat)
        out.detection.notes.push_back(format + ": " + std::to_string(runs) + " runs");
    if (contents->joinTable)
        out.detection.notes.push_back("join: " + contents->joinTable->path + " on column '" + contents->joinColumn
                                      + "' (" + std::to_string(contents->joinMatches) + " runs matched)");
    for (const auto& s : contents->skipped)
        out.detection.notes.push_back("skipped " + s.path + ": " + s.reason);
    if (!contents->metrics.metric.empty())
        out.detection.roles[Role::Loss] = contents->metrics.metric;
    else
        out.detection.unsure = true;
    return out;
}

tl::expected<Sweep, Error> FolderImporter::read(const std::string& path, const ImportOptions& given,
                                                const Progress& progress) const
{
    const ImportOptions options = withColumnRolesAsLogOptions(given);
    Progress reading;
    if (progress)
        reading = [&progress](double f) { return progress(0.9 * f); };
    auto contents = readFolder(path, options, reading);
    if (!contents)
        return tl::unexpected(contents.error());
    if (contents->metrics.metrics.empty())
        return tl::unexpected(Error::at(path, 0, 0,
                                        "no run logs any metric value (" + std::to_string(contents->logs.runs.size())
                                            + " runs read)"));
    if (contents->metrics.metric.empty()) {
        std::string all;
        for (const std::string& m : contents->metrics.metrics)
            all += (all.empty() ? "" : ", ") + m;
        Error error =
            Error::forParameter("--metric", "no metric is named like a loss; choose one with --metric from: " + all);
        error.file = path;
        return tl::unexpected(std::move(error));
    }
    RunMetadataOptions logs = options.logs;
    auto sources = RunAttributeSources::create(logs, contents->logs.runs, contents->joinTable, logs.joinColumn);
    if (!sources) {
        Error error = sources.error();
        if (error.file.empty())
            error.file = path;
        return tl::unexpected(std::move(error));
    }
    auto sweep = assembleSweep(std::move(contents->logs), path, "folder", options, contents->metrics, *sources, progress);
    if (!sweep)
        return sweep;
    std::string found;
    for (const auto& [format, runs] : contents->runsPerFormat)
        found += (found.empty() ? "" : ", ") + std::to_string(runs) + " " + format;
    sweep->notes.insert(sweep->notes.begin(), "found " + found + " run(s) in " + std::to_string(contents->sources.size())
                                                  + " files or run directories");
    for (const auto& s : contents->skipped)
        sweep->notes.push_back("skipped " + s.path + ": " + s.reason);
    return sweep;
}

} // namespace core

// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/logs/HfTrainerStateImporter.h"

#include "core/io/NumberParser.h"
#include "core/io/PathUtil.h"
#include "core/io/ProgressThrottle.h"
#include "core/io/logs/DirectoryListing.h"
#include "core/io/logs/HfTrainerStateReader.h"

#include <filesystem>
#include <string_view>

namespace core {

namespace {

namespace fs = std::filesystem;

constexpr std::string_view kStateFile = "trainer_state.json";
constexpr std::size_t kMaxEntries = 10000; ///< directory entries looked at per directory

/// The subdirectories of `dir` that are not hidden, sorted by name (none when it cannot be listed).
std::vector<fs::path> subdirectories(const fs::path& dir)
{
    return listDirectory(dir, isDirectoryEntry, {.maxEntries = kMaxEntries});
}

/// The trainer_state.json that holds the run in output_dir `dir`: its own, else the one in the
/// checkpoint-<n> with the largest n; empty when there is none.
fs::path stateFileOf(const fs::path& dir)
{
    if (isRegularFile(dir / kStateFile))
        return dir / kStateFile;
    constexpr std::string_view kCheckpoint = "checkpoint-";
    fs::path best;
    double bestStep = -1;
    for (const fs::path& sub : subdirectories(dir)) {
        const std::string name = sub.filename().string();
        double step = 0;
        if (name.size() > kCheckpoint.size() && name.compare(0, kCheckpoint.size(), kCheckpoint) == 0
            && parseNumber(std::string_view(name).substr(kCheckpoint.size()), step) && step > bestStep
            && isRegularFile(sub / kStateFile)) {
            best = sub / kStateFile;
            bestStep = step;
        }
    }
    return best;
}

/// The last name in `dir` ("runs" for "/x/runs/"), "." when there is none.
std::string directoryName(const std::string& dir)
{
    fs::path p = fs::path(dir).lexically_normal();
    if (p.filename().empty())
        p = p.parent_path();
    const std::string name = p.filename().string();
    return name.empty() ? std::string(".") : name;
}

} // namespace

double HfTrainerStateImporter::sniff(std::string_view path, std::string_view head) const
{
    const std::size_t slash = path.find_last_of('/');
    const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    if (name == kStateFile)
        return 0.95;
    if (lowerExtension(path) == "json" && head.find("\"log_history\"") != std::string_view::npos)
        return 0.9;
    return 0.0;
}

double HfTrainerStateImporter::sniffDirectory(const std::string& dir) const
{
    if (!stateFileOf(dir).empty())
        return 0.9;
    for (const fs::path& sub : subdirectories(dir))
        if (!stateFileOf(sub).empty())
            return 0.3; // below 0.5: a folder search descends and finds each output_dir itself
    return 0.0;
}

tl::expected<RunLogs, Error> HfTrainerStateImporter::readLogs(const std::string& path,
                                                              const Progress& progress) const
{
    RunLogs logs;
    if (!isDirectory(path)) {
        auto run = HfTrainerStateReader::read(path, logs.warnings);
        if (!run)
            return tl::unexpected(run.error());
        logs.runs.push_back(std::move(*run));
        if (progress && !progress(1.0))
            return tl::unexpected(ProgressThrottle::cancelled(path));
        return logs;
    }
    // An output_dir is one run; otherwise each subdirectory that is an output_dir is one.
    std::vector<std::pair<std::string, fs::path>> files; // run id, trainer_state.json
    if (fs::path own = stateFileOf(path); !own.empty()) {
        files.emplace_back(directoryName(path), own);
    } else {
        for (const fs::path& sub : subdirectories(path))
            if (fs::path file = stateFileOf(sub); !file.empty())
                files.emplace_back(sub.filename().string(), file);
    }
    if (files.empty())
        return tl::unexpected(Error::at(path, 0, 0,
                                        "no trainer_state.json here, in a checkpoint-<n>/ or in a "
                                        "subdirectory's: not a Hugging Face output_dir"));
    for (std::size_t i = 0; i < files.size(); ++i) {
        auto run = HfTrainerStateReader::read(files[i].second.string(), logs.warnings);
        if (!run)
            return tl::unexpected(run.error());
        run->id = files[i].first;
        logs.runs.push_back(std::move(*run));
        if (progress && !progress(double(i + 1) / double(files.size())))
            return tl::unexpected(ProgressThrottle::cancelled(path));
    }
    return logs;
}

} // namespace core

// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/logs/RunJsonImporter.h"

#include "core/io/FileBuffer.h"
#include "core/io/PathUtil.h"
#include "core/io/ProgressThrottle.h"
#include "core/io/logs/DirectoryListing.h"
#include "core/io/logs/RunJsonReader.h"

#include <algorithm>
#include <filesystem>

namespace core {

namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMaxEntries = 100000; ///< directory entries looked at
constexpr double kScore = 0.6;
constexpr double kDirectoryScore = 0.3;

/// True when, after the root '{' at `start`, the head holds another '{' outside strings.
bool hasNestedObject(std::string_view head, std::size_t start)
{
    bool inString = false;
    for (std::size_t i = start + 1; i < head.size(); ++i) {
        const char c = head[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{') {
            return true;
        }
    }
    return false;
}

/// True when the first non-blank line is a whole object ("{...}") and the next starts with '{'.
bool looksLikeJsonLines(std::string_view head, std::size_t start)
{
    const std::size_t nl = head.find('\n', start);
    if (nl == std::string_view::npos)
        return false;
    std::string_view first = head.substr(start, nl - start);
    while (!first.empty() && (first.back() == '\r' || first.back() == ' ' || first.back() == '\t'))
        first.remove_suffix(1);
    const std::size_t next = head.find_first_not_of(" \t\r\n", nl);
    return first.size() > 1 && first.back() == '}' && next != std::string_view::npos && head[next] == '{';
}

/// The .json files directly in `dir` that are not hidden, sorted by name.
std::vector<fs::path> jsonFiles(const fs::path& dir)
{
    return listDirectory(
        dir,
        [](const fs::directory_entry& e) {
            return lowerExtension(e.path().filename().string()) == "json" && isRegularFileEntry(e);
        },
        {.maxEntries = kMaxEntries});
}

/// The first `bytes` of a file ("" when unreadable).
std::string headOf(const std::string& path, std::size_t bytes)
{
    auto file = FileBuffer::openRange(path, 0, bytes, bytes + 1);
    if (!file)
        return {};
    return std::string(file->begin(), static_cast<std::size_t>(file->end() - file->begin()));
}

} // namespace

double RunJsonImporter::sniff(std::string_view path, std::string_view head) const
{
    if (lowerExtension(path) != "json")
        return 0.0;
    const std::size_t start = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    if (start == std::string_view::npos || head[start] != '{')
        return 0.0;
    if (head.find("\"log_history\"") != std::string_view::npos)
        return 0.0;
    if (looksLikeJsonLines(head, start))
        return 0.2;
    return hasNestedObject(head, start) ? kScore : 0.0;
}

double RunJsonImporter::sniffDirectory(const std::string& dir) const
{
    const std::vector<fs::path> files = jsonFiles(dir);
    if (files.empty())
        return 0.0;
    for (const fs::path& f : files)
        if (f.filename() == "trainer_state.json")
            return 0.0;
    constexpr std::size_t kHead = 4096;
    for (std::size_t i = 0; i < std::min<std::size_t>(files.size(), 3); ++i)
        if (sniff(files[i].string(), headOf(files[i].string(), kHead)) < kScore)
            return 0.0;
    // Below 0.5: opened directly, the folder is read as run JSON files; a folder search still
    // descends into it and reads each file (with any other formats and a join table beside them).
    return kDirectoryScore;
}

tl::expected<RunLogs, Error> RunJsonImporter::readLogs(const std::string& path,
                                                       const Progress& progress) const
{
    RunLogs logs;
    if (!isDirectory(path)) {
        auto run = RunJsonReader::read(path, logs.warnings);
        if (!run)
            return tl::unexpected(run.error());
        logs.runs.push_back(std::move(*run));
        if (progress && !progress(1.0))
            return tl::unexpected(ProgressThrottle::cancelled(path));
        return logs;
    }
    const std::vector<fs::path> files = jsonFiles(path);
    constexpr std::size_t kHead = std::size_t{64} << 10;
    for (std::size_t i = 0; i < files.size(); ++i) {
        const std::string file = files[i].string();
        if (sniff(file, headOf(file, kHead)) < kScore) {
            logs.warnings.push_back(file + ": skipped: not a per-run JSON object");
            continue;
        }
        auto run = RunJsonReader::read(file, logs.warnings);
        if (!run)
            return tl::unexpected(run.error());
        logs.runs.push_back(std::move(*run));
        if (progress && !progress(double(i + 1) / double(files.size())))
            return tl::unexpected(ProgressThrottle::cancelled(path));
    }
    if (logs.runs.empty())
        return tl::unexpected(Error::at(path, 0, 0, "no per-run JSON file (a .json object with nested "
                                                    "hyperparameters or results) in this directory"));
    return logs;
}

} // namespace core

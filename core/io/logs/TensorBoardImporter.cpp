// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/logs/TensorBoardImporter.h"

#include "core/io/Crc32c.h"
#include "core/io/TfEvent.h"
#include "core/io/TfRecordReader.h"
#include "core/io/logs/DirectoryListing.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <system_error>

namespace fs = std::filesystem;

namespace core {

namespace {

constexpr std::uintmax_t kMaxFileBytes = std::uintmax_t{4} << 30; // 4 GiB

bool isEventFileName(const std::string& name)
{
    return name.find("tfevents") != std::string::npos;
}

/// The event files directly in `dir` (hidden ones too), in name order.
std::vector<fs::path> eventFilesIn(const fs::path& dir)
{
    return listDirectory(
        dir,
        [](const fs::directory_entry& e) {
            return isRegularFileEntry(e) && isEventFileName(e.path().filename().string());
        },
        {.skipHidden = false});
}

tl::expected<std::vector<std::byte>, Error> readWhole(const fs::path& path)
{
    std::error_code ec;
    const std::uintmax_t size = fs::file_size(path, ec);
    if (ec)
        return tl::unexpected(Error::at(path.string(), 0, 0, "cannot read: " + ec.message()));
    if (size > kMaxFileBytes)
        return tl::unexpected(Error::at(path.string(), 0, 0, "event file larger than 4 GiB"));
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return tl::unexpected(Error::at(path.string(), 0, 0, "cannot open"));
    std::vector<std::byte> bytes(static_cast<std::size_t>(size));
    in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(size));
    bytes.resize(static_cast<std::size_t>(in.gcount())); // the file may shrink under us
    return bytes;
}

/// Accumulates one run's events in file order, with TensorBoard's restart purge.
class RunAccumulator {
public:
    explicit RunAccumulator(LoggedRun& run) : m_run(run) {}

    void add(const TfEvent& event)
    {
        const auto step = static_cast<double>(event.step);
        if (event.sessionStart) {
            purgeFrom(step);
            return;
        }
        for (const TfEvent::Scalar& s : event.scalars)
            m_run.seriesFor(s.tag).append(step, s.value);
        for (const auto& [key, value] : event.hparams) // later sessions override earlier ones
            m_run.params[key] = value;
    }

private:
    void purgeFrom(double step)
    {
        for (LoggedSeries& s : m_run.series) {
            std::size_t keep = 0;
            for (std::size_t k = 0; k < s.size(); ++k) {
                if (s.step[k] >= step)
                    continue;
                s.step[keep] = s.step[k];
                s.value[keep] = s.value[k];
                s.tokens[keep] = s.tokens[k];
                ++keep;
            }
            purged += s.size() - keep;
            s.step.resize(keep);
            s.value.resize(keep);
            s.tokens.resize(keep);
        }
    }

    LoggedRun& m_run;

public:
    std::size_t purged = 0;
};

/// Reads the event files of one run directory (or one file) into `run`.
tl::expected<void, Error> readRun(const std::vector<fs::path>& files, LoggedRun& run, RunLogs& logs,
                                  const std::function<bool(std::size_t)>& fileDone)
{
    RunAccumulator accumulator(run);
    for (std::size_t f = 0; f < files.size(); ++f) {
        const std::string path = files[f].string();
        auto bytes = readWhole(files[f]);
        if (!bytes)
            return tl::unexpected(bytes.error());
        auto records = readTfRecords(*bytes, path);
        if (!records)
            return tl::unexpected(records.error());
        for (std::string& w : records->warnings)
            logs.warnings.push_back(std::move(w));
        for (const TfRecords::Record& record : records->records) {
            auto event = decodeTfEvent(record.data);
            if (!event) {
                logs.warnings.push_back(path + ": record at byte offset " + std::to_string(record.offset)
                                        + " skipped: " + event.error());
                continue;
            }
            accumulator.add(*event);
        }
        if (!fileDone(f + 1))
            return tl::unexpected(Error::at(path, 0, 0, "cancelled"));
    }
    if (accumulator.purged > 0)
        logs.warnings.push_back(run.source + ": a restart (SessionLog START) purged "
                                + std::to_string(accumulator.purged) + " points logged at or after its step");
    return {};
}

} // namespace

double TensorBoardImporter::sniff(std::string_view path, std::string_view head) const
{
    const std::size_t slash = path.find_last_of('/');
    const std::string name(slash == std::string_view::npos ? path : path.substr(slash + 1));
    bool framed = false;
    if (head.size() >= 12) {
        const auto* b = reinterpret_cast<const std::byte*>(head.data());
        std::uint32_t stored = 0;
        std::memcpy(&stored, head.data() + 8, 4); // little-endian on every platform we build for
        framed = maskCrc32c(crc32c(std::span<const std::byte>(b, 8))) == stored;
    }
    if (!framed)
        return 0.0;
    return isEventFileName(name) ? 0.95 : 0.6;
}

double TensorBoardImporter::sniffDirectory(const std::string& dir) const
{
    return eventFilesIn(dir).empty() ? 0.0 : 0.9;
}

tl::expected<RunLogs, Error> TensorBoardImporter::readLogs(const std::string& path, const Progress& progress) const
{
    RunLogs logs;
    std::error_code ec;
    const fs::path root(path);
    // (directory, its event files) for each run, in path order.
    std::vector<std::pair<fs::path, std::vector<fs::path>>> runs;
    if (fs::is_directory(root, ec)) {
        if (auto files = eventFilesIn(root); !files.empty())
            runs.emplace_back(root, std::move(files));
        std::vector<fs::path> dirs;
        for (fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
             !ec && it != end; it.increment(ec)) {
            std::error_code typeError;
            if (it->is_directory(typeError))
                dirs.push_back(it->path());
        }
        std::sort(dirs.begin(), dirs.end());
        for (const fs::path& d : dirs)
            if (auto files = eventFilesIn(d); !files.empty())
                runs.emplace_back(d, std::move(files));
        if (runs.empty())
            return tl::unexpected(Error::at(path, 0, 0, "no TensorBoard event files (names containing 'tfevents') in this directory"));
    } else {
        runs.emplace_back(root.parent_path(), std::vector<fs::path>{root});
    }
    std::size_t totalFiles = 0, filesDone = 0;
    for (const auto& r : runs)
        totalFiles += r.second.size();
    for (const auto& [dir, files] : runs) {
        LoggedRun run;
        run.format = "tensorboard";
        std::string relative = fs::is_directory(root, ec) ? fs::relative(dir, root, ec).generic_string() : "";
        if (relative.empty() || relative == ".")
            relative = dir.filename().string().empty() ? dir.generic_string() : dir.filename().string();
        run.id = relative;
        run.name = relative;
        run.source = files.size() == 1 && !fs::is_directory(root, ec) ? files.front().string() : dir.string();
        const std::size_t before = filesDone;
        auto done = [&](std::size_t n) {
            filesDone = before + n;
            return !progress || progress(static_cast<double>(filesDone) / static_cast<double>(totalFiles));
        };
        if (auto r = readRun(files, run, logs, done); !r)
            return tl::unexpected(r.error());
        logs.runs.push_back(std::move(run));
    }
    return logs;
}

} // namespace core

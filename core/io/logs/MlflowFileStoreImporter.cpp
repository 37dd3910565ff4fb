// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/logs/MlflowFileStoreImporter.h"

#include "core/io/ProgressThrottle.h"
#include "core/io/logs/DirectoryListing.h"
#include "core/io/logs/FlatYaml.h"
#include "core/io/logs/MlflowMetricFile.h"
#include "core/io/logs/MlflowRunRecord.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <system_error>

namespace core {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kMaxValueBytes = std::size_t{1} << 20;
constexpr int kMaxDepth = 32;
constexpr std::size_t kSniffChildren = 64;

enum class Kind { Unknown, Store, Experiment, Run };

/// The subdirectories of `dir`, hidden ones too, sorted by name; the first `limit` found.
std::vector<fs::path> subdirectories(const fs::path& dir, std::size_t limit = SIZE_MAX)
{
    return listDirectory(dir, isDirectoryEntry, {.skipHidden = false, .maxKept = limit});
}

bool skippedName(const std::string& name)
{
    return name.empty() || name.front() == '.' || name == "models";
}

/// Directories inside an experiment that are not runs (experiment tags, datasets, traces).
bool experimentNonRun(const std::string& name)
{
    return skippedName(name) || name == "tags" || name == "datasets" || name == "traces";
}

std::string baseName(const fs::path& p)
{
    fs::path q = p.lexically_normal();
    if (q.filename().empty())
        q = q.parent_path();
    return q.filename().string();
}

bool isRunMeta(const FlatYaml& y)
{
    return y.has("run_uuid") || y.has("run_id");
}

bool isExperimentMeta(const FlatYaml& y)
{
    return !isRunMeta(y) && y.has("experiment_id");
}

std::optional<FlatYaml> metaOf(const fs::path& dir)
{
    const fs::path meta = dir / "meta.yaml";
    if (!isRegularFile(meta))
        return std::nullopt;
    auto y = FlatYaml::read(meta.string());
    if (!y)
        return std::nullopt;
    return std::move(*y);
}

Kind classify(const fs::path& dir)
{
    if (auto meta = metaOf(dir)) {
        if (isRunMeta(*meta))
            return Kind::Run;
        if (isExperimentMeta(*meta))
            return Kind::Experiment;
    }
    if (baseName(dir) == "mlruns")
        return Kind::Store;
    for (const fs::path& child : subdirectories(dir, kSniffChildren)) {
        if (skippedName(child.filename().string()))
            continue;
        if (auto meta = metaOf(child); meta && isExperimentMeta(*meta))
            return Kind::Store;
    }
    return Kind::Unknown;
}

tl::expected<std::string, Error> readValueFile(const fs::path& path)
{
    const std::string name = path.string();
    const std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(name.c_str(), "rb"), &std::fclose);
    if (!f)
        return tl::unexpected(Error::at(name, 0, 0, "cannot open"));
    std::string text;
    char buffer[8192];
    for (;;) {
        const std::size_t n = std::fread(buffer, 1, sizeof buffer, f.get());
        text.append(buffer, n);
        if (text.size() > kMaxValueBytes)
            return tl::unexpected(Error::at(name, 0, 0, "over 1 MiB; skipped"));
        if (n < sizeof buffer)
            break;
    }
    if (std::ferror(f.get()))
        return tl::unexpected(Error::at(name, 0, 0, "read error"));
    return text;
}

/// Every regular file under `root`, as paths relative to it joined with '/', sorted.
void walkFiles(const fs::path& root, const std::string& prefix, int depth,
               std::vector<std::pair<std::string, fs::path>>& out)
{
    if (depth > kMaxDepth)
        return;
    std::error_code ec;
    for (const fs::path& p : listDirectory(root, {}, {.skipHidden = false})) {
        const std::string key = prefix + p.filename().string();
        if (fs::is_symlink(p, ec) && isDirectory(p))
            continue; // MLflow writes no links; a linked directory could loop
        if (isDirectory(p))
            walkFiles(p, key + "/", depth + 1, out);
        else if (isRegularFile(p))
            out.emplace_back(key, p);
    }
}

/// The text of every value file under `dir` (params/, tags/) with its key as walkFiles names
/// it; a file that cannot be read, or is over 1 MiB, is a warning.
std::vector<std::pair<std::string, std::string>> readValueFiles(const fs::path& dir,
                                                                std::vector<std::string>& warnings)
{
    std::vector<std::pair<std::string, fs::path>> files;
    walkFiles(dir, "", 0, files);
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& [key, path] : files) {
        auto text = readValueFile(path);
        if (text)
            out.emplace_back(key, std::move(*text));
        else
            warnings.push_back(text.error().toString());
    }
    return out;
}

/// Reads one run directory into `records` (nothing for a deleted run, a warning for one without
/// meta.yaml).
tl::expected<void, Error> readRun(const fs::path& dir, const std::string& experimentId,
                                  const std::string& experimentName, RunLogs& logs,
                                  std::vector<MlflowRunRecord>& records)
{
    const fs::path metaPath = dir / "meta.yaml";
    if (!isRegularFile(metaPath)) {
        logs.warnings.push_back(metaPath.string() + ": missing; not an MLflow run, skipped");
        return {};
    }
    auto meta = FlatYaml::read(metaPath.string());
    if (!meta)
        return tl::unexpected(meta.error());
    if (meta->value("lifecycle_stage") == "deleted")
        return {};
    MlflowRunRecord r;
    r.runId = meta->value("run_id");
    if (r.runId.empty())
        r.runId = meta->value("run_uuid", dir.filename().string());
    r.experimentId = meta->value("experiment_id", experimentId);
    if (r.experimentId.empty())
        r.experimentId = experimentId;
    r.experimentName = experimentName.empty() ? r.experimentId : experimentName;
    if (auto t = mlflowParamValue(meta->value("start_time")); std::holds_alternative<double>(t))
        r.startTime = std::get<double>(t);
    r.run.name = meta->value("run_name");
    r.run.source = dir.string();
    r.run.format = "mlflow";

    for (const auto& [key, text] : readValueFiles(dir / "params", logs.warnings))
        r.run.params[key] = mlflowParamValue(text);
    for (const auto& [key, text] : readValueFiles(dir / "tags", logs.warnings)) {
        if (key == "mlflow.runName" && r.run.name.empty())
            r.run.name = text;
        r.run.params["tags." + key] = mlflowParamValue(text);
    }
    std::vector<std::pair<std::string, fs::path>> files;
    walkFiles(dir / "metrics", "", 0, files);
    for (const auto& [key, path] : files) {
        LoggedSeries& series = r.run.seriesFor(key);
        if (auto read = readMlflowMetricFile(path.string(), series); !read)
            return tl::unexpected(read.error());
    }
    records.push_back(std::move(r));
    return {};
}

struct RunDir {
    fs::path dir;
    std::string experimentId;
    std::string experimentName;
};

/// The run directories of one experiment directory (its meta.yaml already read as `meta`).
void addExperiment(const fs::path& dir, const FlatYaml& meta, std::vector<RunDir>& runs)
{
    if (meta.value("lifecycle_stage") == "deleted")
        return;
    std::string id = meta.value("experiment_id");
    if (id.empty())
        id = dir.filename().string();
    const std::string name = meta.value("name", id);
    for (const fs::path& child : subdirectories(dir))
        if (!experimentNonRun(child.filename().string()))
            runs.push_back({child, id, name.empty() ? id : name});
}

} // namespace

double MlflowFileStoreImporter::sniff(std::string_view path, std::string_view head) const
{
    (void)path;
    (void)head;
    return 0.0;
}

double MlflowFileStoreImporter::sniffDirectory(const std::string& dir) const
{
    if (!isDirectory(dir))
        return 0.0;
    return classify(dir) == Kind::Unknown ? 0.0 : 0.95;
}

tl::expected<RunLogs, Error> MlflowFileStoreImporter::readLogs(const std::string& path,
                                                               const Progress& progress) const
{
    if (!isDirectory(path))
        return tl::unexpected(Error::at(path, 0, 0,
                                        "not a directory: the MLflow file store is an mlruns/ "
                                        "directory, an experiment directory or a run directory"));
    const fs::path root(path);
    // A meta.yaml here that does not parse is the error to report, not "not a store".
    if (const fs::path meta = root / "meta.yaml"; isRegularFile(meta))
        if (auto parsed = FlatYaml::read(meta.string()); !parsed)
            return tl::unexpected(parsed.error());
    RunLogs logs;
    std::vector<RunDir> runDirs;
    switch (classify(root)) {
    case Kind::Unknown:
        return tl::unexpected(Error::at(path, 0, 0,
                                        "not an MLflow file store: no meta.yaml of an experiment or "
                                        "a run here or in its subdirectories"));
    case Kind::Store:
        for (const fs::path& child : subdirectories(root)) {
            if (skippedName(child.filename().string()))
                continue;
            const fs::path metaPath = child / "meta.yaml";
            if (!isRegularFile(metaPath)) {
                logs.warnings.push_back(metaPath.string()
                                        + ": missing; not an MLflow experiment, skipped");
                continue;
            }
            auto meta = FlatYaml::read(metaPath.string());
            if (!meta)
                return tl::unexpected(meta.error());
            addExperiment(child, *meta, runDirs);
        }
        break;
    case Kind::Experiment: {
        auto meta = FlatYaml::read((root / "meta.yaml").string());
        if (!meta)
            return tl::unexpected(meta.error());
        addExperiment(root, *meta, runDirs);
        break;
    }
    case Kind::Run: {
        // The experiment's name from the parent's meta.yaml when there is one.
        std::error_code ec;
        fs::path self = fs::absolute(root, ec).lexically_normal();
        if (self.filename().empty())
            self = self.parent_path();
        const fs::path parent = self.parent_path();
        std::string id;
        std::string name;
        if (auto meta = metaOf(parent); meta && isExperimentMeta(*meta)) {
            id = meta->value("experiment_id");
            name = meta->value("name");
        }
        runDirs.push_back({root, id, name});
        break;
    }
    }

    std::vector<MlflowRunRecord> records;
    for (std::size_t i = 0; i < runDirs.size(); ++i) {
        const RunDir& rd = runDirs[i];
        if (auto read = readRun(rd.dir, rd.experimentId, rd.experimentName, logs, records); !read)
            return tl::unexpected(read.error());
        if (progress && !progress(double(i + 1) / double(runDirs.size())))
            return tl::unexpected(ProgressThrottle::cancelled(path));
    }
    if (records.empty())
        return tl::unexpected(Error::at(path, 0, 0,
                                        "no runs: no MLflow run directory (with a meta.yaml holding "
                                        "run_id) that is not deleted"));
    logs.runs = orderMlflowRuns(std::move(records));
    return logs;
}

} // namespace core

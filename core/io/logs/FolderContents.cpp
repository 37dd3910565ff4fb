// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/logs/FolderContents.h"

#include "core/io/FileBuffer.h"
#include "core/io/Importers.h"
#include "core/io/logs/DirectoryListing.h"
#include "core/io/logs/RunAttributeSources.h"
#include "core/io/logs/RunLogImporter.h"
#include "core/io/logs/RunQuantities.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <system_error>

namespace fs = std::filesystem;

namespace core {

namespace {

constexpr double kClaimDirectory = 0.5;
constexpr std::string_view kFolderId = "folder";

struct Claim {
    fs::path path;
    const Importer* importer = nullptr;
    std::uintmax_t bytes = 0;
};

const Importer* bestForDirectory(const fs::path& dir)
{
    const Importer* best = nullptr;
    double bestScore = kClaimDirectory - 1e-9;
    for (const Importer* importer : importers()) {
        if (importer->id() == kFolderId)
            continue;
        const double score = importer->sniffDirectory(dir.string());
        if (score > bestScore) {
            best = importer;
            bestScore = score;
        }
    }
    return best;
}

std::uintmax_t treeBytes(const fs::path& dir)
{
    std::uintmax_t n = 0;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
         !ec && it != end; it.increment(ec)) {
        std::error_code e2;
        if (it->is_regular_file(e2))
            n += it->file_size(e2);
    }
    return n;
}

/// True the first time the directory `dir` (through whatever links) is seen.
bool firstVisit(const fs::path& dir, std::set<fs::path>& visited)
{
    std::error_code ec;
    const fs::path canonical = fs::canonical(dir, ec);
    return ec || visited.insert(canonical).second;
}

/// Walks `dir` in name order, collecting what importers claim. Links to directories are
/// followed, but each directory is walked or claimed once (`visited`), so a link back to a
/// parent cannot loop.
void collect(const fs::path& dir, std::vector<Claim>& claims, std::vector<FolderContents::Skipped>& skipped,
             const fs::path& root, std::set<fs::path>& visited)
{
    for (const fs::path& child : listDirectory(dir)) {
        std::error_code typeError;
        if (fs::is_directory(child, typeError)) {
            if (!firstVisit(child, visited))
                skipped.push_back({child.lexically_relative(root).generic_string(),
                                   "a link to a directory that is already read"});
            else if (const Importer* importer = bestForDirectory(child))
                claims.push_back(Claim{child, importer, treeBytes(child)});
            else
                collect(child, claims, skipped, root, visited);
            continue;
        }
        if (!fs::is_regular_file(child, typeError))
            continue;
        auto importer = importerFor(child.string());
        const std::string rel = fs::relative(child, root, typeError).generic_string();
        if (!importer) {
            skipped.push_back({rel, "not a format ScaleLab reads"});
            continue;
        }
        claims.push_back(Claim{child, *importer, fs::file_size(child, typeError)});
    }
}

/// An option error (--metric, --join-column) about the runs found in `folder` names the folder.
Error aboutFolder(Error e, const std::string& folder)
{
    if (e.file.empty())
        e.file = folder;
    return e;
}

/// A run table's runs as logged runs (N, D, C as the table had them; the loss curve as a series).
std::vector<LoggedRun> loggedRunsOf(Sweep sweep)
{
    std::vector<LoggedRun> out;
    for (Run& run : sweep.runs) {
        LoggedRun logged;
        logged.id = run.id;
        logged.name = run.name;
        logged.source = sweep.sourcePath;
        logged.format = sweep.format;
        logged.params = std::move(run.attributes);
        logged.N = run.N;
        logged.D = run.D;
        logged.C = run.C;
        logged.budget = run.budget;
        logged.U = run.U;
        for (Curve& c : run.curves) {
            LoggedSeries s;
            s.metric = c.metric;
            s.step = std::move(c.step);
            s.value = std::move(c.value);
            s.tokens = std::move(c.tokens);
            logged.series.push_back(std::move(s));
        }
        out.push_back(std::move(logged));
    }
    return out;
}

} // namespace

tl::expected<FolderContents, Error> readFolder(const std::string& folder, const ImportOptions& given,
                                               const Progress& progress)
{
    const ImportOptions options = withColumnRolesAsLogOptions(given);
    std::error_code ec;
    FolderContents out;
    out.folder = folder;
    std::vector<Claim> claims;
    fs::path root(folder);
    if (fs::is_regular_file(root, ec)) { // one log file: what the folder dialog shows for it
        auto importer = importerFor(folder);
        if (!importer)
            return tl::unexpected(importer.error());
        claims.push_back(Claim{root, *importer, fs::file_size(root, ec)});
        root = root.parent_path();
    } else if (!fs::is_directory(root, ec)) {
        return tl::unexpected(Error::at(folder, 0, 0, "not a readable directory"));
    } else if (const Importer* own = bestForDirectory(root)) { // a TensorBoard run, an mlruns/ store
        claims.push_back(Claim{root, own, treeBytes(root)});
        root = root.parent_path();
    } else {
        std::set<fs::path> visited;
        firstVisit(root, visited);
        collect(root, claims, out.skipped, root, visited);
    }

    std::uintmax_t totalBytes = 1, doneBytes = 0;
    for (const Claim& c : claims)
        totalBytes += c.bytes;
    std::vector<fs::path> failedTables; // table files that held no runs: join candidates
    for (const Claim& claim : claims) {
        const std::string rel = fs::relative(claim.path, root, ec).generic_string();
        const double base = static_cast<double>(doneBytes) / static_cast<double>(totalBytes);
        const double share = static_cast<double>(claim.bytes) / static_cast<double>(totalBytes);
        Progress part;
        if (progress)
            part = [&progress, base, share](double f) { return progress(base + share * f); };
        std::vector<LoggedRun> runs;
        std::vector<std::string> warnings;
        if (const auto* logImporter = dynamic_cast<const RunLogImporter*>(claim.importer)) {
            auto logs = logImporter->readLogs(claim.path.string(), part);
            if (!logs) {
                if (logs.error().message == "cancelled")
                    return tl::unexpected(logs.error());
                out.skipped.push_back({rel, logs.error().toString()});
                doneBytes += claim.bytes;
                continue;
            }
            runs = std::move(logs->runs);
            warnings = std::move(logs->warnings);
        } else {
            // Filters pick runs by attribute once all are read (assembleSweep); a table read
            // here must not fail for lacking a column another format's runs have.
            ImportOptions tableOptions = options;
            tableOptions.filters.clear();
            auto sweep = claim.importer->read(claim.path.string(), tableOptions, part);
            if (!sweep) {
                if (sweep.error().message == "cancelled")
                    return tl::unexpected(sweep.error());
                failedTables.push_back(claim.path);
                out.skipped.push_back({rel, sweep.error().toString()});
                doneBytes += claim.bytes;
                continue;
            }
            runs = loggedRunsOf(std::move(*sweep));
        }
        doneBytes += claim.bytes;
        FolderContents::Source source{rel, std::string(claim.importer->id()), runs.size(), 0};
        for (LoggedRun& run : runs) {
            source.points += run.pointCount();
            run.id = runs.size() == 1 ? rel : rel + "/" + run.id;
            out.logs.runs.push_back(std::move(run));
        }
        for (std::string& w : warnings)
            out.logs.warnings.push_back(std::move(w));
        out.runsPerFormat[source.format] += source.runs;
        out.sources.push_back(std::move(source));
    }
    if (out.logs.runs.empty()) {
        std::string reasons;
        for (std::size_t i = 0; i < out.skipped.size() && i < 5; ++i)
            reasons += "; " + out.skipped[i].path + ": " + out.skipped[i].reason;
        return tl::unexpected(Error::at(folder, 0, 0, "no runs found in this folder" + reasons));
    }
    // Run names must tell runs apart: fall back to ids where two share a name.
    std::map<std::string, std::size_t> nameCount;
    for (const LoggedRun& run : out.logs.runs)
        ++nameCount[run.name];
    for (LoggedRun& run : out.logs.runs)
        if (run.name.empty() || nameCount[run.name] > 1)
            run.name = run.id;

    if (!options.logs.joinTable.empty()) {
        auto table = readAttributeTable(options.logs.joinTable);
        if (!table)
            return tl::unexpected(table.error());
        out.joinTable = std::move(*table);
        // A join table given inside the folder is not a file that failed to read.
        const fs::path joined = fs::weakly_canonical(options.logs.joinTable, ec);
        std::erase_if(out.skipped, [&](const FolderContents::Skipped& s) {
            std::error_code e2;
            return fs::weakly_canonical(root / s.path, e2) == joined;
        });
    } else {
        std::size_t best = 0;
        for (const fs::path& candidate : failedTables) {
            auto table = readAttributeTable(candidate.string());
            if (!table)
                continue;
            for (std::size_t c = 0; c < table->columns.size(); ++c) {
                const std::size_t n = RunAttributeSources::countMatches(*table, c, out.logs.runs);
                if (n > best) {
                    best = n;
                    out.joinTable = *table;
                }
            }
        }
        if (out.joinTable) {
            const std::string rel = fs::relative(out.joinTable->path, root, ec).generic_string();
            std::erase_if(out.skipped, [&](const FolderContents::Skipped& s) { return s.path == rel; });
        }
    }
    if (out.joinTable) {
        RunMetadataOptions plain = options.logs;
        plain.namePattern.clear();
        auto sources = RunAttributeSources::create(plain, out.logs.runs, out.joinTable, options.logs.joinColumn);
        if (!sources)
            return tl::unexpected(aboutFolder(sources.error(), folder));
        out.joinColumn = sources->joinColumn();
        out.joinMatches = sources->matchedRuns(out.logs.runs);
    }
    auto choice = chooseLossMetric(out.logs.runs, options.logs);
    if (!choice)
        return tl::unexpected(aboutFolder(choice.error(), folder));
    out.metrics = std::move(*choice);
    return out;
}

tl::expected<std::vector<std::string>, Error> describeQuantities(const FolderContents& contents,
                                                               const RunMetadataOptions& options)
{
    const std::vector<LoggedRun>& runs = contents.logs.runs;
    std::optional<AttributeTable> table = contents.joinTable;
    std::string column = options.joinColumn;
    if (!options.joinTable.empty() && (!table || table->path != options.joinTable)) {
        auto read = readAttributeTable(options.joinTable);
        if (!read)
            return tl::unexpected(read.error());
        table = std::move(*read);
    }
    auto sources = RunAttributeSources::create(options, runs, std::move(table), column);
    if (!sources)
        return tl::unexpected(sources.error());
    std::vector<std::map<std::string, AttributeValue>> attributes(runs.size());
    for (std::size_t i = 0; i < runs.size(); ++i) {
        attributes[i] = runs[i].params;
        std::vector<std::string> conflicts;
        for (auto& [key, value] : sources->attributesFor(runs[i], conflicts))
            attributes[i][key] = std::move(value);
    }
    auto quantities = RunQuantities::resolve(runs, attributes, options);
    if (!quantities)
        return tl::unexpected(quantities.error());
    std::vector<std::string> out;
    if (sources->hasJoin())
        out.push_back("join: " + sources->joinPath() + " on column '" + sources->joinColumn() + "', "
                      + std::to_string(sources->matchedRuns(runs)) + " of " + std::to_string(runs.size())
                      + " runs matched");
    for (std::string& note : quantities->notes())
        out.push_back(std::move(note));
    if (!quantities->hasTokens())
        out.push_back("no token counts: give tokens per step (batch × sequence length) to plot against D or C");
    return out;
}

} // namespace core

// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/logs/RunHistoryImporter.h"

#include "core/io/DelimitedRecordReader.h"
#include "core/io/DelimitedRows.h"
#include "core/io/JsonLineFlattener.h"
#include "core/io/PathUtil.h"
#include "core/io/ProgressThrottle.h"
#include "core/io/logs/HeaderLine.h"
#include "core/io/logs/RunHistoryBuilder.h"
#include "core/io/logs/RunHistoryColumns.h"
#include "core/io/logs/TextLineReader.h"

#include <filesystem>

namespace core {

namespace {

bool isJsonLinesExtension(const std::string& ext)
{
    return ext == "jsonl" || ext == "ndjson";
}

/// The first non-blank line of `head`, or empty.
std::string_view firstLine(std::string_view head)
{
    while (!head.empty()) {
        const std::size_t nl = head.find('\n');
        std::string_view line = head.substr(0, nl);
        if (line.find_first_not_of(" \t\r") != std::string_view::npos)
            return line;
        if (nl == std::string_view::npos)
            break;
        head.remove_prefix(nl + 1);
    }
    return {};
}

/// True when the file is JSON Lines: by extension, else by a first non-blank byte '{'.
bool startsLikeJson(std::string_view head)
{
    if (head.substr(0, 3) == "\xEF\xBB\xBF")
        head.remove_prefix(3);
    const std::size_t start = head.find_first_not_of(" \t\r\n");
    return start != std::string_view::npos && head[start] == '{';
}

tl::expected<void, Error> readDelimited(const std::string& path, RunHistoryBuilder& builder,
                                        const Progress& progress)
{
    auto reader = DelimitedRecordReader::open(path, 0);
    if (!reader)
        return tl::unexpected(reader.error());
    std::vector<TableCell> cells;
    if (auto header = readDelimitedHeader(*reader, path, cells, "empty file: no header row"); !header)
        return tl::unexpected(header.error());
    for (const TableCell& cell : cells)
        builder.addColumn(std::string(cell.text));
    if (auto started = builder.start(reader->recordLine()); !started)
        return started;
    const std::size_t fieldCount = cells.size();
    ProgressThrottle throttle(progress, reader->fileSize());
    for (;;) {
        auto got = reader->next(cells);
        if (!got)
            return tl::unexpected(got.error());
        if (!*got)
            break;
        if (cells.size() != fieldCount)
            return tl::unexpected(delimitedRaggedError(path, *reader, cells, fieldCount));
        if (auto added = builder.addRow(cells, reader->recordLine()); !added)
            return added;
        if (!throttle.check(reader->bytesConsumed()))
            return tl::unexpected(ProgressThrottle::cancelled(path));
    }
    if (!throttle.finish())
        return tl::unexpected(ProgressThrottle::cancelled(path));
    return {};
}

tl::expected<void, Error> readJsonLines(const std::string& path, RunHistoryBuilder& builder,
                                        std::vector<std::string>& warnings, const Progress& progress)
{
    auto reader = TextLineReader::open(path);
    if (!reader)
        return tl::unexpected(reader.error());
    ProgressThrottle throttle(progress, reader->fileSize());
    JsonLineFlattener json;
    std::vector<TableCell> cells;
    bool started = false;
    std::string_view line;
    for (;;) {
        auto got = reader->nextNonBlank(line);
        if (!got)
            return tl::unexpected(got.error());
        if (!*got)
            break;
        const std::size_t n = reader->lineNumber();
        if (!json.parse(line)) {
            if (started && !reader->lastHadNewline()) {
                warnings.push_back(path + ":" + std::to_string(n) +
                                   ": incomplete last line (the file may still be written); "
                                   "skipped");
                break;
            }
            return tl::unexpected(Error::at(path, n, json.errorColumn(), json.errorMessage()));
        }
        cells.assign(builder.columnCount(), TableCell{{}, n, 0});
        for (std::size_t i = 0; i < json.fieldCount(); ++i) {
            const JsonLineFlattener::Field& field = json.fields()[i];
            const std::size_t column = builder.column(field.key);
            if (column >= cells.size())
                cells.resize(column + 1, TableCell{{}, n, 0});
            cells[column] = TableCell{json.value(field), n, field.column};
        }
        if (!started) {
            if (auto ok = builder.start(n); !ok)
                return ok;
            started = true;
        }
        if (auto added = builder.addRow(cells, n); !added)
            return added;
        if (!throttle.check(reader->bytesConsumed()))
            return tl::unexpected(ProgressThrottle::cancelled(path));
    }
    if (!started)
        return tl::unexpected(Error::at(path, 0, 0, "empty file: no JSON objects"));
    if (!throttle.finish())
        return tl::unexpected(ProgressThrottle::cancelled(path));
    return {};
}

} // namespace

std::vector<std::string_view> RunHistoryImporter::extensions() const
{
    return {"csv", "tsv", "txt", "jsonl", "ndjson"};
}

double RunHistoryImporter::sniff(std::string_view path, std::string_view head) const
{
    const std::string ext = lowerExtension(path);
    if (head.find('\0') != std::string_view::npos)
        return 0.0;
    if (isJsonLinesExtension(ext) || startsLikeJson(head)) {
        JsonLineFlattener json;
        std::string_view line = firstLine(head);
        if (line.substr(0, 3) == "\xEF\xBB\xBF")
            line.remove_prefix(3);
        if (!json.parse(line))
            return 0.0;
        std::vector<std::string> keys;
        for (std::size_t i = 0; i < json.fieldCount(); ++i)
            keys.push_back(json.fields()[i].key);
        if (!looksLikeRunHistory(keys))
            return 0.0;
        if (isJsonLinesExtension(ext))
            return 1.0;
        return ext == "json" ? 0.5 : 0.95;
    }
    if (!looksLikeRunHistory(headerLineFields(head)))
        return 0.0;
    return (ext.empty() || ext == "csv" || ext == "tsv" || ext == "txt") ? 0.95 : 0.6;
}

std::string RunHistoryImporter::runNameFor(const std::string& path)
{
    namespace fs = std::filesystem;
    const fs::path file(path);
    if (file.filename() != "wandb-history.jsonl")
        return file.stem().string();
    std::error_code ec;
    fs::path dir = fs::absolute(file, ec).lexically_normal().parent_path();
    if (ec)
        dir = file.parent_path();
    if (dir.filename() == "files")
        dir = dir.parent_path();
    const std::string name = dir.filename().string();
    return name.empty() ? file.stem().string() : name;
}

tl::expected<RunLogs, Error> RunHistoryImporter::readLogs(const std::string& path,
                                                          const Progress& progress) const
{
    auto probe = FileBuffer::open(path, 4096);
    if (!probe)
        return tl::unexpected(probe.error());
    const std::string_view head(probe->begin(), static_cast<std::size_t>(probe->end() - probe->begin()));
    const bool json = isJsonLinesExtension(lowerExtension(path)) || startsLikeJson(head);
    RunHistoryBuilder builder(path);
    RunLogs logs;
    auto done =
        json ? readJsonLines(path, builder, logs.warnings, progress) : readDelimited(path, builder, progress);
    if (!done)
        return tl::unexpected(done.error());
    auto run = builder.finish(runNameFor(path), std::filesystem::path(path).filename().string(),
                              std::string(id()), logs.warnings);
    if (!run)
        return tl::unexpected(run.error());
    logs.runs.push_back(std::move(*run));
    return logs;
}

} // namespace core

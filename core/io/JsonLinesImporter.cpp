// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/JsonLinesImporter.h"

#include "core/io/ColumnDetector.h"
#include "core/io/FileBuffer.h"
#include "core/io/JsonLineFlattener.h"
#include "core/io/PathUtil.h"
#include "core/io/ProgressThrottle.h"
#include "core/io/TableBuilder.h"
#include "core/io/logs/TextLineReader.h"

#include <algorithm>
#include <functional>
#include <unordered_map>

namespace core {

namespace {

using LineVisitor = std::function<tl::expected<bool, Error>(std::string_view line,
                                                            std::size_t lineNumber,
                                                            std::uint64_t offset)>;

Error errorAt(const std::string& path, std::size_t line, std::size_t column, std::string message)
{
    return Error::at(path, line, column, std::move(message));
}

/// Calls `visit` for each non-blank line (without its newline and CR); stops when it returns
/// false. Errors for NUL bytes and read failures.
tl::expected<void, Error> forEachLine(const std::string& path, const LineVisitor& visit)
{
    return TextLineReader::forEachLine(
        path, {.nulMessage = "binary data (a NUL byte) where JSON text was expected"},
        [&visit](std::string_view line, const TextLineReader& reader) {
            return visit(line, reader.lineNumber(), reader.lineOffset());
        });
}

/// The union of the keys of all lines, in order of first appearance.
struct KeyTable {
    std::vector<std::string> columns;
    std::unordered_map<std::string, std::size_t> index;
};

tl::expected<KeyTable, Error> collectKeys(const std::string& path, JsonLineFlattener& json,
                                          ProgressThrottle& throttle)
{
    KeyTable keys;
    bool any = false;
    auto done = forEachLine(path, [&](std::string_view line, std::size_t n, std::uint64_t offset)
                                      -> tl::expected<bool, Error> {
        if (!json.parse(line))
            return tl::unexpected(errorAt(path, n, json.errorColumn(), json.errorMessage()));
        any = true;
        for (std::size_t i = 0; i < json.fieldCount(); ++i) {
            const std::string& key = json.fields()[i].key;
            if (keys.index.find(key) == keys.index.end()) {
                keys.index.emplace(key, keys.columns.size());
                keys.columns.push_back(key);
            }
        }
        if (!throttle.check(offset / 2))
            return tl::unexpected(ProgressThrottle::cancelled(path));
        return true;
    });
    if (!done)
        return tl::unexpected(done.error());
    if (!any)
        return tl::unexpected(errorAt(path, 0, 0, "empty file: no JSON objects; columns found: (none)"));
    return keys;
}

/// Spreads the parsed fields of one line over `cells` (one per column; absent = missing).
void fillCells(const JsonLineFlattener& json, const KeyTable& keys, std::size_t line,
               std::vector<TableCell>& cells)
{
    cells.assign(keys.columns.size(), TableCell{{}, line, 0});
    for (std::size_t i = 0; i < json.fieldCount(); ++i) {
        const JsonLineFlattener::Field& field = json.fields()[i];
        const auto it = keys.index.find(field.key);
        if (it != keys.index.end())
            cells[it->second] = TableCell{json.value(field), line, field.column};
    }
}

} // namespace

std::vector<std::string_view> JsonLinesImporter::extensions() const
{
    return {"jsonl", "ndjson"};
}

double JsonLinesImporter::sniff(std::string_view path, std::string_view head) const
{
    const std::string ext = lowerExtension(path);
    double score = (ext == "jsonl" || ext == "ndjson") ? 0.9 : 0.0;
    const std::size_t start = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    if (start != std::string_view::npos && head[start] == '{')
        score += ext == "json" ? 0.3 : 0.7;
    return std::min(score, 1.0);
}

tl::expected<TablePreview, Error> JsonLinesImporter::preview(const std::string& path,
                                                             const ImportOptions& options,
                                                             std::size_t maxRows) const
{
    JsonLineFlattener json;
    const Progress none;
    ProgressThrottle throttle(none, 0);
    auto keys = collectKeys(path, json, throttle);
    if (!keys)
        return tl::unexpected(keys.error());
    TablePreview preview;
    preview.columns = keys->columns;
    auto detection = detectColumns(preview.columns, options, path);
    if (!detection)
        return tl::unexpected(detection.error());
    preview.detection = std::move(*detection);
    std::vector<TableCell> cells;
    auto done = forEachLine(path, [&](std::string_view line, std::size_t n, std::uint64_t)
                                      -> tl::expected<bool, Error> {
        if (preview.rows.size() >= maxRows)
            return false;
        if (!json.parse(line))
            return tl::unexpected(errorAt(path, n, json.errorColumn(), json.errorMessage()));
        fillCells(json, *keys, n, cells);
        std::vector<std::string> row;
        for (const TableCell& c : cells)
            row.emplace_back(c.text);
        preview.rows.push_back(std::move(row));
        return true;
    });
    if (!done)
        return tl::unexpected(done.error());
    return preview;
}

tl::expected<Sweep, Error> JsonLinesImporter::read(const std::string& path,
                                                   const ImportOptions& options,
                                                   const Progress& progress) const
{
    JsonLineFlattener json;
    auto probe = FileBuffer::open(path, 64);
    if (!probe)
        return tl::unexpected(probe.error());
    const std::uint64_t size = probe->size();
    ProgressThrottle throttle(progress, size);
    auto keys = collectKeys(path, json, throttle);
    if (!keys)
        return tl::unexpected(keys.error());
    auto builder = TableBuilder::create(path, keys->columns, options, "jsonl");
    if (!builder)
        return tl::unexpected(builder.error());
    std::vector<TableCell> cells;
    auto done = forEachLine(path, [&](std::string_view line, std::size_t n, std::uint64_t offset)
                                      -> tl::expected<bool, Error> {
        if (!json.parse(line))
            return tl::unexpected(errorAt(path, n, json.errorColumn(), json.errorMessage()));
        fillCells(json, *keys, n, cells);
        if (Error error; !builder->addRow(cells, n, error))
            return tl::unexpected(std::move(error));
        if (!throttle.check(size / 2 + offset / 2))
            return tl::unexpected(ProgressThrottle::cancelled(path));
        return true;
    });
    if (!done)
        return tl::unexpected(done.error());
    auto sweep = builder->finish();
    if (sweep && !throttle.finish())
        return tl::unexpected(ProgressThrottle::cancelled(path));
    return sweep;
}

} // namespace core

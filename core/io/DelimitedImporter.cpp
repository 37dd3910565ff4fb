// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/DelimitedImporter.h"

#include "core/io/ColumnDetector.h"
#include "core/io/DelimitedRecordReader.h"
#include "core/io/DelimitedRows.h"
#include "core/io/ParallelDelimitedRead.h"
#include "core/io/PathUtil.h"
#include "core/io/ProgressThrottle.h"
#include "core/io/TableBuilder.h"

#include <algorithm>

namespace core {

namespace {

constexpr char kEmptyFile[] = "empty file: no header row; columns found: (none)";

std::vector<std::string> toStrings(const std::vector<TableCell>& cells)
{
    std::vector<std::string> out;
    out.reserve(cells.size());
    for (const TableCell& c : cells)
        out.emplace_back(c.text);
    return out;
}

} // namespace

std::vector<std::string_view> DelimitedImporter::extensions() const
{
    return {"csv", "tsv", "txt"};
}

double DelimitedImporter::sniff(std::string_view path, std::string_view head) const
{
    const std::string ext = lowerExtension(path);
    double score = 0;
    if (ext == "csv" || ext == "tsv")
        score = 0.6;
    else if (ext == "txt")
        score = 0.4;
    if (head.empty() || head.find('\0') != std::string_view::npos)
        return score; // empty or binary: only the extension speaks for it
    const std::string_view firstLine = head.substr(0, head.find('\n'));
    const std::size_t start = firstLine.find_first_not_of(" \t\xEF\xBB\xBF");
    if (start != std::string_view::npos && (firstLine[start] == '{' || firstLine[start] == '['))
        return std::min(score, 0.2); // looks like JSON
    if (firstLine.find_first_of(",\t;") != std::string_view::npos)
        score += 0.3;
    return std::min(score, 1.0);
}

tl::expected<TablePreview, Error> DelimitedImporter::preview(const std::string& path,
                                                             const ImportOptions& options,
                                                             std::size_t maxRows) const
{
    auto reader = DelimitedRecordReader::open(path, options.delimiter);
    if (!reader)
        return tl::unexpected(reader.error());
    std::vector<TableCell> cells;
    if (auto header = readDelimitedHeader(*reader, path, cells, kEmptyFile); !header)
        return tl::unexpected(header.error());
    TablePreview preview;
    preview.columns = toStrings(cells);
    auto detection = detectColumns(preview.columns, options, path);
    if (!detection)
        return tl::unexpected(detection.error());
    preview.detection = std::move(*detection);
    while (preview.rows.size() < maxRows) {
        auto got = reader->next(cells);
        if (!got)
            return tl::unexpected(got.error());
        if (!*got)
            break;
        preview.rows.push_back(toStrings(cells));
    }
    return preview;
}

tl::expected<Sweep, Error> DelimitedImporter::read(const std::string& path,
                                                   const ImportOptions& options,
                                                   const Progress& progress) const
{
    auto reader = DelimitedRecordReader::open(path, options.delimiter);
    if (!reader)
        return tl::unexpected(reader.error());
    std::vector<TableCell> cells;
    cells.reserve(64);
    if (auto header = readDelimitedHeader(*reader, path, cells, kEmptyFile); !header)
        return tl::unexpected(header.error());
    const std::size_t fieldCount = cells.size();
    auto builder = TableBuilder::create(path, toStrings(cells), options,
                                        reader->delimiter() == '\t' ? "tsv" : "csv");
    if (!builder)
        return tl::unexpected(builder.error());
    ProgressThrottle throttle(progress, reader->fileSize());
    if (auto parallel = ParallelDelimitedRead::read(path, *reader, *builder, fieldCount,
                                                    m_parallelism, throttle)) {
        if (*parallel && !throttle.finish())
            return tl::unexpected(ProgressThrottle::cancelled(path));
        return std::move(*parallel);
    }
    DelimitedRowsEnd end = readDelimitedRows(
        *reader, *builder, fieldCount, path, false,
        [&throttle](std::uint64_t consumed) { return throttle.check(consumed); });
    if (end.kind == DelimitedRowsEnd::Failed)
        return tl::unexpected(std::move(end.error));
    if (end.kind != DelimitedRowsEnd::Done)
        return tl::unexpected(ProgressThrottle::cancelled(path));
    auto sweep = builder->finish();
    if (sweep && !throttle.finish())
        return tl::unexpected(ProgressThrottle::cancelled(path));
    return sweep;
}

} // namespace core

// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/DelimitedRecordReader.h"

#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace core {

namespace {

/// The most frequent of ',', '\t', ';' outside quotes on the first line; ',' on a tie or none.
char sniffDelimiter(const char* p, const char* end)
{
    std::size_t comma = 0, tab = 0, semicolon = 0;
    bool quoted = false;
    for (; p < end && (quoted || *p != '\n'); ++p) {
        switch (*p) {
        case '"': quoted = !quoted; break;
        case ',': comma += quoted ? 0 : 1; break;
        case '\t': tab += quoted ? 0 : 1; break;
        case ';': semicolon += quoted ? 0 : 1; break;
        default: break;
        }
    }
    if (tab > comma && tab >= semicolon)
        return '\t';
    if (semicolon > comma && semicolon > tab)
        return ';';
    return ',';
}

/// First byte in [p, end) that is `delimiter` or '"' (or end), eight bytes at a time.
const char* skipPlain(const char* p, const char* end, char delimiter)
{
    if constexpr (std::endian::native == std::endian::little) {
        constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
        constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
        const std::uint64_t delimiters = kOnes * static_cast<unsigned char>(delimiter);
        constexpr std::uint64_t quotes = kOnes * static_cast<unsigned char>('"');
        const auto zeroBytes = [](std::uint64_t x) { return (x - kOnes) & ~x & kHigh; };
        while (end - p >= 8) {
            std::uint64_t word = 0;
            std::memcpy(&word, p, 8);
            const std::uint64_t hits = zeroBytes(word ^ delimiters) | zeroBytes(word ^ quotes);
            if (hits != 0) // the lowest flagged byte is always a true match
                return p + std::countr_zero(hits) / 8;
            p += 8;
        }
    }
    while (p < end && *p != delimiter && *p != '"')
        ++p;
    return p;
}

std::size_t columnOf(const char* p, const char* lineStart)
{
    return static_cast<std::size_t>(p - lineStart) + 1;
}

} // namespace

tl::expected<DelimitedRecordReader, Error> DelimitedRecordReader::open(const std::string& path,
                                                                       char delimiter)
{
    auto file = FileBuffer::open(path);
    if (!file)
        return tl::unexpected(file.error());
    DelimitedRecordReader reader(std::move(*file));
    reader.path_ = path;
    reader.pos_ = reader.file_.begin();
    if (reader.file_.end() - reader.pos_ >= 3 && std::memcmp(reader.pos_, "\xEF\xBB\xBF", 3) == 0)
        reader.pos_ += 3; // UTF-8 byte-order mark
    reader.delimiter_ = delimiter != 0 ? delimiter
                                       : sniffDelimiter(reader.pos_, reader.file_.end());
    reader.findNul();
    return reader;
}

void DelimitedRecordReader::findNul()
{
    nul_ = static_cast<const char*>(
        std::memchr(pos_, '\0', static_cast<std::size_t>(file_.end() - pos_)));
}

tl::expected<void, Error> DelimitedRecordReader::refill()
{
    auto r = file_.refill(pos_);
    pos_ = file_.begin();
    findNul();
    return r;
}

Error DelimitedRecordReader::errorAt(std::size_t line, std::size_t column,
                                     std::string message) const
{
    Error error;
    error.file = path_;
    error.line = line;
    error.column = column;
    error.message = std::move(message);
    return error;
}

Error DelimitedRecordReader::nulError(const char* lineStart, std::size_t line) const
{
    for (const char* p = lineStart; p < nul_; ++p)
        if (*p == '\n') {
            ++line;
            lineStart = p + 1;
        }
    return errorAt(line, columnOf(nul_, lineStart),
                   "binary data (a NUL byte) where text was expected; is this a text table?");
}

tl::expected<bool, Error> DelimitedRecordReader::next(std::vector<TableCell>& cells)
{
    for (;;) {
        const char* const end = file_.end();
        if (pos_ == end) {
            if (file_.eof())
                return false;
            if (auto r = refill(); !r)
                return tl::unexpected(r.error());
            continue;
        }
        const auto* nl = static_cast<const char*>(
            std::memchr(pos_, '\n', static_cast<std::size_t>(end - pos_)));
        if (nl == nullptr && !file_.eof()) {
            if (auto r = refill(); !r)
                return tl::unexpected(r.error());
            continue;
        }
        const char* const lineEnd = nl != nullptr ? nl : end;
        const char* contentEnd = lineEnd;
        if (contentEnd > pos_ && contentEnd[-1] == '\r')
            --contentEnd;
        if (nul_ != nullptr && nul_ < lineEnd)
            return tl::unexpected(nulError(pos_, line_));
        if (contentEnd == pos_) { // blank line
            pos_ = nl != nullptr ? nl + 1 : end;
            ++line_;
            continue;
        }
        // Fast path: a line without quotes is one record; split it at the delimiters.
        cells.clear();
        const char* const lineStart = pos_;
        const char* fieldStart = pos_;
        const char delimiter = delimiter_;
        bool quoted = false;
        for (const char* p = pos_; p < contentEnd; ++p) {
            p = skipPlain(p, contentEnd, delimiter);
            if (p == contentEnd)
                break;
            if (*p == delimiter) {
                cells.push_back({std::string_view(fieldStart, static_cast<std::size_t>(p - fieldStart)),
                                 line_, columnOf(fieldStart, lineStart)});
                fieldStart = p + 1;
            } else if (*p == '"') {
                quoted = true;
                break;
            }
        }
        if (!quoted) {
            cells.push_back(
                {std::string_view(fieldStart, static_cast<std::size_t>(contentEnd - fieldStart)),
                 line_, columnOf(fieldStart, lineStart)});
            recordLine_ = recordEndLine_ = line_;
            recordEndColumn_ = columnOf(contentEnd, lineStart);
            pos_ = nl != nullptr ? nl + 1 : end;
            ++line_;
            return true;
        }
        Error error;
        switch (parseQuoted(cells, error)) {
        case Outcome::Record: return true;
        case Outcome::Failed: return tl::unexpected(std::move(error));
        case Outcome::NeedMore:
            if (auto r = refill(); !r)
                return tl::unexpected(r.error());
            break;
        }
    }
}

DelimitedRecordReader::Outcome DelimitedRecordReader::parseQuoted(std::vector<TableCell>& cells,
                                                                  Error& error)
{
    const char* const end = file_.end();
    cells.clear();
    scratch_.clear();
    // Unescaped text is never longer than the raw bytes, so views into scratch_ stay valid.
    scratch_.reserve(static_cast<std::size_t>(end - pos_));
    const bool eof = file_.eof();
    const char* p = pos_;
    const char* lineStart = pos_;
    std::size_t line = line_;
    for (;;) {
        const std::size_t fieldLine = line;
        const std::size_t fieldColumn = columnOf(p, lineStart);
        if (p < end && *p == '"') {
            const std::size_t from = scratch_.size();
            ++p;
            for (;;) {
                const auto* q = static_cast<const char*>(
                    std::memchr(p, '"', static_cast<std::size_t>(end - p)));
                if (q == nullptr) {
                    if (!eof)
                        return Outcome::NeedMore;
                    error = errorAt(fieldLine, fieldColumn,
                                    "unterminated quoted field: the quote opened here is never closed");
                    return Outcome::Failed;
                }
                for (const char* s = p; s < q; ++s)
                    if (*s == '\n') {
                        ++line;
                        lineStart = s + 1;
                    }
                scratch_.append(p, q);
                if (q + 1 == end && !eof)
                    return Outcome::NeedMore; // cannot tell "" from " yet
                if (q + 1 < end && q[1] == '"') {
                    scratch_ += '"';
                    p = q + 2;
                    continue;
                }
                p = q + 1;
                break;
            }
            // Anything between the closing quote and the delimiter is kept as written.
            const char* stop = p;
            while (stop < end && *stop != delimiter_ && *stop != '\n')
                ++stop;
            if (stop == end && !eof)
                return Outcome::NeedMore;
            const char* tailEnd = stop;
            if (tailEnd > p && tailEnd[-1] == '\r' && (stop == end || *stop == '\n'))
                --tailEnd;
            scratch_.append(p, tailEnd);
            p = stop;
            cells.push_back({std::string_view(scratch_.data() + from, scratch_.size() - from),
                             fieldLine, fieldColumn});
        } else {
            const char* q = p;
            while (q < end && *q != delimiter_ && *q != '\n')
                ++q;
            if (q == end && !eof)
                return Outcome::NeedMore;
            const char* textEnd = q;
            if (textEnd > p && textEnd[-1] == '\r' && (q == end || *q == '\n'))
                --textEnd;
            cells.push_back({std::string_view(p, static_cast<std::size_t>(textEnd - p)),
                             fieldLine, fieldColumn});
            p = q;
        }
        if (p < end && *p == delimiter_) {
            ++p;
            continue;
        }
        break; // end of the record: a newline or the end of the file
    }
    if (nul_ != nullptr && nul_ < p) {
        error = nulError(pos_, line_);
        return Outcome::Failed;
    }
    const char* contentEnd = p;
    if (contentEnd > lineStart && contentEnd[-1] == '\r')
        --contentEnd;
    recordLine_ = line_;
    recordEndLine_ = line;
    recordEndColumn_ = columnOf(contentEnd, lineStart);
    pos_ = p < end ? p + 1 : p;
    line_ = line + 1;
    return Outcome::Record;
}

} // namespace core

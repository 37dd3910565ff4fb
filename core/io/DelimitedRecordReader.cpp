// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/DelimitedRecordReader.h"

#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

tl::expected<DelimitedRecordReader, Error>
DelimitedRecordReader::openRange(const std::string& path, char delimiter, std::uint64_t from,
                                 std::uint64_t to)
{
    auto file = FileBuffer::openRange(path, from, to);
    if (!file)
        return tl::unexpected(file.error());
    DelimitedRecordReader reader(std::move(*file));
    reader.path_ = path;
    reader.pos_ = reader.file_.begin();
    reader.delimiter_ = delimiter;
    reader.findNul();
    return reader;
}

bool DelimitedRecordReader::quoteAhead() const
{
    return std::memchr(pos_, '"', static_cast<std::size_t>(file_.end() - pos_)) != nullptr;
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
    return Error::at(path_, line, column, std::move(message));
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
        // Fast path: one scan for the delimiter, '"' and '\n' splits a line without quotes.
        cells.clear();
        const char* const lineStart = pos_;
        const Hit hit = splitPlain(lineStart, end, cells);
        if (hit.kind == Hit::Quote) {
            switch (nextQuoted(cells)) {
            case Outcome::Record: return true;
            case Outcome::Failed: return tl::unexpected(std::move(quotedError_));
            case Outcome::NeedMore:
                if (auto r = refill(); !r)
                    return tl::unexpected(r.error());
                continue;
            }
        }
        if (hit.kind == Hit::End && !file_.eof()) { // the line goes on past the window
            if (auto r = refill(); !r)
                return tl::unexpected(r.error());
            continue;
        }
        const char* const lineEnd = hit.at;
        if (nul_ != nullptr && nul_ < lineEnd)
            return tl::unexpected(nulError(lineStart, line_));
        const char* contentEnd = lineEnd;
        if (contentEnd > lineStart && contentEnd[-1] == '\r')
            --contentEnd;
        pos_ = hit.kind == Hit::Newline ? lineEnd + 1 : end;
        if (contentEnd == lineStart) { // blank line
            ++line_;
            continue;
        }
        const char* const fieldStart = cells.empty() ? lineStart : cells.back().text.data()
                                                                        + cells.back().text.size() + 1;
        cells.push_back({std::string_view(fieldStart, static_cast<std::size_t>(contentEnd - fieldStart)),
                         line_, columnOf(fieldStart, lineStart)});
        recordLine_ = recordEndLine_ = line_;
        recordEndColumn_ = columnOf(contentEnd, lineStart);
        ++line_;
        return true;
    }
}

DelimitedRecordReader::Hit DelimitedRecordReader::splitPlain(const char* lineStart, const char* end,
                                                            std::vector<TableCell>& cells) const
{
    const char delimiter = delimiter_;
    const std::size_t line = line_;
    const char* fieldStart = lineStart;
    const char* p = lineStart;
    // Returns true when `q` ends the line (a newline or a quote); else records a field.
    const auto visit = [&](const char* q, Hit& hit) {
        if (*q == delimiter) {
            cells.push_back({std::string_view(fieldStart, static_cast<std::size_t>(q - fieldStart)),
                             line, columnOf(fieldStart, lineStart)});
            fieldStart = q + 1;
            return false;
        }
        hit = {*q == '\n' ? Hit::Newline : Hit::Quote, q};
        return true;
    };
    Hit hit{Hit::End, end};
#if defined(__SSE2__)
    const __m128i delimiters = _mm_set1_epi8(delimiter);
    const __m128i quotes = _mm_set1_epi8('"');
    const __m128i newlines = _mm_set1_epi8('\n');
    for (; end - p >= 16; p += 16) {
        const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        auto mask = static_cast<unsigned>(_mm_movemask_epi8(
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(block, delimiters), _mm_cmpeq_epi8(block, quotes)),
                         _mm_cmpeq_epi8(block, newlines))));
        for (; mask != 0; mask &= mask - 1)
            if (visit(p + std::countr_zero(mask), hit))
                return hit;
    }
#endif
    for (; p < end; ++p)
        if ((*p == delimiter || *p == '"' || *p == '\n') && visit(p, hit))
            return hit;
    return hit;
}

DelimitedRecordReader::Outcome DelimitedRecordReader::nextQuoted(std::vector<TableCell>& cells)
{
    const char* const end = file_.end();
    const auto* nl = static_cast<const char*>(
        std::memchr(pos_, '\n', static_cast<std::size_t>(end - pos_)));
    if (nl == nullptr && !file_.eof())
        return Outcome::NeedMore;
    const char* const lineEnd = nl != nullptr ? nl : end;
    if (nul_ != nullptr && nul_ < lineEnd) {
        quotedError_ = nulError(pos_, line_);
        return Outcome::Failed;
    }
    sawQuote_ = true;
    return parseQuoted(cells, quotedError_);
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

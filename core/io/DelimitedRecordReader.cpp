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
    reader.m_path = path;
    reader.m_pos = reader.m_file.begin();
    if (reader.m_file.end() - reader.m_pos >= 3 && std::memcmp(reader.m_pos, "\xEF\xBB\xBF", 3) == 0)
        reader.m_pos += 3; // UTF-8 byte-order mark
    reader.m_delimiter = delimiter != 0 ? delimiter
                                       : sniffDelimiter(reader.m_pos, reader.m_file.end());
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
    reader.m_path = path;
    reader.m_pos = reader.m_file.begin();
    reader.m_delimiter = delimiter;
    reader.findNul();
    return reader;
}

bool DelimitedRecordReader::quoteAhead() const
{
    return std::memchr(m_pos, '"', static_cast<std::size_t>(m_file.end() - m_pos)) != nullptr;
}

void DelimitedRecordReader::findNul()
{
    m_nul = static_cast<const char*>(
        std::memchr(m_pos, '\0', static_cast<std::size_t>(m_file.end() - m_pos)));
}

tl::expected<void, Error> DelimitedRecordReader::refill()
{
    auto r = m_file.refill(m_pos);
    m_pos = m_file.begin();
    findNul();
    return r;
}

Error DelimitedRecordReader::errorAt(std::size_t line, std::size_t column,
                                     std::string message) const
{
    return Error::at(m_path, line, column, std::move(message));
}

Error DelimitedRecordReader::nulError(const char* lineStart, std::size_t line) const
{
    for (const char* p = lineStart; p < m_nul; ++p)
        if (*p == '\n') {
            ++line;
            lineStart = p + 1;
        }
    return errorAt(line, columnOf(m_nul, lineStart),
                   "binary data (a NUL byte) where text was expected; is this a text table?");
}

tl::expected<bool, Error> DelimitedRecordReader::next(std::vector<TableCell>& cells)
{
    for (;;) {
        const char* const end = m_file.end();
        if (m_pos == end) {
            if (m_file.eof())
                return false;
            if (auto r = refill(); !r)
                return tl::unexpected(r.error());
            continue;
        }
        // Fast path: one scan for the delimiter, '"' and '\n' splits a line without quotes.
        cells.clear();
        const char* const lineStart = m_pos;
        const Hit hit = splitPlain(lineStart, end, cells);
        if (hit.kind == Hit::Quote) {
            switch (nextQuoted(cells)) {
            case Outcome::Record: return true;
            case Outcome::Failed: return tl::unexpected(std::move(m_quotedError));
            case Outcome::NeedMore:
                if (auto r = refill(); !r)
                    return tl::unexpected(r.error());
                continue;
            }
        }
        if (hit.kind == Hit::End && !m_file.eof()) { // the line goes on past the window
            if (auto r = refill(); !r)
                return tl::unexpected(r.error());
            continue;
        }
        const char* const lineEnd = hit.at;
        if (m_nul != nullptr && m_nul < lineEnd)
            return tl::unexpected(nulError(lineStart, m_line));
        const char* contentEnd = lineEnd;
        if (contentEnd > lineStart && contentEnd[-1] == '\r')
            --contentEnd;
        m_pos = hit.kind == Hit::Newline ? lineEnd + 1 : end;
        if (contentEnd == lineStart) { // blank line
            ++m_line;
            continue;
        }
        const char* const fieldStart = cells.empty() ? lineStart : cells.back().text.data()
                                                                        + cells.back().text.size() + 1;
        cells.push_back({std::string_view(fieldStart, static_cast<std::size_t>(contentEnd - fieldStart)),
                         m_line, columnOf(fieldStart, lineStart)});
        m_recordLine = m_recordEndLine = m_line;
        m_recordEndColumn = columnOf(contentEnd, lineStart);
        ++m_line;
        return true;
    }
}

DelimitedRecordReader::Hit DelimitedRecordReader::splitPlain(const char* lineStart, const char* end,
                                                            std::vector<TableCell>& cells) const
{
    const char delimiter = m_delimiter;
    const std::size_t line = m_line;
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
    const char* const end = m_file.end();
    const auto* nl = static_cast<const char*>(
        std::memchr(m_pos, '\n', static_cast<std::size_t>(end - m_pos)));
    if (nl == nullptr && !m_file.eof())
        return Outcome::NeedMore;
    const char* const lineEnd = nl != nullptr ? nl : end;
    if (m_nul != nullptr && m_nul < lineEnd) {
        m_quotedError = nulError(m_pos, m_line);
        return Outcome::Failed;
    }
    m_sawQuote = true;
    return parseQuoted(cells, m_quotedError);
}

DelimitedRecordReader::Outcome DelimitedRecordReader::parseQuoted(std::vector<TableCell>& cells,
                                                                  Error& error)
{
    const char* const end = m_file.end();
    cells.clear();
    m_scratch.clear();
    // Unescaped text is never longer than the raw bytes, so views into m_scratch stay valid.
    m_scratch.reserve(static_cast<std::size_t>(end - m_pos));
    const bool eof = m_file.eof();
    const char* p = m_pos;
    const char* lineStart = m_pos;
    std::size_t line = m_line;
    for (;;) {
        const std::size_t fieldLine = line;
        const std::size_t fieldColumn = columnOf(p, lineStart);
        if (p < end && *p == '"') {
            const std::size_t from = m_scratch.size();
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
                m_scratch.append(p, q);
                if (q + 1 == end && !eof)
                    return Outcome::NeedMore; // cannot tell "" from " yet
                if (q + 1 < end && q[1] == '"') {
                    m_scratch += '"';
                    p = q + 2;
                    continue;
                }
                p = q + 1;
                break;
            }
            // Anything between the closing quote and the delimiter is kept as written.
            const char* stop = p;
            while (stop < end && *stop != m_delimiter && *stop != '\n')
                ++stop;
            if (stop == end && !eof)
                return Outcome::NeedMore;
            const char* tailEnd = stop;
            if (tailEnd > p && tailEnd[-1] == '\r' && (stop == end || *stop == '\n'))
                --tailEnd;
            m_scratch.append(p, tailEnd);
            p = stop;
            cells.push_back({std::string_view(m_scratch.data() + from, m_scratch.size() - from),
                             fieldLine, fieldColumn});
        } else {
            const char* q = p;
            while (q < end && *q != m_delimiter && *q != '\n')
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
        if (p < end && *p == m_delimiter) {
            ++p;
            continue;
        }
        break; // end of the record: a newline or the end of the file
    }
    if (m_nul != nullptr && m_nul < p) {
        error = nulError(m_pos, m_line);
        return Outcome::Failed;
    }
    const char* contentEnd = p;
    if (contentEnd > lineStart && contentEnd[-1] == '\r')
        --contentEnd;
    m_recordLine = m_line;
    m_recordEndLine = line;
    m_recordEndColumn = columnOf(contentEnd, lineStart);
    m_pos = p < end ? p + 1 : p;
    m_line = line + 1;
    return Outcome::Record;
}

} // namespace core

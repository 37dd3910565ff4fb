// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/FileBuffer.h"
#include "core/io/TableCell.h"
#include "core/util/Error.h"

#include <tl/expected.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace core {

/// Splits a delimited text file (CSV/TSV/semicolon) into records, RFC 4180 style: fields may be
/// quoted with '"', a quoted field may hold the delimiter, newlines and doubled quotes ("").
/// Handles CRLF, a UTF-8 byte-order mark, a last line without newline; skips blank lines.
/// Streams through a FileBuffer; the cells handed out are views valid until the next call.
/// Errors: unterminated quote (at the quote's line:column), a NUL byte (binary data, at its
/// line:column), read failures. Not thread-safe.
class DelimitedRecordReader {
public:
    /// Opens `path`; `delimiter` 0 = sniff ',', '\t' or ';' from the first line (most frequent
    /// outside quotes wins, ',' on a tie or when none occurs).
    [[nodiscard]] static tl::expected<DelimitedRecordReader, Error> open(const std::string& path,
                                                                        char delimiter);

    /// A reader of the bytes [from, to) only, which must start and end at line starts; lines
    /// are counted from 1 at `from`, no byte-order mark is skipped, `delimiter` must be set.
    [[nodiscard]] static tl::expected<DelimitedRecordReader, Error>
    openRange(const std::string& path, char delimiter, std::uint64_t from, std::uint64_t to);

    [[nodiscard]] char delimiter() const { return m_delimiter; }
    /// Line of the next byte to read (1 + the newlines consumed so far, counting from 1).
    [[nodiscard]] std::size_t line() const { return m_line; }
    /// True once a record with a '"' has been met (the quoted path was taken).
    [[nodiscard]] bool sawQuote() const { return m_sawQuote; }
    /// True when the bytes in the current window hold a '"' at or after the read position.
    [[nodiscard]] bool quoteAhead() const;
    /// Reads the next record into `cells`; false at the end of the file.
    [[nodiscard]] tl::expected<bool, Error> next(std::vector<TableCell>& cells);
    /// 1-based line where the last record started.
    [[nodiscard]] std::size_t recordLine() const { return m_recordLine; }
    /// Line and 1-based byte column just past the last record's content (where a missing field
    /// would start).
    [[nodiscard]] std::size_t recordEndLine() const { return m_recordEndLine; }
    [[nodiscard]] std::size_t recordEndColumn() const { return m_recordEndColumn; }
    /// Bytes consumed so far, and the file size (for progress).
    [[nodiscard]] std::uint64_t bytesConsumed() const { return m_file.offsetOf(m_pos); }
    [[nodiscard]] std::uint64_t fileSize() const { return m_file.size(); }

private:
    enum class Outcome { Record, NeedMore, Failed };
    /// What ended a scan of the window for a line: a newline, a quote, or the window's end.
    struct Hit {
        enum Kind { Newline, Quote, End } kind;
        const char* at;
    };
    /// Splits [lineStart, end) at the delimiters up to the first newline or quote, appending
    /// every field that a delimiter closes to `cells` (the last field is left to the caller).
    [[nodiscard]] Hit splitPlain(const char* lineStart, const char* end,
                                 std::vector<TableCell>& cells) const;
    /// The record at m_pos holds a quote: the RFC 4180 path (NUL check first, as for any line).
    [[nodiscard]] Outcome nextQuoted(std::vector<TableCell>& cells);
    explicit DelimitedRecordReader(FileBuffer file) : m_file(std::move(file)) {}
    [[nodiscard]] Outcome parseQuoted(std::vector<TableCell>& cells, Error& error);
    [[nodiscard]] tl::expected<void, Error> refill();
    [[nodiscard]] Error errorAt(std::size_t line, std::size_t column, std::string message) const;
    [[nodiscard]] Error nulError(const char* lineStart, std::size_t line) const;
    void findNul();

    std::string m_path;
    FileBuffer m_file;
    const char* m_pos = nullptr;
    const char* m_nul = nullptr; ///< first NUL byte at or after m_pos in the window, or nullptr
    std::string m_scratch;       ///< unescaped quoted fields of the current record
    Error m_quotedError;         ///< error of the quoted path, handed out by next()
    bool m_sawQuote = false;     ///< a record with a quote was parsed
    char m_delimiter = ',';
    std::size_t m_line = 1;      ///< line at m_pos
    std::size_t m_recordLine = 0;
    std::size_t m_recordEndLine = 0;
    std::size_t m_recordEndColumn = 0;
};

} // namespace core

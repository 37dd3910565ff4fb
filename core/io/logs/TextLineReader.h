// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/FileBuffer.h"
#include "core/util/Error.h"

#include <tl/expected.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace core {

/// How TextLineReader::open() reads a file.
struct TextLineOptions {
    /// The message of the error for a NUL byte (binary data).
    std::string nulMessage = "binary data (a NUL byte) where text was expected";
    /// Skip a UTF-8 byte-order mark at the start of the file.
    bool skipByteOrderMark = true;
};

/// Streams a text file line by line through a FileBuffer (never the whole file in memory).
/// Lines come without their '\n' and a trailing '\r'; a UTF-8 byte-order mark at the start is
/// skipped (unless the options say not to); a last line without newline is returned too
/// (lastHadNewline() says so). next() returns blank lines, nextNonBlank() skips them. The view
/// handed out is valid until the next call. Errors: read failures; a NUL byte (binary data), at
/// its line and column with the options' message. Move-only; not thread-safe.
class TextLineReader {
public:
    /// What forEachLine() calls for each non-blank line, with the reader (for lineNumber(),
    /// lineOffset(), ...): true to go on, false to stop, or an error that ends the reading.
    using Visitor =
        std::function<tl::expected<bool, Error>(std::string_view line, const TextLineReader& reader)>;

    /// Opens `path` and reads its first chunk. Error (naming the file) when it cannot be opened.
    [[nodiscard]] static tl::expected<TextLineReader, Error> open(const std::string& path,
                                                                  TextLineOptions options = {});
    /// Opens `path` and calls `visit` for each line holding more than spaces and tabs, on the
    /// calling thread, until the end of the file or `visit` stops. Errors: the file's (it cannot
    /// be opened or read, a NUL byte) and the visitor's, as they are.
    [[nodiscard]] static tl::expected<void, Error> forEachLine(const std::string& path,
                                                               TextLineOptions options, const Visitor& visit);

    /// The next line into `line`; false at the end of the file.
    [[nodiscard]] tl::expected<bool, Error> next(std::string_view& line);
    /// The next line holding more than spaces and tabs into `line`; false at the end of the file.
    [[nodiscard]] tl::expected<bool, Error> nextNonBlank(std::string_view& line);
    /// 1-based number of the line last returned (blank lines skipped by nextNonBlank count).
    [[nodiscard]] std::size_t lineNumber() const { return m_line; }
    /// Byte offset in the file of the first byte of the line last returned.
    [[nodiscard]] std::uint64_t lineOffset() const { return m_lineOffset; }
    /// False when the line last returned ended at the end of the file without a newline.
    [[nodiscard]] bool lastHadNewline() const { return m_hadNewline; }
    [[nodiscard]] std::uint64_t bytesConsumed() const { return m_file.offsetOf(m_pos); }
    [[nodiscard]] std::uint64_t fileSize() const { return m_file.size(); }

private:
    explicit TextLineReader(FileBuffer file) : m_file(std::move(file)) {}

    std::string m_path;
    std::string m_nulMessage;
    FileBuffer m_file;
    const char* m_pos = nullptr;
    std::size_t m_line = 0;
    std::uint64_t m_lineOffset = 0;
    bool m_hadNewline = true;
};

} // namespace core

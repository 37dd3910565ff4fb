// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/FileBuffer.h"
#include "core/util/Error.h"

#include <tl/expected.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace core {

/// Streams a text file line by line through a FileBuffer (never the whole file in memory).
/// Lines come without their '\n' and a trailing '\r'; a UTF-8 byte-order mark at the start is
/// skipped; a last line without newline is returned too (lastHadNewline() says so). Blank lines
/// are returned (callers skip them). The view handed out is valid until the next call.
/// Errors: read failures; a NUL byte (binary data), at its line and column. Move-only; not
/// thread-safe.
class TextLineReader {
public:
    [[nodiscard]] static tl::expected<TextLineReader, Error> open(const std::string& path);

    /// The next line into `line`; false at the end of the file.
    [[nodiscard]] tl::expected<bool, Error> next(std::string_view& line);
    /// 1-based number of the line last returned.
    [[nodiscard]] std::size_t lineNumber() const { return m_line; }
    /// False when the line last returned ended at the end of the file without a newline.
    [[nodiscard]] bool lastHadNewline() const { return m_hadNewline; }
    [[nodiscard]] std::uint64_t bytesConsumed() const { return m_file.offsetOf(m_pos); }
    [[nodiscard]] std::uint64_t fileSize() const { return m_file.size(); }

private:
    explicit TextLineReader(FileBuffer file) : m_file(std::move(file)) {}

    std::string m_path;
    FileBuffer m_file;
    const char* m_pos = nullptr;
    std::size_t m_line = 0;
    bool m_hadNewline = true;
};

} // namespace core

// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/logs/TextLineReader.h"

#include <cstring>

namespace core {

tl::expected<TextLineReader, Error> TextLineReader::open(const std::string& path)
{
    auto file = FileBuffer::open(path);
    if (!file)
        return tl::unexpected(file.error());
    TextLineReader reader(std::move(*file));
    reader.m_path = path;
    reader.m_pos = reader.m_file.begin();
    if (reader.m_file.end() - reader.m_pos >= 3 && std::memcmp(reader.m_pos, "\xEF\xBB\xBF", 3) == 0)
        reader.m_pos += 3;
    return reader;
}

tl::expected<bool, Error> TextLineReader::next(std::string_view& line)
{
    for (;;) {
        const char* end = m_file.end();
        const auto* nl =
            static_cast<const char*>(std::memchr(m_pos, '\n', static_cast<std::size_t>(end - m_pos)));
        if (nl == nullptr && !m_file.eof()) {
            if (auto r = m_file.refill(m_pos); !r)
                return tl::unexpected(r.error());
            m_pos = m_file.begin();
            continue;
        }
        if (m_pos == end)
            return false;
        const char* lineEnd = nl != nullptr ? nl : end;
        line = std::string_view(m_pos, static_cast<std::size_t>(lineEnd - m_pos));
        ++m_line;
        m_hadNewline = nl != nullptr;
        m_pos = nl != nullptr ? nl + 1 : end;
        if (const std::size_t nul = line.find('\0'); nul != std::string_view::npos)
            return tl::unexpected(
                Error::at(m_path, m_line, nul + 1, "binary data (a NUL byte) where text was expected"));
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        return true;
    }
}

} // namespace core

// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/logs/TextLineReader.h"

#include <cstring>
#include <utility>

namespace core {

tl::expected<TextLineReader, Error> TextLineReader::open(const std::string& path, TextLineOptions options)
{
    auto file = FileBuffer::open(path);
    if (!file)
        return tl::unexpected(file.error());
    TextLineReader reader(std::move(*file));
    reader.m_path = path;
    reader.m_nulMessage = std::move(options.nulMessage);
    reader.m_pos = reader.m_file.begin();
    if (options.skipByteOrderMark && reader.m_file.end() - reader.m_pos >= 3
        && std::memcmp(reader.m_pos, "\xEF\xBB\xBF", 3) == 0)
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
        m_lineOffset = m_file.offsetOf(m_pos);
        m_hadNewline = nl != nullptr;
        m_pos = nl != nullptr ? nl + 1 : end;
        if (const std::size_t nul = line.find('\0'); nul != std::string_view::npos)
            return tl::unexpected(Error::at(m_path, m_line, nul + 1, m_nulMessage));
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        return true;
    }
}

tl::expected<bool, Error> TextLineReader::nextNonBlank(std::string_view& line)
{
    for (;;) {
        auto got = next(line);
        if (!got || !*got || line.find_first_not_of(" \t") != std::string_view::npos)
            return got;
    }
}

tl::expected<void, Error> TextLineReader::forEachLine(const std::string& path, TextLineOptions options,
                                                      const Visitor& visit)
{
    auto reader = open(path, std::move(options));
    if (!reader)
        return tl::unexpected(reader.error());
    std::string_view line;
    for (;;) {
        auto got = reader->nextNonBlank(line);
        if (!got)
            return tl::unexpected(got.error());
        if (!*got)
            return {};
        auto go = visit(line, *reader);
        if (!go)
            return tl::unexpected(go.error());
        if (!*go)
            return {};
    }
}

} // namespace core

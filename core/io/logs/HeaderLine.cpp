// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/logs/HeaderLine.h"

namespace core {

std::vector<std::string> headerLineFields(std::string_view head)
{
    if (head.substr(0, 3) == "\xEF\xBB\xBF")
        head.remove_prefix(3);
    if (head.empty() || head.find('\0') != std::string_view::npos)
        return {};
    const std::size_t first = head.find_first_not_of(" \t");
    if (first != std::string_view::npos && (head[first] == '{' || head[first] == '['))
        return {};
    // The first line, quotes allowed to span newlines as in RFC 4180.
    std::size_t comma = 0, tab = 0, semicolon = 0, end = 0;
    for (bool quoted = false; end < head.size() && (quoted || head[end] != '\n'); ++end) {
        switch (head[end]) {
        case '"':
            quoted = !quoted;
            break;
        case ',':
            comma += quoted ? 0 : 1;
            break;
        case '\t':
            tab += quoted ? 0 : 1;
            break;
        case ';':
            semicolon += quoted ? 0 : 1;
            break;
        default:
            break;
        }
    }
    char delimiter = ',';
    if (tab > comma && tab >= semicolon)
        delimiter = '\t';
    else if (semicolon > comma && semicolon > tab)
        delimiter = ';';
    std::string_view line = head.substr(0, end);
    if (!line.empty() && line.back() == '\r')
        line.remove_suffix(1);
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c != '"')
                fields.back() += c;
            else if (i + 1 < line.size() && line[i + 1] == '"')
                fields.back() += line[++i];
            else
                quoted = false;
        } else if (c == '"') {
            quoted = true;
        } else if (c == delimiter) {
            fields.emplace_back();
        } else {
            fields.back() += c;
        }
    }
    return fields;
}

} // namespace core

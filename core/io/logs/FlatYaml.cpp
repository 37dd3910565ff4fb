// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/logs/FlatYaml.h"

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>

namespace core {

namespace {

constexpr std::size_t kMaxFileBytes = std::size_t{1} << 20;

struct Line {
    std::string_view text; ///< without the newline and a trailing CR
    std::size_t number;    ///< 1-based
};

std::vector<Line> splitLines(std::string_view text)
{
    std::vector<Line> lines;
    std::size_t number = 1;
    while (!text.empty()) {
        const std::size_t nl = text.find('\n');
        std::string_view line = text.substr(0, nl);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        lines.push_back({line, number++});
        if (nl == std::string_view::npos)
            break;
        text.remove_prefix(nl + 1);
    }
    return lines;
}

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && isBlank(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isBlank(s.back()))
        s.remove_suffix(1);
    return s;
}

bool isBlankLine(std::string_view s)
{
    return trim(s).empty();
}

void appendUtf8(std::string& out, std::uint32_t cp)
{
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

bool parseHex(std::string_view digits, std::uint32_t& out)
{
    out = 0;
    for (char c : digits) {
        unsigned d = 0;
        if (c >= '0' && c <= '9')
            d = static_cast<unsigned>(c - '0');
        else if (c >= 'a' && c <= 'f')
            d = static_cast<unsigned>(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            d = static_cast<unsigned>(c - 'A' + 10);
        else
            return false;
        out = out * 16 + d;
    }
    return true;
}

/// Decodes the escape at cur[pos] == '\\' (not at the line end) into `out`; returns the
/// position after it, or npos for an unknown or short escape.
std::size_t decodeEscape(std::string_view cur, std::size_t pos, std::string& out)
{
    const char c = cur[pos + 1];
    std::size_t hexDigits = 0;
    switch (c) {
    case '0': out += '\0'; return pos + 2;
    case 'a': out += '\a'; return pos + 2;
    case 'b': out += '\b'; return pos + 2;
    case 't':
    case '\t': out += '\t'; return pos + 2;
    case 'n': out += '\n'; return pos + 2;
    case 'v': out += '\v'; return pos + 2;
    case 'f': out += '\f'; return pos + 2;
    case 'r': out += '\r'; return pos + 2;
    case 'e': out += '\x1b'; return pos + 2;
    case ' ':
    case '"':
    case '/':
    case '\\': out += c; return pos + 2;
    case 'N': appendUtf8(out, 0x85); return pos + 2;
    case '_': appendUtf8(out, 0xA0); return pos + 2;
    case 'L': appendUtf8(out, 0x2028); return pos + 2;
    case 'P': appendUtf8(out, 0x2029); return pos + 2;
    case 'x': hexDigits = 2; break;
    case 'u': hexDigits = 4; break;
    case 'U': hexDigits = 8; break;
    default: return std::string_view::npos;
    }
    std::uint32_t cp = 0;
    if (pos + 2 + hexDigits > cur.size() || !parseHex(cur.substr(pos + 2, hexDigits), cp))
        return std::string_view::npos;
    std::size_t next = pos + 2 + hexDigits;
    // A UTF-16 surrogate pair written as two \u escapes.
    std::uint32_t low = 0;
    if (cp >= 0xD800 && cp < 0xDC00 && next + 6 <= cur.size() && cur[next] == '\\'
        && cur[next + 1] == 'u' && parseHex(cur.substr(next + 2, 4), low) && low >= 0xDC00
        && low < 0xE000) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        next += 6;
    }
    appendUtf8(out, cp);
    return next;
}

/// A quoted scalar that opens at lines[li].text[open]; may span lines. Sets `li` to the line
/// where it closes.
tl::expected<std::string, Error> readQuoted(const std::vector<Line>& lines, std::size_t& li,
                                            std::size_t open, const std::string& file)
{
    const char quote = lines[li].text[open];
    const std::size_t startLine = lines[li].number;
    std::string out;
    std::string_view cur = lines[li].text;
    std::size_t pos = open + 1;
    std::size_t lineStart = 0; // out.size() where the current line's text began
    bool escapedBreak = false;
    for (;;) {
        if (pos >= cur.size()) {
            // A line break inside the scalar: trailing blanks dropped, then folded.
            if (!escapedBreak)
                while (out.size() > lineStart && isBlank(out.back()))
                    out.pop_back();
            std::size_t emptyLines = 0;
            do {
                if (++li >= lines.size())
                    return tl::unexpected(Error::at(file, startLine, open + 1,
                                                    std::string("unterminated quoted value: no closing ")
                                                        + quote));
                if (isBlankLine(lines[li].text))
                    ++emptyLines;
                else
                    break;
            } while (true);
            if (emptyLines > 0)
                out.append(emptyLines, '\n');
            else if (!escapedBreak)
                out += ' ';
            escapedBreak = false;
            cur = lines[li].text;
            pos = 0;
            while (pos < cur.size() && isBlank(cur[pos]))
                ++pos;
            lineStart = out.size();
            continue;
        }
        const char c = cur[pos];
        if (c == '\0')
            return tl::unexpected(Error::at(file, lines[li].number, pos + 1, "binary data (a NUL byte)"));
        if (quote == '\'') {
            if (c == '\'') {
                if (pos + 1 < cur.size() && cur[pos + 1] == '\'') {
                    out += '\'';
                    pos += 2;
                    continue;
                }
                return out;
            }
            out += c;
            ++pos;
            continue;
        }
        if (c == '"')
            return out;
        if (c != '\\') {
            out += c;
            ++pos;
            continue;
        }
        if (pos + 1 >= cur.size()) { // backslash at the line end: the break is escaped
            escapedBreak = true;
            pos = cur.size();
            continue;
        }
        const std::size_t next = decodeEscape(cur, pos, out);
        if (next == std::string_view::npos)
            return tl::unexpected(Error::at(file, lines[li].number, pos + 1,
                                            "unknown escape sequence in a double-quoted value"));
        pos = next;
    }
}

/// A plain value: comment removed, YAML nulls and empty collections as "".
std::string plainValue(std::string_view rest)
{
    for (std::size_t i = 0; i < rest.size(); ++i)
        if (rest[i] == '#' && (i == 0 || isBlank(rest[i - 1]))) {
            rest = rest.substr(0, i);
            break;
        }
    rest = trim(rest);
    if (rest == "[]" || rest == "{}" || rest == "~" || rest == "null" || rest == "Null"
        || rest == "NULL")
        return {};
    return std::string(rest);
}

} // namespace

tl::expected<FlatYaml, Error> FlatYaml::parse(std::string_view text, const std::string& file)
{
    if (text.size() >= 3 && std::memcmp(text.data(), "\xEF\xBB\xBF", 3) == 0)
        text.remove_prefix(3);
    const std::vector<Line> lines = splitLines(text);
    FlatYaml yaml;
    for (std::size_t li = 0; li < lines.size(); ++li) {
        const std::string_view line = lines[li].text;
        if (const std::size_t nul = line.find('\0'); nul != std::string_view::npos)
            return tl::unexpected(Error::at(file, lines[li].number, nul + 1, "binary data (a NUL byte)"));
        if (isBlankLine(line) || line.front() == '#' || line == "---" || line.starts_with("--- ")
            || line == "...")
            continue;
        // Indented lines and sequence items here belong to a nested block: skipped.
        if (isBlank(line.front()) || line.front() == '-')
            continue;
        std::size_t colon = std::string_view::npos;
        for (std::size_t i = 0; i < line.size(); ++i)
            if (line[i] == ':' && (i + 1 == line.size() || isBlank(line[i + 1]))) {
                colon = i;
                break;
            }
        if (colon == std::string_view::npos || trim(line.substr(0, colon)).empty())
            return tl::unexpected(Error::at(file, lines[li].number, 1,
                                            "expected 'key: value' in a flat YAML mapping"));
        std::string key(trim(line.substr(0, colon)));
        std::size_t start = colon + 1;
        while (start < line.size() && isBlank(line[start]))
            ++start;
        std::string value;
        if (start < line.size() && (line[start] == '\'' || line[start] == '"')) {
            auto quoted = readQuoted(lines, li, start, file);
            if (!quoted)
                return tl::unexpected(quoted.error());
            value = std::move(*quoted);
        } else {
            value = plainValue(line.substr(start));
            // A plain value continues on indented lines (folded with a space).
            while (!value.empty() && li + 1 < lines.size() && !lines[li + 1].text.empty()
                   && isBlank(lines[li + 1].text.front()) && !isBlankLine(lines[li + 1].text)) {
                ++li;
                value += ' ';
                value += plainValue(lines[li].text);
            }
        }
        yaml.m_entries.emplace_back(std::move(key), std::move(value));
    }
    return yaml;
}

tl::expected<FlatYaml, Error> FlatYaml::read(const std::string& path)
{
    const std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!f)
        return tl::unexpected(Error::at(path, 0, 0, std::string("cannot open: ") + std::strerror(errno)));
    std::string text;
    char buffer[16384];
    for (;;) {
        const std::size_t n = std::fread(buffer, 1, sizeof buffer, f.get());
        text.append(buffer, n);
        if (text.size() > kMaxFileBytes)
            return tl::unexpected(Error::at(path, 0, 0, "too big for a meta.yaml (over 1 MiB)"));
        if (n < sizeof buffer) {
            if (std::ferror(f.get()))
                return tl::unexpected(Error::at(path, 0, 0, "read error"));
            break;
        }
    }
    return parse(text, path);
}

const std::string* FlatYaml::find(std::string_view key) const
{
    for (const auto& [k, v] : m_entries)
        if (k == key)
            return &v;
    return nullptr;
}

std::string FlatYaml::value(std::string_view key, std::string fallback) const
{
    const std::string* v = find(key);
    return v != nullptr ? *v : std::move(fallback);
}

} // namespace core

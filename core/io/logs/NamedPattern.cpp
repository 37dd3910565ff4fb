// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/logs/NamedPattern.h"

#include <algorithm>

namespace core {

tl::expected<NamedPattern, std::string> NamedPattern::compile(const std::string& pattern)
{
    NamedPattern out;
    std::string plain;
    plain.reserve(pattern.size());
    std::size_t group = 0;
    bool inClass = false;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c == '\\' && i + 1 < pattern.size()) { // an escaped character is never syntax
            plain += c;
            plain += pattern[++i];
            continue;
        }
        if (inClass) {
            inClass = c != ']';
            plain += c;
            continue;
        }
        if (c == '[') {
            inClass = true;
            plain += c;
            continue;
        }
        if (c != '(') {
            plain += c;
            continue;
        }
        // A group: (?: (?= (?! do not capture; (?<name> and (?P<name> do, and lose the name.
        std::size_t nameStart = std::string::npos;
        if (pattern.compare(i, 3, "(?<") == 0 && i + 3 < pattern.size() && pattern[i + 3] != '='
            && pattern[i + 3] != '!')
            nameStart = i + 3;
        else if (pattern.compare(i, 4, "(?P<") == 0)
            nameStart = i + 4;
        if (nameStart != std::string::npos) {
            const std::size_t close = pattern.find('>', nameStart);
            if (close == std::string::npos || close == nameStart)
                return tl::unexpected("unterminated or empty group name at character "
                                      + std::to_string(i + 1));
            std::string name = pattern.substr(nameStart, close - nameStart);
            if (std::find(out.m_names.begin(), out.m_names.end(), name) != out.m_names.end())
                return tl::unexpected("group name '" + name + "' is used twice");
            out.m_names.push_back(std::move(name));
            out.m_groups.push_back(++group);
            plain += '(';
            i = close;
            continue;
        }
        if (pattern.compare(i, 2, "(?") != 0)
            ++group;
        plain += c;
    }
    try {
        out.m_regex = std::regex(plain, std::regex::ECMAScript);
    } catch (const std::regex_error& e) {
        return tl::unexpected(std::string("not a valid regular expression: ") + e.what());
    }
    if (out.m_regex.mark_count() != group)
        return tl::unexpected(std::string("could not number the groups of this pattern"));
    return out;
}

std::optional<std::vector<std::pair<std::string, std::string>>>
NamedPattern::search(const std::string& text) const
{
    std::smatch match;
    if (!std::regex_search(text, match, m_regex))
        return std::nullopt;
    std::vector<std::pair<std::string, std::string>> out;
    for (std::size_t k = 0; k < m_names.size(); ++k)
        if (match[static_cast<int>(m_groups[k])].matched)
            out.emplace_back(m_names[k], match[static_cast<int>(m_groups[k])].str());
    return out;
}

} // namespace core

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tl/expected.hpp>

#include <cstddef>
#include <map>
#include <optional>
#include <regex>
#include <string>
#include <utility>
#include <vector>

namespace core {

/// A regular expression with named groups, (?<name>...) or Python's (?P<name>...), on top of
/// std::regex (ECMAScript), which has none: the names are stripped and mapped to their group
/// numbers. Used to read N, D, seed and the like out of run and file names ("(?<N>\d+[mb])-seed(?<seed>\d+)").
/// Immutable once made, so one instance may be searched from several threads.
class NamedPattern {
public:
    /// Compiles `pattern`. Error (in words, with the 1-based character position where it applies)
    /// for an unterminated group name, a duplicate name, or what std::regex rejects.
    [[nodiscard]] static tl::expected<NamedPattern, std::string> compile(const std::string& pattern);

    /// The named groups' text of the first match in `text` (groups that did not take part are
    /// left out), in the order the names appear in the pattern; nullopt when nothing matches.
    [[nodiscard]] std::optional<std::vector<std::pair<std::string, std::string>>>
    search(const std::string& text) const;

    [[nodiscard]] const std::vector<std::string>& names() const { return m_names; }

private:
    std::regex m_regex;
    std::vector<std::string> m_names;
    std::vector<std::size_t> m_groups; ///< group number of each name
};

} // namespace core

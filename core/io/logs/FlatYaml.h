// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/Error.h"

#include <tl/expected.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace core {

/// A reader of the flat YAML mappings MLflow writes as meta.yaml (PyYAML's block dump of a dict of
/// scalars), not a YAML parser. Reads `key: value` lines that start in column 1; values plain,
/// 'single-quoted' ('' is a quote) or "double-quoted" (backslash escapes, \uXXXX as UTF-8), a
/// value continued on indented lines (folded with one space, an empty line kept as a newline);
/// `[]` and `{}` and YAML nulls (null, ~) read as the empty string; a nested block under a key
/// with no value is skipped; comments and document markers are skipped. Other flow collections
/// are kept as their text. A value type; parse() is pure and thread-safe.
class FlatYaml {
public:
    /// Parses `text`. Errors (naming `file`, line and column): a top-level line without
    /// "key:", an unterminated quoted value, a NUL byte.
    [[nodiscard]] static tl::expected<FlatYaml, Error> parse(std::string_view text,
                                                             const std::string& file);
    /// Reads and parses the file at `path` (at most 1 MiB). Errors: unreadable or too big, plus
    /// those of parse().
    [[nodiscard]] static tl::expected<FlatYaml, Error> read(const std::string& path);

    /// The value of `key`, or nullptr when the file has no such key.
    [[nodiscard]] const std::string* find(std::string_view key) const;
    /// The value of `key`, or `fallback` when absent.
    [[nodiscard]] std::string value(std::string_view key, std::string fallback = {}) const;
    /// True when `key` is present (even with an empty value).
    [[nodiscard]] bool has(std::string_view key) const { return find(key) != nullptr; }
    /// Every key and value in file order.
    [[nodiscard]] const std::vector<std::pair<std::string, std::string>>& entries() const
    {
        return m_entries;
    }

private:
    std::vector<std::pair<std::string, std::string>> m_entries;
};

} // namespace core

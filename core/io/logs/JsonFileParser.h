// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/Error.h"

#include <rapidjson/document.h>
#include <tl/expected.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace core {

/// Reads whole JSON files (run summaries, trainer_state.json) into a RapidJSON DOM. Internal to
/// core (the header includes RapidJSON, which only core sees). Accepts the bare NaN, Infinity and
/// -Infinity that Python's json module writes and a UTF-8 byte order mark. Every number is stored
/// as a double parsed from its exact text with parseNumber (correctly rounded, never RapidJSON's
/// approximate fast path); integers above 2^53 therefore become the nearest double. Parses
/// iteratively, so deeply nested input cannot exhaust the stack. Stateless; thread-safe.
class JsonFileParser {
public:
    static constexpr std::uint64_t kMaxBytes = std::uint64_t{256} << 20; ///< 256 MiB

    /// Reads `path` (at most `maxBytes`) and parses it into `doc` (whose allocator then owns all
    /// strings). Errors name the file: it cannot be opened or read, it is larger than maxBytes,
    /// it is empty, or it is not valid JSON (line and column, 1-based bytes, and RapidJSON's
    /// message; "binary data" when the offending byte is a control byte).
    [[nodiscard]] static tl::expected<void, Error> parseFile(const std::string& path,
                                                             rapidjson::Document& doc,
                                                             std::uint64_t maxBytes = kMaxBytes);
    /// parseFile, then an error naming `path` unless the document is an object: "expected
    /// <expected>, found <typeName>" (e.g. expected = "one JSON object describing a run").
    [[nodiscard]] static tl::expected<void, Error> parseObjectFile(const std::string& path,
                                                                   rapidjson::Document& doc,
                                                                   std::string_view expected);
    /// Parses `text` (the contents of `path`, used only for messages) as parseFile does.
    [[nodiscard]] static tl::expected<void, Error> parseText(const std::string& path,
                                                             std::string_view text,
                                                             rapidjson::Document& doc);
    /// 1-based line and column (in bytes) of byte `offset` of `text`.
    [[nodiscard]] static std::pair<std::size_t, std::size_t> lineColumn(std::string_view text,
                                                                        std::size_t offset);
    /// "an object", "an array", "a string", "a number", "true/false", "null": for messages.
    [[nodiscard]] static const char* typeName(const rapidjson::Value& value);
};

} // namespace core

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace core {

/// Parses one line of JSON Lines (one JSON object) with RapidJSON, accepting the bare NaN,
/// Infinity and -Infinity that Python writes, and flattens it into leaf fields: nested object
/// keys are joined with '/' ({"eval": {"loss": 2}} gives "eval/loss"), array elements are keyed
/// by index ("lr/0"). Values come back as text: numbers exactly as written, strings decoded,
/// true/false, and null as "" (missing). Reuses its storage between lines (few allocations per
/// line once warmed up). Not thread-safe; use one instance per thread.
class JsonLineFlattener {
public:
    /// Containers nested deeper than this end the parse with an error (RapidJSON's parser
    /// recurses once per level, so a line of 100,000 '[' would otherwise overflow the stack).
    static constexpr std::size_t kMaxDepth = 256;

    struct Field {
        std::string key;
        std::size_t valueOffset = 0; ///< into the value arena; use value()
        std::size_t valueLength = 0;
        std::size_t column = 0;      ///< 1-based byte column of the value (of its key's value
                                     ///< for array elements) in the line
    };

    /// Parses `line`. False on invalid JSON or a value that is not an object; then
    /// errorColumn() and errorMessage() say where and what.
    [[nodiscard]] bool parse(std::string_view line);
    /// The leaves of the last successfully parsed line, in document order.
    [[nodiscard]] const std::vector<Field>& fields() const { return m_fields; }
    [[nodiscard]] std::size_t fieldCount() const { return m_count; }
    [[nodiscard]] std::string_view value(const Field& field) const
    {
        return std::string_view(m_values).substr(field.valueOffset, field.valueLength);
    }
    [[nodiscard]] std::size_t errorColumn() const { return m_errorColumn; }
    [[nodiscard]] const std::string& errorMessage() const { return m_errorMessage; }

private:
    friend struct JsonLineHandler;
    struct Frame {
        std::size_t base = 0; ///< length of the key prefix of this container's children
        bool array = false;
        std::size_t index = 0;
    };
    void emit(std::string_view text);
    void enterValue(); ///< sets m_path for the next value inside an array

    std::vector<Field> m_fields; ///< only the first m_count are valid; the rest keep capacity
    std::size_t m_count = 0;
    std::string m_values;
    std::string m_path;
    std::vector<Frame> m_frames;
    std::string_view m_line;
    std::size_t m_pendingColumn = 0;
    bool m_sawRoot = false;
    bool m_notObject = false;
    bool m_tooDeep = false;
    std::size_t m_errorColumn = 0;
    std::string m_errorMessage;
};

} // namespace core

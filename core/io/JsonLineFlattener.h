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
    [[nodiscard]] const std::vector<Field>& fields() const { return fields_; }
    [[nodiscard]] std::size_t fieldCount() const { return count_; }
    [[nodiscard]] std::string_view value(const Field& field) const
    {
        return std::string_view(values_).substr(field.valueOffset, field.valueLength);
    }
    [[nodiscard]] std::size_t errorColumn() const { return errorColumn_; }
    [[nodiscard]] const std::string& errorMessage() const { return errorMessage_; }

private:
    friend struct JsonLineHandler;
    struct Frame {
        std::size_t base = 0; ///< length of the key prefix of this container's children
        bool array = false;
        std::size_t index = 0;
    };
    void emit(std::string_view text);
    void enterValue(); ///< sets path_ for the next value inside an array

    std::vector<Field> fields_; ///< only the first count_ are valid; the rest keep capacity
    std::size_t count_ = 0;
    std::string values_;
    std::string path_;
    std::vector<Frame> frames_;
    std::string_view line_;
    std::size_t pendingColumn_ = 0;
    bool sawRoot_ = false;
    bool notObject_ = false;
    std::size_t errorColumn_ = 0;
    std::string errorMessage_;
};

} // namespace core

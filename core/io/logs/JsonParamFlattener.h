// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/data/AttributeValue.h"

#include <rapidjson/document.h>

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>

namespace core {

/// Turns the scalar leaves of a parsed JSON object into run parameters (LoggedRun::params), keyed
/// by their '.'-joined path ("hyperparameters.params"): numbers stay doubles, strings stay text,
/// true/false become the text "true"/"false", null is skipped. An array of scalars becomes one
/// text parameter, its elements joined with a space ("--fsdp --fsdp-amp"), when it has at most
/// kMaxJoinedArray elements; longer ones (command lines of a hundred words) are skipped. An array
/// holding any object goes to the visitor (skipped when there is none); arrays of arrays and
/// anything nested deeper than kMaxDepth are skipped. Internal to core; stateless; thread-safe.
class JsonParamFlattener {
public:
    static constexpr std::size_t kMaxJoinedArray = 20;
    static constexpr std::size_t kMaxDepth = 64;

    /// Called with the path ("results", "eval.tasks") and the array for each array of objects.
    using ObjectArrayVisitor = std::function<void(const std::string& path, const rapidjson::Value& array)>;

    /// Adds the leaves of `object` (ignored unless an object) under `prefix` ("" = none) to `params`.
    static void flatten(const rapidjson::Value& object, const std::string& prefix,
                        std::map<std::string, AttributeValue>& params,
                        const ObjectArrayVisitor& onObjectArray = {}, std::size_t depth = 0);
    /// A scalar as a parameter value (nullopt for null, objects and arrays).
    [[nodiscard]] static std::optional<AttributeValue> scalar(const rapidjson::Value& value);
    /// `prefix` + '.' + `key`, or `key` when prefix is empty.
    [[nodiscard]] static std::string join(const std::string& prefix, std::string_view key);
};

} // namespace core

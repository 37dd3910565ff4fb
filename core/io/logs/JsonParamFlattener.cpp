// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/logs/JsonParamFlattener.h"

#include "core/util/NumberText.h"

namespace core {

std::string JsonParamFlattener::join(const std::string& prefix, std::string_view key)
{
    if (prefix.empty())
        return std::string(key);
    std::string out;
    out.reserve(prefix.size() + 1 + key.size());
    out.append(prefix).append(1, '.').append(key);
    return out;
}

std::optional<AttributeValue> JsonParamFlattener::scalar(const rapidjson::Value& value)
{
    if (value.IsNumber())
        return AttributeValue{value.GetDouble()};
    if (value.IsString())
        return AttributeValue{std::string(value.GetString(), value.GetStringLength())};
    if (value.IsBool())
        return AttributeValue{std::string(value.GetBool() ? "true" : "false")};
    return std::nullopt;
}

void JsonParamFlattener::flatten(const rapidjson::Value& object, const std::string& prefix,
                                 std::map<std::string, AttributeValue>& params,
                                 const ObjectArrayVisitor& onObjectArray, std::size_t depth)
{
    if (!object.IsObject() || depth > kMaxDepth)
        return;
    for (const auto& member : object.GetObject()) {
        const std::string path = join(prefix, {member.name.GetString(), member.name.GetStringLength()});
        const rapidjson::Value& value = member.value;
        if (value.IsObject()) {
            flatten(value, path, params, onObjectArray, depth + 1);
            continue;
        }
        if (!value.IsArray()) {
            if (auto v = scalar(value))
                params[path] = std::move(*v);
            continue;
        }
        if (value.Empty())
            continue;
        bool anyObject = false;
        bool allScalar = true;
        for (const auto& element : value.GetArray()) {
            anyObject = anyObject || element.IsObject();
            allScalar = allScalar && !element.IsObject() && !element.IsArray();
        }
        if (anyObject) {
            if (onObjectArray)
                onObjectArray(path, value);
            continue;
        }
        if (!allScalar || value.Size() > kMaxJoinedArray)
            continue;
        std::string text;
        for (const auto& element : value.GetArray()) {
            if (!text.empty())
                text += ' ';
            if (element.IsNumber())
                text += shortestText(element.GetDouble());
            else if (element.IsString())
                text.append(element.GetString(), element.GetStringLength());
            else if (element.IsBool())
                text += element.GetBool() ? "true" : "false";
            else
                text += "null";
        }
        params[path] = std::move(text);
    }
}

} // namespace core

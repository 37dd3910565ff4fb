// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/logs/RunJsonReader.h"

#include "core/io/logs/JsonFileParser.h"
#include "core/io/logs/JsonParamFlattener.h"

#include <array>
#include <filesystem>
#include <set>
#include <string_view>
#include <utility>

namespace core {

namespace {

constexpr std::array<std::string_view, 6> kLabelKeys{"val_data", "name",     "dataset",
                                                     "split",    "eval_set", "task"};

/// The element's label field: its first non-empty text (or one-text array) among kLabelKeys.
bool labelField(const rapidjson::Value& element, std::string& out)
{
    if (!element.IsObject())
        return false;
    for (std::string_view key : kLabelKeys) {
        const auto it = element.FindMember(rapidjson::StringRef(key.data(), key.size()));
        if (it == element.MemberEnd())
            continue;
        const rapidjson::Value* v = &it->value;
        if (v->IsArray() && v->Size() == 1)
            v = &(*v)[0];
        if (v->IsString() && v->GetStringLength() > 0) {
            out.assign(v->GetString(), v->GetStringLength());
            return true;
        }
    }
    return false;
}

/// `value` without trailing '/'; then the last component (level 0) or the one before it (1).
std::string pathComponent(std::string_view value, int fromEnd)
{
    while (value.size() > 1 && value.back() == '/')
        value.remove_suffix(1);
    for (int i = 0; i < fromEnd; ++i) {
        const std::size_t slash = value.find_last_of('/');
        if (slash == std::string_view::npos)
            return {};
        value = value.substr(0, slash);
    }
    const std::size_t slash = value.find_last_of('/');
    return std::string(slash == std::string_view::npos ? value : value.substr(slash + 1));
}

bool allUnique(const std::vector<std::string>& labels)
{
    std::set<std::string> seen;
    for (const std::string& l : labels)
        if (l.empty() || !seen.insert(l).second)
            return false;
    return true;
}

/// Adds every numeric leaf of `object` under `prefix` as a one-point series (nested objects
/// '.'-joined; text, true/false, null and arrays dropped).
void addNumbers(const rapidjson::Value& object, const std::string& prefix, LoggedRun& run,
                std::size_t depth = 0)
{
    if (depth > JsonParamFlattener::kMaxDepth)
        return;
    for (const auto& member : object.GetObject()) {
        const std::string name = JsonParamFlattener::join(prefix, {member.name.GetString(), member.name.GetStringLength()});
        if (member.value.IsNumber())
            run.seriesFor(name).append(LoggedRun::kUnknown, member.value.GetDouble());
        else if (member.value.IsObject())
            addNumbers(member.value, name, run, depth + 1);
    }
}

} // namespace

std::vector<std::string> RunJsonReader::labelsOf(const std::vector<std::string>& values,
                                                 const std::vector<bool>& present)
{
    const std::size_t n = values.size();
    std::vector<std::string> labels(n);
    // Strategies: the parent directory of a path, its file name, the whole value.
    for (int strategy = 0; strategy < 3; ++strategy) {
        for (std::size_t i = 0; i < n; ++i) {
            if (!present[i]) {
                labels[i] = std::to_string(i);
                continue;
            }
            const bool isPath = values[i].find('/') != std::string::npos;
            std::string label;
            if (isPath && strategy < 2)
                label = pathComponent(values[i], strategy == 0 ? 1 : 0);
            labels[i] = label.empty() ? values[i] : label;
        }
        if (allUnique(labels))
            return labels;
    }
    for (std::size_t i = 0; i < n; ++i)
        labels[i] = std::to_string(i);
    return labels;
}

tl::expected<LoggedRun, Error> RunJsonReader::read(const std::string& path,
                                                   std::vector<std::string>& warnings)
{
    rapidjson::Document doc;
    if (auto parsed = JsonFileParser::parseObjectFile(path, doc, "one JSON object describing a run"); !parsed)
        return tl::unexpected(parsed.error());
    LoggedRun run;
    run.source = path;
    run.format = "run-json";
    const std::filesystem::path file(path);
    run.id = file.filename().string();
    run.name = file.stem().string();
    if (const auto name = doc.FindMember("name");
        name != doc.MemberEnd() && name->value.IsString() && name->value.GetStringLength() > 0)
        run.name.assign(name->value.GetString(), name->value.GetStringLength());

    std::vector<std::pair<std::string, const rapidjson::Value*>> arrays;
    JsonParamFlattener::flatten(doc, "", run.params,
                                [&arrays](const std::string& arrayPath, const rapidjson::Value& array) {
                                    arrays.emplace_back(arrayPath, &array);
                                });
    for (const auto& [arrayPath, array] : arrays) {
        const rapidjson::SizeType n = array->Size();
        std::vector<std::string> values(n);
        std::vector<bool> present(n);
        for (rapidjson::SizeType i = 0; i < n; ++i)
            present[i] = labelField((*array)[i], values[i]);
        const std::vector<std::string> labels = labelsOf(values, present);
        for (rapidjson::SizeType i = 0; i < n; ++i) {
            const rapidjson::Value& element = (*array)[i];
            if (!element.IsObject()) {
                warnings.push_back(path + ": " + arrayPath + "[" + std::to_string(i) + "] is "
                                   + JsonFileParser::typeName(element) + ", expected an object; skipped");
                continue;
            }
            addNumbers(element, arrayPath + "[" + labels[i] + "]", run);
        }
    }
    if (run.series.empty())
        warnings.push_back(path + ": no array of objects with numbers (like results[]): the run has "
                                  "parameters only, no metric");
    return run;
}

} // namespace core

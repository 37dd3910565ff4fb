// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/logs/HfTrainerStateReader.h"

#include "core/io/NumberParser.h"
#include "core/io/logs/JsonFileParser.h"
#include "core/io/logs/JsonParamFlattener.h"

#include <algorithm>
#include <filesystem>
#include <string_view>

namespace core {

namespace {

namespace fs = std::filesystem;

constexpr std::string_view kLogHistory = "log_history";

bool isExcludedKey(std::string_view key)
{
    return key == "step" || key == "epoch" || key == "num_input_tokens_seen" || key == "total_flos";
}

/// Collects warnings for one file, keeping the first kMaxWarnings and counting the rest.
class WarningSink {
public:
    WarningSink(std::vector<std::string>& out, const std::string& path) : m_out(out), m_path(path) {}
    ~WarningSink()
    {
        if (m_count > HfTrainerStateReader::kMaxWarnings)
            m_out.push_back(m_path + ": " + std::to_string(m_count - HfTrainerStateReader::kMaxWarnings)
                            + " more values skipped");
    }
    WarningSink(const WarningSink&) = delete;
    WarningSink& operator=(const WarningSink&) = delete;
    void add(const std::string& message)
    {
        if (++m_count <= HfTrainerStateReader::kMaxWarnings)
            m_out.push_back(m_path + ": " + message);
    }

private:
    std::vector<std::string>& m_out;
    const std::string& m_path;
    std::size_t m_count = 0;
};

std::string textOf(const rapidjson::Value& v)
{
    if (v.IsString())
        return " (\"" + std::string(v.GetString(), std::min<std::size_t>(v.GetStringLength(), 40)) + "\")";
    return "";
}

/// Sets the run's name, id and "checkpoint" param from the file's location.
void nameRun(const std::string& path, LoggedRun& run)
{
    std::error_code ec;
    fs::path file(path);
    fs::path absolute = fs::absolute(file, ec);
    if (ec)
        absolute = file;
    fs::path dir = absolute.lexically_normal().parent_path();
    fs::path runDir = file.parent_path();
    const std::string dirName = dir.filename().string();
    constexpr std::string_view kCheckpoint = "checkpoint-";
    double number = 0;
    if (dirName.size() > kCheckpoint.size() && dirName.compare(0, kCheckpoint.size(), kCheckpoint) == 0
        && parseNumber(std::string_view(dirName).substr(kCheckpoint.size()), number)) {
        run.params["checkpoint"] = number;
        dir = dir.parent_path();
        runDir = runDir.parent_path();
    }
    run.name = dir.filename().string();
    if (run.name.empty())
        run.name = file.stem().string();
    run.id = runDir.empty() ? std::string(".") : runDir.string();
}

} // namespace

tl::expected<LoggedRun, Error> HfTrainerStateReader::read(const std::string& path,
                                                          std::vector<std::string>& warnings)
{
    rapidjson::Document doc;
    if (auto parsed = JsonFileParser::parseObjectFile(path, doc, "a JSON object (a trainer_state.json)");
        !parsed)
        return tl::unexpected(parsed.error());
    const auto history = doc.FindMember(kLogHistory.data());
    if (history == doc.MemberEnd())
        return tl::unexpected(Error::at(path, 0, 0, "no \"log_history\" key: not a trainer_state.json"));
    if (!history->value.IsArray())
        return tl::unexpected(Error::at(path, 0, 0,
                                        std::string("\"log_history\" is ") + JsonFileParser::typeName(history->value)
                                            + ", expected an array of objects"));
    LoggedRun run;
    run.source = path;
    run.format = "hf-trainer-state";
    nameRun(path, run);
    JsonParamFlattener::flatten(doc, "", run.params);

    WarningSink sink(warnings, path);
    const auto& rows = history->value;
    for (rapidjson::SizeType i = 0; i < rows.Size(); ++i) {
        const std::string where = "log_history[" + std::to_string(i) + "]";
        const rapidjson::Value& row = rows[i];
        if (!row.IsObject())
            return tl::unexpected(Error::at(path, 0, 0, where + " is " + JsonFileParser::typeName(row)
                                                            + ", expected an object"));
        if (row.HasMember("train_runtime")) { // the summary row written when training ends
            JsonParamFlattener::flatten(row, "summary", run.params);
            continue;
        }
        const auto step = row.FindMember("step");
        if (step == row.MemberEnd())
            return tl::unexpected(Error::at(path, 0, 0, where + ".step is missing"));
        if (!step->value.IsNumber())
            return tl::unexpected(Error::at(path, 0, 0,
                                            where + ".step is " + JsonFileParser::typeName(step->value)
                                                + textOf(step->value) + ", expected a number"));
        double tokens = LoggedRun::kUnknown;
        if (const auto t = row.FindMember("num_input_tokens_seen"); t != row.MemberEnd()) {
            if (t->value.IsNumber())
                tokens = t->value.GetDouble();
            else if (!t->value.IsNull())
                sink.add(where + ".num_input_tokens_seen is " + JsonFileParser::typeName(t->value)
                         + textOf(t->value) + ", expected a number; its tokens are unknown");
        }
        for (const auto& member : row.GetObject()) {
            const std::string_view key(member.name.GetString(), member.name.GetStringLength());
            if (isExcludedKey(key) || member.value.IsNull())
                continue;
            if (!member.value.IsNumber()) {
                sink.add(where + "." + std::string(key) + " is " + JsonFileParser::typeName(member.value)
                         + textOf(member.value) + ", expected a number; skipped");
                continue;
            }
            run.seriesFor(std::string(key)).append(step->value.GetDouble(), member.value.GetDouble(), tokens);
        }
    }
    return run;
}

} // namespace core

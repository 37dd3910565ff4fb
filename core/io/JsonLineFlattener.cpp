// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/JsonLineFlattener.h"

#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include <string>

namespace core {

/// RapidJSON SAX handler feeding a JsonLineFlattener.
struct JsonLineHandler : rapidjson::BaseReaderHandler<rapidjson::UTF8<>, JsonLineHandler> {
    JsonLineFlattener& f;
    const rapidjson::MemoryStream& stream;

    JsonLineHandler(JsonLineFlattener& flattener, const rapidjson::MemoryStream& s)
        : f(flattener), stream(s)
    {
    }

    bool startContainer(bool array)
    {
        if (!f.m_sawRoot) {
            f.m_sawRoot = true;
            if (array) {
                f.m_notObject = true;
                return false;
            }
            f.m_frames.push_back({0, false, 0});
            return true;
        }
        if (f.m_frames.size() >= JsonLineFlattener::kMaxDepth) {
            f.m_tooDeep = true;
            return false;
        }
        f.enterValue();
        f.m_path += '/';
        f.m_frames.push_back({f.m_path.size(), array, 0});
        return true;
    }
    bool StartObject() { return startContainer(false); }
    bool StartArray() { return startContainer(true); }
    bool EndObject(rapidjson::SizeType) { return end(); }
    bool EndArray(rapidjson::SizeType) { return end(); }
    bool end()
    {
        f.m_frames.pop_back();
        return true;
    }
    bool Key(const char* s, rapidjson::SizeType n, bool)
    {
        f.m_path.resize(f.m_frames.back().base);
        f.m_path.append(s, n);
        // The value starts after the key's closing quote, optional spaces, ':' and spaces.
        std::size_t p = stream.Tell();
        while (p < f.m_line.size() && (f.m_line[p] == ' ' || f.m_line[p] == '\t' || f.m_line[p] == ':'))
            ++p;
        f.m_pendingColumn = p + 1;
        return true;
    }
    bool leaf(std::string_view text)
    {
        if (!f.m_sawRoot) {
            f.m_notObject = true;
            return false;
        }
        f.enterValue();
        f.emit(text);
        return true;
    }
    bool RawNumber(const char* s, rapidjson::SizeType n, bool) { return leaf({s, n}); }
    bool String(const char* s, rapidjson::SizeType n, bool) { return leaf({s, n}); }
    bool Bool(bool b) { return leaf(b ? "true" : "false"); }
    bool Null() { return leaf({}); }
};

void JsonLineFlattener::enterValue()
{
    if (m_frames.empty() || !m_frames.back().array)
        return;
    Frame& frame = m_frames.back();
    m_path.resize(frame.base);
    m_path += std::to_string(frame.index++);
}

void JsonLineFlattener::emit(std::string_view text)
{
    if (m_count == m_fields.size())
        m_fields.emplace_back();
    Field& field = m_fields[m_count++];
    field.key.assign(m_path);
    field.valueOffset = m_values.size();
    field.valueLength = text.size();
    field.column = m_pendingColumn;
    m_values.append(text);
}

bool JsonLineFlattener::parse(std::string_view line)
{
    m_count = 0;
    m_values.clear();
    m_path.clear();
    m_frames.clear();
    m_line = line;
    m_pendingColumn = 1;
    m_sawRoot = false;
    m_notObject = false;
    m_tooDeep = false;
    rapidjson::MemoryStream stream(line.data(), line.size());
    JsonLineHandler handler(*this, stream);
    rapidjson::Reader reader;
    constexpr unsigned kFlags = rapidjson::kParseNanAndInfFlag | rapidjson::kParseNumbersAsStringsFlag;
    const rapidjson::ParseResult result = reader.Parse<kFlags>(stream, handler);
    if (!result.IsError())
        return true;
    m_count = 0;
    if (m_notObject) {
        const std::size_t start = line.find_first_not_of(" \t");
        m_errorColumn = (start == std::string_view::npos ? 0 : start) + 1;
        m_errorMessage = "expected a JSON object ({...}) on each line";
    } else if (m_tooDeep) {
        m_errorColumn = result.Offset();
        m_errorMessage = "JSON nested more than " + std::to_string(kMaxDepth) + " levels deep";
    } else {
        m_errorColumn = result.Offset() + 1;
        m_errorMessage = std::string("invalid JSON: ") + rapidjson::GetParseError_En(result.Code());
    }
    return false;
}

} // namespace core

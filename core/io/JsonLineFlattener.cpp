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
        if (!f.sawRoot_) {
            f.sawRoot_ = true;
            if (array) {
                f.notObject_ = true;
                return false;
            }
            f.frames_.push_back({0, false, 0});
            return true;
        }
        f.enterValue();
        f.path_ += '/';
        f.frames_.push_back({f.path_.size(), array, 0});
        return true;
    }
    bool StartObject() { return startContainer(false); }
    bool StartArray() { return startContainer(true); }
    bool EndObject(rapidjson::SizeType) { return end(); }
    bool EndArray(rapidjson::SizeType) { return end(); }
    bool end()
    {
        f.frames_.pop_back();
        return true;
    }
    bool Key(const char* s, rapidjson::SizeType n, bool)
    {
        f.path_.resize(f.frames_.back().base);
        f.path_.append(s, n);
        // The value starts after the key's closing quote, optional spaces, ':' and spaces.
        std::size_t p = stream.Tell();
        while (p < f.line_.size() && (f.line_[p] == ' ' || f.line_[p] == '\t' || f.line_[p] == ':'))
            ++p;
        f.pendingColumn_ = p + 1;
        return true;
    }
    bool leaf(std::string_view text)
    {
        if (!f.sawRoot_) {
            f.notObject_ = true;
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
    if (frames_.empty() || !frames_.back().array)
        return;
    Frame& frame = frames_.back();
    path_.resize(frame.base);
    path_ += std::to_string(frame.index++);
}

void JsonLineFlattener::emit(std::string_view text)
{
    if (count_ == fields_.size())
        fields_.emplace_back();
    Field& field = fields_[count_++];
    field.key.assign(path_);
    field.valueOffset = values_.size();
    field.valueLength = text.size();
    field.column = pendingColumn_;
    values_.append(text);
}

bool JsonLineFlattener::parse(std::string_view line)
{
    count_ = 0;
    values_.clear();
    path_.clear();
    frames_.clear();
    line_ = line;
    pendingColumn_ = 1;
    sawRoot_ = false;
    notObject_ = false;
    rapidjson::MemoryStream stream(line.data(), line.size());
    JsonLineHandler handler(*this, stream);
    rapidjson::Reader reader;
    constexpr unsigned kFlags = rapidjson::kParseNanAndInfFlag | rapidjson::kParseNumbersAsStringsFlag;
    const rapidjson::ParseResult result = reader.Parse<kFlags>(stream, handler);
    if (!result.IsError())
        return true;
    count_ = 0;
    if (notObject_) {
        const std::size_t start = line.find_first_not_of(" \t");
        errorColumn_ = (start == std::string_view::npos ? 0 : start) + 1;
        errorMessage_ = "expected a JSON object ({...}) on each line";
    } else {
        errorColumn_ = result.Offset() + 1;
        errorMessage_ = std::string("invalid JSON: ") + rapidjson::GetParseError_En(result.Code());
    }
    return false;
}

} // namespace core

// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/logs/JsonFileParser.h"

#include "core/io/FileBuffer.h"
#include "core/io/NumberParser.h"

#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include <algorithm>
#include <cstring>
#include <limits>

namespace core {

namespace {

/// Forwards SAX events to a Document, turning each number's text into a correctly rounded double.
struct ExactNumberHandler {
    rapidjson::Document& doc;

    bool Null() { return doc.Null(); }
    bool Bool(bool b) { return doc.Bool(b); }
    bool Int(int i) { return doc.Double(i); }
    bool Uint(unsigned u) { return doc.Double(u); }
    bool Int64(std::int64_t i) { return doc.Double(static_cast<double>(i)); }
    bool Uint64(std::uint64_t u) { return doc.Double(static_cast<double>(u)); }
    bool Double(double d) { return doc.Double(d); }
    bool RawNumber(const char* s, rapidjson::SizeType n, bool)
    {
        double v = 0;
        const std::string_view text(s, n);
        if (!parseNumber(text, v)) {
            // RapidJSON accepted it, so only its NaN/Inf spellings can get here.
            const bool minus = !text.empty() && text.front() == '-';
            v = text.find('N') != std::string_view::npos
                    ? std::numeric_limits<double>::quiet_NaN()
                    : (minus ? -std::numeric_limits<double>::infinity()
                             : std::numeric_limits<double>::infinity());
        }
        return doc.Double(v);
    }
    bool String(const char* s, rapidjson::SizeType n, bool copy) { return doc.String(s, n, copy); }
    bool StartObject() { return doc.StartObject(); }
    bool Key(const char* s, rapidjson::SizeType n, bool copy) { return doc.Key(s, n, copy); }
    bool EndObject(rapidjson::SizeType n) { return doc.EndObject(n); }
    bool StartArray() { return doc.StartArray(); }
    bool EndArray(rapidjson::SizeType n) { return doc.EndArray(n); }
};

/// Runs the reader into the document (GenericDocument::Populate's generator).
struct Generator {
    std::string_view text;
    rapidjson::ParseResult result;

    bool operator()(rapidjson::Document& doc)
    {
        rapidjson::MemoryStream stream(text.data(), text.size());
        ExactNumberHandler handler{doc};
        rapidjson::Reader reader;
        constexpr unsigned kFlags = rapidjson::kParseNanAndInfFlag
                                    | rapidjson::kParseNumbersAsStringsFlag
                                    | rapidjson::kParseIterativeFlag;
        result = reader.Parse<kFlags>(stream, handler);
        return !result.IsError();
    }
};

Error fileError(const std::string& path, std::string message)
{
    return Error::at(path, 0, 0, std::move(message));
}

} // namespace

std::pair<std::size_t, std::size_t> JsonFileParser::lineColumn(std::string_view text,
                                                               std::size_t offset)
{
    offset = std::min(offset, text.size());
    const std::string_view before = text.substr(0, offset);
    const std::size_t line = 1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
    const std::size_t lastNl = before.rfind('\n');
    const std::size_t column = lastNl == std::string_view::npos ? offset + 1 : offset - lastNl;
    return {line, column};
}

const char* JsonFileParser::typeName(const rapidjson::Value& value)
{
    if (value.IsObject())
        return "an object";
    if (value.IsArray())
        return "an array";
    if (value.IsString())
        return "a string";
    if (value.IsNumber())
        return "a number";
    if (value.IsBool())
        return "true/false";
    return "null";
}

tl::expected<void, Error> JsonFileParser::parseText(const std::string& path, std::string_view text,
                                                    rapidjson::Document& doc)
{
    std::size_t skipped = 0;
    if (text.size() >= 3 && std::memcmp(text.data(), "\xEF\xBB\xBF", 3) == 0)
        skipped = 3;
    if (text.find_first_not_of(" \t\r\n", skipped) == std::string_view::npos)
        return tl::unexpected(fileError(path, "empty file: expected a JSON object"));
    Generator generate{text.substr(skipped), {}};
    doc.Populate(generate);
    if (!generate.result.IsError())
        return {};
    const std::size_t offset = skipped + generate.result.Offset();
    const auto [line, column] = lineColumn(text, offset);
    std::string message = std::string("invalid JSON: ") + rapidjson::GetParseError_En(generate.result.Code());
    if (offset < text.size()) {
        const auto byte = static_cast<unsigned char>(text[offset]);
        if ((byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r') || byte == 0x7F)
            message = "binary data (byte " + std::to_string(byte) + ") where JSON text was expected ("
                      + message + ")";
    }
    return tl::unexpected(Error::at(path, line, column, std::move(message)));
}

tl::expected<void, Error> JsonFileParser::parseFile(const std::string& path, rapidjson::Document& doc,
                                                    std::uint64_t maxBytes)
{
    auto file = FileBuffer::open(path);
    if (!file)
        return tl::unexpected(file.error());
    const auto tooBig = [&] {
        return fileError(path, "file too large for a JSON document (over "
                                   + std::to_string(maxBytes >> 20) + " MiB)");
    };
    if (file->size() > maxBytes)
        return tl::unexpected(tooBig());
    // Keep the whole file in the window (the buffer grows when full), then parse it at once.
    while (!file->eof()) {
        if (static_cast<std::uint64_t>(file->end() - file->begin()) > maxBytes)
            return tl::unexpected(tooBig());
        if (auto r = file->refill(file->begin()); !r)
            return tl::unexpected(r.error());
    }
    const std::string_view text(file->begin(), static_cast<std::size_t>(file->end() - file->begin()));
    if (text.size() > maxBytes)
        return tl::unexpected(tooBig());
    return parseText(path, text, doc);
}

tl::expected<void, Error> JsonFileParser::parseObjectFile(const std::string& path, rapidjson::Document& doc,
                                                          std::string_view expected)
{
    if (auto parsed = parseFile(path, doc); !parsed)
        return parsed;
    if (!doc.IsObject())
        return tl::unexpected(
            fileError(path, "expected " + std::string(expected) + ", found " + typeName(doc)));
    return {};
}

} // namespace core

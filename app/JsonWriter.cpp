// SPDX-License-Identifier: GPL-3.0-or-later
#include "JsonWriter.h"

#include "core/util/NumberText.h"

#include <cmath>
#include <cstdio>

void JsonWriter::separate()
{
    if (m_needComma)
        m_out += ',';
    m_needComma = true;
}

void JsonWriter::beginObject() { separate(); m_out += '{'; m_needComma = false; }
void JsonWriter::endObject() { m_out += '}'; m_needComma = true; }
void JsonWriter::beginArray() { separate(); m_out += '['; m_needComma = false; }
void JsonWriter::endArray() { m_out += ']'; m_needComma = true; }

void JsonWriter::key(std::string_view k)
{
    separate();
    writeString(k);
    m_out += ':';
    m_needComma = false;
}

void JsonWriter::value(std::string_view s)
{
    separate();
    writeString(s);
}

void JsonWriter::value(double d)
{
    separate();
    if (!std::isfinite(d)) {
        m_out += "null";
        return;
    }
    m_out += core::shortestText(d);
}

void JsonWriter::value(std::size_t n)
{
    separate();
    m_out += std::to_string(n);
}

void JsonWriter::rawBool(bool b)
{
    separate();
    m_out += b ? "true" : "false";
}

void JsonWriter::null()
{
    separate();
    m_out += "null";
}

void JsonWriter::writeString(std::string_view s)
{
    m_out += '"';
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"': m_out += "\\\""; break;
        case '\\': m_out += "\\\\"; break;
        case '\n': m_out += "\\n"; break;
        case '\r': m_out += "\\r"; break;
        case '\t': m_out += "\\t"; break;
        default:
            if (c < 0x20) {
                char esc[8];
                std::snprintf(esc, sizeof esc, "\\u%04x", c);
                m_out += esc;
            } else {
                m_out += ch;
            }
        }
    }
    m_out += '"';
}

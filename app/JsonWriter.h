// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

/// Minimal streaming JSON writer for the CLI's output. Numbers are written with the shortest text
/// that reads back to the same double; NaN and infinities (not JSON) are written as null.
/// The caller is responsible for well-formed nesting; commas are inserted automatically.
class JsonWriter {
public:
    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    /// Key of the next value inside an object.
    void key(std::string_view k);
    void value(std::string_view s);
    void value(const char* s) { value(std::string_view(s)); }
    void value(double d);
    void value(std::size_t n);
    void null();
    void rawBool(bool b);

    [[nodiscard]] const std::string& str() const { return m_out; }

private:
    void separate();
    void writeString(std::string_view s);

    std::string m_out;
    bool m_needComma = false;
};

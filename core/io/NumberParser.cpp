// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/NumberParser.h"

#include <fast_float/fast_float.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <system_error>

namespace core {

namespace {

int suffixExponent(char c)
{
    switch (c) {
    case 'K':
    case 'k': return 3;
    case 'M': return 6;
    case 'B':
    case 'G': return 9;
    case 'T': return 12;
    default: return 0;
    }
}

} // namespace

std::string_view detail::trimSpacesSlow(std::string_view text)
{
    while (!text.empty() && detail::isSpace(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && detail::isSpace(text.back()))
        text.remove_suffix(1);
    return text;
}

bool detail::parseNumberSlow(std::string_view text, double& out)
{
    text = trimSpaces(text);
    if (text.empty())
        return false;
    const char* first = text.data();
    const char* const last = first + text.size();
    if (*first == '+') { // fast_float, like std::from_chars, rejects a leading '+'
        ++first;
        if (first == last || *first == '-' || *first == '+')
            return false;
    }
    // Plain decimals (also after trimming or a '+'): exact integer over an exact power of ten.
    if (detail::parsePlainDecimal(first, last, out))
        return true;
    const auto [ptr, ec] = fast_float::from_chars(first, last, out);
    if (ec != std::errc() || ptr == first)
        return false;
    if (ptr == last)
        return true;
    // Exactly one trailing suffix letter is allowed.
    const int exponent = suffixExponent(*ptr);
    if (exponent == 0 || ptr + 1 != last || !std::isfinite(out))
        return false;
    const std::size_t mantissaLength = static_cast<std::size_t>(ptr - first);
    const bool hasExponent = std::memchr(first, 'e', mantissaLength) != nullptr
                             || std::memchr(first, 'E', mantissaLength) != nullptr;
    char buffer[64];
    if (hasExponent || mantissaLength + 4 > sizeof buffer) {
        out *= std::pow(10.0, exponent); // rare ("1e3K"): the product of two doubles
        return true;
    }
    // Re-parse "<mantissa>e<exponent>" so the result is correctly rounded.
    std::memcpy(buffer, first, mantissaLength);
    std::size_t n = mantissaLength;
    buffer[n++] = 'e';
    if (exponent >= 10)
        buffer[n++] = static_cast<char>('0' + exponent / 10);
    buffer[n++] = static_cast<char>('0' + exponent % 10);
    const auto result = fast_float::from_chars(buffer, buffer + n, out);
    return result.ec == std::errc() && result.ptr == buffer + n;
}

std::optional<double> parseNumber(std::string_view text)
{
    double value = 0;
    if (parseNumber(text, value))
        return value;
    return std::nullopt;
}

} // namespace core

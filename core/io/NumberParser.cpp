// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/NumberParser.h"

#include <fast_float/fast_float.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <system_error>

namespace core {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

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

constexpr double kPowersOfTen[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                   1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

/// If p[0..8) are all ASCII digits, sets `value` to their decimal value (SWAR, no loop).
bool eightDigits(const char* p, std::uint64_t& value)
{
    if constexpr (std::endian::native != std::endian::little)
        return false;
    std::uint64_t w = 0;
    std::memcpy(&w, p, 8);
    if ((((w & 0xF0F0F0F0F0F0F0F0ULL) | (((w + 0x0606060606060606ULL) & 0xF0F0F0F0F0F0F0F0ULL) >> 4))
         != 0x3333333333333333ULL))
        return false;
    w = (w & 0x0F0F0F0F0F0F0F0FULL) * 2561 >> 8;
    w = (w & 0x00FF00FF00FF00FFULL) * 6553601 >> 16;
    value = (w & 0x0000FFFF0000FFFFULL) * 42949672960001ULL >> 32;
    return true;
}

} // namespace

std::string_view trimSpaces(std::string_view text)
{
    while (!text.empty() && isSpace(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back()))
        text.remove_suffix(1);
    return text;
}

bool parseNumber(std::string_view text, double& out)
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
    // Fast path (Clinger): up to 15 digits with an optional decimal point. The digits form an
    // exact integer (< 2^53) and 10^k is exact, so one division gives the correctly rounded value.
    if (last - first <= 16) {
        std::uint64_t v = 0;
        const char* p = first;
        if (last - p >= 8 && eightDigits(p, v))
            p += 8;
        int fractionDigits = -1;
        for (; p < last; ++p) {
            const unsigned digit = static_cast<unsigned>(*p - '0');
            if (digit <= 9) {
                v = v * 10 + digit;
                fractionDigits += fractionDigits >= 0 ? 1 : 0;
            } else if (*p == '.' && fractionDigits < 0) {
                fractionDigits = 0;
            } else {
                break;
            }
        }
        const std::ptrdiff_t digits = (last - first) - (fractionDigits >= 0 ? 1 : 0);
        if (p == last && digits > 0 && digits <= 15) {
            out = fractionDigits > 0 ? static_cast<double>(v) / kPowersOfTen[fractionDigits]
                                     : static_cast<double>(v);
            return true;
        }
    }
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

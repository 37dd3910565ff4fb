// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>

namespace core {

/// Parses a number the way run tables write them, independent of the C locale.
/// Accepts decimal and scientific notation ("2e9", "1e+20", ".5"), an optional sign, "nan" and
/// "inf"/"infinity" in any case, surrounding spaces/tabs/CR, and one size suffix:
/// K or k = 1e3, M = 1e6, B or G = 1e9, T = 1e12 ("350M", "7B", "1.5T", "2.8B").
/// A suffixed number is parsed as the decimal it denotes ("2.8B" is read as "2.8e9"), so the
/// result is the correctly rounded double, never a rounded product. Returns false (and leaves `out`
/// unspecified) for anything else, including the empty string. Thread-safe, never allocates.
inline bool parseNumber(std::string_view text, double& out);

namespace detail {

/// The general case of parseNumber() (spaces, signs, exponents, nan/inf, suffixes).
bool parseNumberSlow(std::string_view text, double& out);

/// If p[0..8) are all ASCII digits, sets `value` to their decimal value (SWAR, no loop).
inline bool eightDigits(const char* p, std::uint64_t& value)
{
    if constexpr (std::endian::native != std::endian::little) {
        return false;
    } else {
        std::uint64_t w = 0;
        std::memcpy(&w, p, 8);
        if (((w & 0xF0F0F0F0F0F0F0F0ULL) | (((w + 0x0606060606060606ULL) & 0xF0F0F0F0F0F0F0F0ULL) >> 4))
            != 0x3333333333333333ULL)
            return false;
        w = (w & 0x0F0F0F0F0F0F0F0FULL) * 2561 >> 8;
        w = (w & 0x00FF00FF00FF00FFULL) * 6553601 >> 16;
        value = (w & 0x0000FFFF0000FFFFULL) * 42949672960001ULL >> 32;
        return true;
    }
}

inline constexpr double kPowersOfTen[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                          1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

/// Digits [p, last) accumulated into `v`; returns where the digits stop.
inline const char* accumulateDigits(const char* p, const char* last, std::uint64_t& v)
{
    std::uint64_t eight = 0;
    if (last - p >= 8 && eightDigits(p, eight)) {
        v = v * 100000000 + eight;
        p += 8;
    }
    for (; p < last; ++p) {
        const unsigned digit = static_cast<unsigned>(*p) - '0';
        if (digit > 9)
            break;
        v = v * 10 + digit;
    }
    return p;
}

/// Fast path (Clinger) for plain decimals without sign or spaces: 1 to 15 digits with an optional
/// decimal point, at most 16 bytes. The digits form an exact integer (< 2^53) and 10^k is exact,
/// so one division gives the correctly rounded value. False when `text` is anything else.
inline bool parsePlainDecimal(const char* first, const char* last, double& out)
{
    if (last - first > 16 || first == last)
        return false;
    std::uint64_t v = 0;
    const char* p = accumulateDigits(first, last, v);
    std::ptrdiff_t digits = p - first;
    std::ptrdiff_t fractionDigits = 0;
    if (p < last && *p == '.') {
        const char* const fractionStart = p + 1;
        p = accumulateDigits(fractionStart, last, v);
        fractionDigits = p - fractionStart;
        digits += fractionDigits;
    }
    if (p != last || digits == 0 || digits > 15)
        return false;
    out = fractionDigits > 0 ? static_cast<double>(v) / kPowersOfTen[fractionDigits]
                             : static_cast<double>(v);
    return true;
}

} // namespace detail

inline bool parseNumber(std::string_view text, double& out)
{
    const char* const first = text.data();
    return detail::parsePlainDecimal(first, first + text.size(), out)
           || detail::parseNumberSlow(text, out);
}

/// parseNumber() as an optional.
std::optional<double> parseNumber(std::string_view text);

/// `text` without leading and trailing spaces, tabs and carriage returns.
inline std::string_view trimSpaces(std::string_view text);

namespace detail {
std::string_view trimSpacesSlow(std::string_view text);
inline bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}
} // namespace detail

inline std::string_view trimSpaces(std::string_view text)
{
    if (text.empty() || (!detail::isSpace(text.front()) && !detail::isSpace(text.back())))
        return text; // the usual case, inline
    return detail::trimSpacesSlow(text);
}

} // namespace core

// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/logs/SizeText.h"

#include "core/io/NumberParser.h"

#include <cmath>
#include <string>

namespace core {

std::optional<double> parseSizeText(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    if (text.empty())
        return std::nullopt;
    // parseNumber reads the upper-case suffixes as the exact decimal they denote ("2.8B" is
    // 2.8e9 correctly rounded); model names write them in lower case too ("70m", "1.4b").
    std::string upper(text);
    switch (upper.back()) {
    case 'm': upper.back() = 'M'; break;
    case 'b': upper.back() = 'B'; break;
    case 'g': upper.back() = 'G'; break;
    case 't': upper.back() = 'T'; break;
    default: break;
    }
    double value = 0;
    if (!parseNumber(upper, value) || !std::isfinite(value))
        return std::nullopt;
    return value;
}

} // namespace core

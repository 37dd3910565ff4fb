// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/data/AttributeValue.h"

#include <cstdio>
#include <cstdlib>

namespace core {

std::string attributeToString(const AttributeValue& v)
{
    if (const auto* s = std::get_if<std::string>(&v))
        return *s;
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", std::get<double>(v));
    // Prefer the shortest form that round-trips.
    for (int digits = 1; digits <= 17; ++digits) {
        char shorter[40];
        std::snprintf(shorter, sizeof shorter, "%.*g", digits, std::get<double>(v));
        if (std::strtod(shorter, nullptr) == std::get<double>(v))
            return shorter;
    }
    return buf;
}

} // namespace core

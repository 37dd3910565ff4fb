// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/util/NumberText.h"

#include <cstdio>
#include <cstdlib>

namespace core {

std::string shortestText(double v)
{
    char buf[40];
    for (int digits = 1; digits <= 17; ++digits) {
        std::snprintf(buf, sizeof buf, "%.*g", digits, v);
        if (std::strtod(buf, nullptr) == v)
            return buf;
    }
    return buf; // NaN never compares equal: "%.17g" of it
}

std::string significantText(double v, int digits)
{
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.*g", digits, v);
    return buf;
}

} // namespace core

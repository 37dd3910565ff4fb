// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/util/NumberText.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace core {

std::string shortestText(double v)
{
    char buf[40];
    for (int digits = 1; digits <= 17; ++digits) {
        std::snprintf(buf, sizeof buf, "%.*g", digits, v);
        if (std::strtod(buf, nullptr) != v)
            continue;
        // "%g" writes 300 as "3e+02" when one digit suffices; below 1e7 whole digits read better
        // ("300", "143000", "2097152") and say the same number.
        const double a = std::fabs(v);
        if (a >= 1.0 && a < 1e7) {
            const int whole = static_cast<int>(std::floor(std::log10(a))) + 1;
            if (whole > digits)
                std::snprintf(buf, sizeof buf, "%.*g", whole, v);
        }
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

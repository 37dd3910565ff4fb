// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/util/Quantile.h"

#include <algorithm>
#include <cmath>

namespace core {

double quantile(std::vector<double> values, double q)
{
    std::sort(values.begin(), values.end());
    const double pos = q * static_cast<double>(values.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(pos));
    const std::size_t hi = std::min(lo + 1, values.size() - 1);
    return values[lo] + (pos - static_cast<double>(lo)) * (values[hi] - values[lo]);
}

} // namespace core

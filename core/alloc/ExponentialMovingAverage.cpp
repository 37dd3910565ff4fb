// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/alloc/ExponentialMovingAverage.h"

namespace core {

std::vector<double> exponentialMovingAverage(std::span<const double> x, double factor)
{
    std::vector<double> s(x.begin(), x.end());
    for (std::size_t i = 1; i < s.size(); ++i)
        s[i] = factor * s[i - 1] + (1.0 - factor) * x[i];
    return s;
}

} // namespace core

// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/data/Sweep.h"

namespace core {

std::size_t Sweep::pointCount() const
{
    std::size_t n = 0;
    for (const Run& r : runs)
        n += r.pointCount();
    return n;
}

std::map<std::string, std::size_t> Sweep::metricPointCounts() const
{
    std::map<std::string, std::size_t> counts;
    for (const Run& r : runs)
        for (const Curve& c : r.curves)
            counts[c.metric] += c.size();
    return counts;
}

} // namespace core

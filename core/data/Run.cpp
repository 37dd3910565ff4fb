// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/data/Run.h"

namespace core {

const Curve* Run::curve(const std::string& metric) const
{
    for (const Curve& c : curves)
        if (c.metric == metric)
            return &c;
    return nullptr;
}

double Run::finalValue() const
{
    if (curves.empty() || curves.front().size() == 0)
        return kUnknown;
    return curves.front().value.back();
}

std::size_t Run::pointCount() const
{
    std::size_t n = 0;
    for (const Curve& c : curves)
        n += c.size();
    return n;
}

} // namespace core

// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/data/SweepSummary.h"

#include <algorithm>
#include <cmath>

namespace core {

namespace {

void widen(std::map<Role, std::pair<double, double>>& ranges, Role role, double v)
{
    const bool ok = role == Role::Step ? std::isfinite(v) : (std::isfinite(v) && v > 0.0);
    if (!ok)
        return;
    auto [it, inserted] = ranges.try_emplace(role, v, v);
    if (!inserted) {
        it->second.first = std::min(it->second.first, v);
        it->second.second = std::max(it->second.second, v);
    }
}

} // namespace

SweepSummary SweepSummary::of(const Sweep& sweep)
{
    SweepSummary s;
    for (const Run& run : sweep.runs) {
        widen(s.ranges, Role::N, run.N);
        widen(s.ranges, Role::Budget, run.budget);
        for (const Curve& c : run.curves) {
            for (std::size_t i = 0; i < c.size(); ++i) {
                widen(s.ranges, Role::D, c.tokens[i]);
                widen(s.ranges, Role::C, c.flops[i]);
                widen(s.ranges, Role::Loss, c.value[i]);
                widen(s.ranges, Role::Step, c.step[i]);
            }
        }
    }
    return s;
}

} // namespace core

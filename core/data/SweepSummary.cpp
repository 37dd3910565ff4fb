// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/data/SweepSummary.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace core {

namespace {

/// Running [min, max] of the accepted values of one role; plain doubles, no map per value.
struct Span {
    double lo = std::numeric_limits<double>::infinity();
    double hi = -std::numeric_limits<double>::infinity();
    bool any = false;

    void add(double v)
    {
        lo = std::min(lo, v);
        hi = std::max(hi, v);
        any = true;
    }
};

bool positive(double v)
{
    return v > 0.0 && v < std::numeric_limits<double>::infinity(); // false for NaN
}

/// Widens `span` by the finite (and, unless `stepRole`, positive) values of `values`.
/// Branch-free select and compare-style min/max so the loop vectorises; a rejected value
/// (including NaN) becomes +inf for the minimum and -inf for the maximum.
void widenAll(Span& span, const std::vector<double>& values, bool stepRole)
{
    constexpr double kInf = std::numeric_limits<double>::infinity();
    const double floor = stepRole ? -kInf : 0.0; // accepted: floor < v < inf
    double lo = span.lo, hi = span.hi;
    for (const double v : values) {
        const bool ok = v > floor && v < kInf;
        const double forLo = ok ? v : kInf;
        const double forHi = ok ? v : -kInf;
        lo = forLo < lo ? forLo : lo;
        hi = forHi > hi ? forHi : hi;
    }
    span.lo = lo;
    span.hi = hi;
    span.any = span.any || lo <= hi;
}

} // namespace

SweepSummary SweepSummary::of(const Sweep& sweep)
{
    std::array<Span, kAllRoles.size()> spans{};
    const auto at = [&spans](Role r) -> Span& { return spans[static_cast<std::size_t>(r)]; };
    for (const Run& run : sweep.runs) {
        if (positive(run.N))
            at(Role::N).add(run.N);
        if (positive(run.budget))
            at(Role::Budget).add(run.budget);
        for (const Curve& c : run.curves) {
            widenAll(at(Role::D), c.tokens, false);
            widenAll(at(Role::C), c.flops, false);
            widenAll(at(Role::Loss), c.value, false);
            widenAll(at(Role::Step), c.step, true);
        }
    }
    SweepSummary s;
    for (const Role role : kAllRoles)
        if (at(role).any)
            s.ranges.emplace(role, std::pair{at(role).lo, at(role).hi});
    return s;
}

} // namespace core

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

/// Min and max of the values of [first, last) with floor < v < inf (others, NaN included,
/// count as +inf for the minimum and -inf for the maximum), in file order: ties between -0 and
/// +0 go to the earlier value, as with std::min/std::max.
void scan(const double* first, const double* last, double floor, double& lo, double& hi)
{
    constexpr double kInf = std::numeric_limits<double>::infinity();
    for (; first < last; ++first) {
        const double v = *first;
        const bool ok = v > floor && v < kInf;
        const double forLo = ok ? v : kInf;
        const double forHi = ok ? v : -kInf;
        lo = forLo < lo ? forLo : lo;
        hi = forHi > hi ? forHi : hi;
    }
}

/// Widens `span` by the finite (and, unless `stepRole`, positive) values of `values`.
/// Four interleaved accumulators keep the min/max dependency chains short; when a result is
/// zero (where -0 and +0 tie and order matters) the values are scanned again in order.
void widenAll(Span& span, const std::vector<double>& values, bool stepRole)
{
    constexpr double kInf = std::numeric_limits<double>::infinity();
    const double floor = stepRole ? -kInf : 0.0; // accepted: floor < v < inf
    const double* const data = values.data();
    const std::size_t n = values.size();
    double lo[4] = {kInf, kInf, kInf, kInf};
    double hi[4] = {-kInf, -kInf, -kInf, -kInf};
    std::size_t i = 0;
    for (; i + 4 <= n; i += 4)
        for (std::size_t k = 0; k < 4; ++k) {
            const double v = data[i + k];
            const bool ok = v > floor && v < kInf;
            const double forLo = ok ? v : kInf;
            const double forHi = ok ? v : -kInf;
            lo[k] = forLo < lo[k] ? forLo : lo[k];
            hi[k] = forHi > hi[k] ? forHi : hi[k];
        }
    double low = std::min(std::min(lo[0], lo[1]), std::min(lo[2], lo[3]));
    double high = std::max(std::max(hi[0], hi[1]), std::max(hi[2], hi[3]));
    scan(data + i, data + n, floor, low, high);
    if (low == 0.0 || high == 0.0) { // -0 vs +0: let the first one win, as a plain scan does
        low = kInf;
        high = -kInf;
        scan(data, data + n, floor, low, high);
    }
    double outLo = span.lo, outHi = span.hi;
    scan(&low, &low + 1, -kInf, outLo, outHi);
    scan(&high, &high + 1, -kInf, outLo, outHi);
    span.lo = outLo;
    span.hi = outHi;
    span.any = span.any || low <= high;
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

// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/alloc/IsoFlopGrouping.h"

#include "core/util/NumberText.h"

#include <algorithm>
#include <cmath>

namespace core {

namespace {

bool usable(double v)
{
    return std::isfinite(v) && v > 0.0;
}

} // namespace

tl::expected<IsoFlopGrouping, Error> IsoFlopGrouping::make(std::span<const IsoFlopPoint> points,
                                                           const IsoFlopOptions& options)
{
    const bool anyBudget =
        std::any_of(points.begin(), points.end(), [](const IsoFlopPoint& p) { return usable(p.budget); });
    IsoFlopGrouping g;
    switch (options.grouping) {
    case IsoFlopOptions::Grouping::Auto:
        g.byBudget = anyBudget;
        break;
    case IsoFlopOptions::Grouping::Budget:
        if (!anyBudget)
            return tl::make_unexpected(
                Error::forParameter("--group", "grouping by budget, but no run has a budget"));
        g.byBudget = true;
        break;
    case IsoFlopOptions::Grouping::BinnedC:
        g.byBudget = false;
        break;
    }
    if (!g.byBudget && !(std::isfinite(options.cToleranceDex) && options.cToleranceDex > 0.0))
        return tl::make_unexpected(Error::forParameter("--group", "the C tolerance must be > 0 (decades)"));

    // Key: log10 of the budget or of C; points without one are not grouped.
    std::vector<std::pair<double, std::size_t>> keyed;
    for (std::size_t i = 0; i < points.size(); ++i) {
        const double v = g.byBudget ? points[i].budget : points[i].C;
        if (usable(v))
            keyed.emplace_back(std::log10(v), i);
        else
            ++g.ungrouped;
    }
    std::stable_sort(keyed.begin(), keyed.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    // Budgets: equal within a relative 1e-9 (log10 difference under 1e-9 / ln 10).
    const double gap = g.byBudget ? 1e-9 / std::log(10.0) : options.cToleranceDex;
    for (std::size_t k = 0; k < keyed.size(); ++k) {
        if (k == 0 || keyed[k].first - keyed[k - 1].first > gap)
            g.groups.emplace_back();
        g.groups.back().members.push_back(keyed[k].second);
    }
    for (Group& group : g.groups) {
        double sumLog = 0.0, lo = HUGE_VAL, hi = -HUGE_VAL;
        for (std::size_t i : group.members) {
            const double l = std::log10(g.byBudget ? points[i].budget : points[i].C);
            sumLog += l;
            lo = std::min(lo, l);
            hi = std::max(hi, l);
        }
        group.C = g.byBudget ? points[group.members.front()].budget
                             : std::pow(10.0, sumLog / static_cast<double>(group.members.size()));
        group.spanDex = g.byBudget ? 0.0 : hi - lo;
    }
    g.description =
        g.byBudget ? "by the budget column (equal budgets form one profile)"
                   : "by C: runs sorted by C, a new profile where consecutive log10 C differ by more than " +
                         shortestText(options.cToleranceDex) + "; C = geometric mean of the profile's runs";
    return g;
}

} // namespace core

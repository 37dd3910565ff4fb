// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/alloc/SeedAveraging.h"

#include "core/util/NumberText.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace core {

namespace {

} // namespace

std::string seedMateKey(const Run& run, const std::string& seedColumn)
{
    std::string key = shortestText(run.N);
    for (const auto& [name, value] : run.attributes) {
        if (name == seedColumn)
            continue;
        key += '\x1f';
        key += name;
        key += '\x1e';
        // Appended piecewise: '"n" + string' trips GCC 12's -Wrestrict false positive at -O3.
        key += value.index() == 0 ? 'n' : 't';
        key += value.index() == 0 ? shortestText(std::get<double>(value)) : std::get<std::string>(value);
    }
    return key;
}

namespace {

EnvelopeCurve average(const std::vector<const EnvelopeCurve*>& mates, double lo, double hi)
{
    EnvelopeCurve out;
    out.run = mates.front()->run;
    out.N = mates.front()->N;
    std::vector<double> grid;
    for (const EnvelopeCurve* m : mates) {
        out.runs.insert(out.runs.end(), m->runs.begin(), m->runs.end());
        for (double x : m->lnC)
            if (x >= lo && x <= hi)
                grid.push_back(x);
    }
    grid.push_back(lo);
    grid.push_back(hi);
    std::sort(grid.begin(), grid.end());
    grid.erase(std::unique(grid.begin(), grid.end()), grid.end());
    std::sort(out.runs.begin(), out.runs.end());
    const double n = static_cast<double>(mates.size());
    for (double x : grid) {
        double loss = 0.0, lnTokens = 0.0;
        for (const EnvelopeCurve* m : mates) {
            loss += m->lossAt(x);
            lnTokens += m->lnTokensAt(x);
        }
        out.lnC.push_back(x);
        out.lnLoss.push_back(std::log(loss / n));
        out.lnTokens.push_back(lnTokens / n);
    }
    return out;
}

} // namespace

SeedAveraging averageSeedMates(std::vector<EnvelopeCurve>& curves, const Sweep& sweep,
                               const std::string& seedColumn)
{
    SeedAveraging stats;
    if (seedColumn.empty())
        return stats;
    std::map<std::string, std::vector<std::size_t>> groups; // key -> indices into curves
    for (std::size_t i = 0; i < curves.size(); ++i) {
        const Run& run = sweep.runs[curves[i].run];
        if (run.attributes.count(seedColumn) != 0)
            groups[seedMateKey(run, seedColumn)].push_back(i);
    }
    std::vector<char> drop(curves.size(), 0);
    std::vector<std::pair<std::size_t, EnvelopeCurve>> replacements; // position -> averaged curve
    for (const auto& [key, members] : groups) {
        if (members.size() < 2)
            continue;
        double lo = -HUGE_VAL, hi = HUGE_VAL;
        std::vector<const EnvelopeCurve*> mates;
        for (std::size_t i : members) {
            mates.push_back(&curves[i]);
            lo = std::max(lo, curves[i].lnC.front());
            hi = std::min(hi, curves[i].lnC.back());
        }
        if (!(lo < hi)) {
            ++stats.disjoint;
            continue;
        }
        replacements.emplace_back(members.front(), average(mates, lo, hi));
        for (std::size_t i : members)
            drop[i] = 1;
        ++stats.groups;
        stats.runsMerged += members.size();
    }
    for (auto& [position, curve] : replacements) {
        curves[position] = std::move(curve);
        drop[position] = 0;
    }
    std::vector<EnvelopeCurve> kept;
    for (std::size_t i = 0; i < curves.size(); ++i)
        if (!drop[i])
            kept.push_back(std::move(curves[i]));
    curves = std::move(kept);
    return stats;
}

} // namespace core

// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/plot/SeedBands.h"

#include "core/alloc/ExponentialMovingAverage.h"
#include "core/alloc/SeedAveraging.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace core {

namespace {

/// Loss at `x` by linear interpolation in (ln x, ln loss) on ascending points; NaN outside.
double lossAt(const PlotPoints& p, double x)
{
    if (p.size() == 0 || x < p.x.front() || x > p.x.back())
        return std::nan("");
    const auto it = std::lower_bound(p.x.begin(), p.x.end(), x);
    const auto i = static_cast<std::size_t>(it - p.x.begin());
    if (p.x[i] == x || i == 0)
        return p.y[i];
    const double t = (std::log(x) - std::log(p.x[i - 1])) / (std::log(p.x[i]) - std::log(p.x[i - 1]));
    return std::exp(std::log(p.y[i - 1]) + t * (std::log(p.y[i]) - std::log(p.y[i - 1])));
}

} // namespace

PlotPoints smoothPlotPoints(const PlotPoints& points, double factor)
{
    if (!(factor > 0.0) || factor >= 1.0)
        return points;
    PlotPoints out = points;
    out.y = exponentialMovingAverage(points.y, factor);
    return out;
}

std::vector<SeedBand> seedBands(const Sweep& sweep, const std::vector<std::size_t>& runs, const std::string& seedColumn,
                                XQuantity x, double factor)
{
    std::vector<SeedBand> out;
    if (seedColumn.empty() || x == XQuantity::N)
        return out;
    std::map<std::string, std::vector<std::size_t>> groups;
    for (std::size_t r : runs)
        if (r < sweep.runs.size() && sweep.runs[r].attributes.count(seedColumn) != 0 && !sweep.runs[r].curves.empty())
            groups[seedMateKey(sweep.runs[r], seedColumn)].push_back(r);
    for (auto& [key, mates] : groups) {
        if (mates.size() < 2)
            continue;
        std::vector<PlotPoints> curves;
        double lo = -HUGE_VAL, hi = HUGE_VAL;
        for (std::size_t r : mates) {
            PlotPoints p = smoothPlotPoints(logPlotPoints(sweep.runs[r], sweep.runs[r].curves.front(), x), factor);
            if (p.size() < 2) {
                lo = HUGE_VAL; // a mate without a curve: leave the group alone
                break;
            }
            lo = std::max(lo, p.x.front());
            hi = std::min(hi, p.x.back());
            curves.push_back(std::move(p));
        }
        if (!(lo < hi))
            continue;
        std::vector<double> grid;
        for (const PlotPoints& p : curves)
            for (double v : p.x)
                if (v >= lo && v <= hi)
                    grid.push_back(v);
        std::sort(grid.begin(), grid.end());
        grid.erase(std::unique(grid.begin(), grid.end()), grid.end());
        SeedBand band;
        band.runs = mates;
        std::sort(band.runs.begin(), band.runs.end());
        for (double v : grid) {
            double sum = 0.0, mn = HUGE_VAL, mx = -HUGE_VAL;
            bool ok = true;
            for (const PlotPoints& p : curves) {
                const double y = lossAt(p, v);
                if (!(std::isfinite(y) && y > 0)) {
                    ok = false;
                    break;
                }
                sum += y;
                mn = std::min(mn, y);
                mx = std::max(mx, y);
            }
            if (!ok)
                continue;
            band.mean.x.push_back(v);
            band.mean.y.push_back(sum / static_cast<double>(curves.size()));
            band.lower.push_back(mn);
            band.upper.push_back(mx);
        }
        if (band.mean.size() >= 2)
            out.push_back(std::move(band));
    }
    return out;
}

} // namespace core

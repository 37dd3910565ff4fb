// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/fit/FitSelection.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace core {

namespace {

struct Picked {
    double N, D, C, y, U;
    std::size_t run;
};

bool usable(double v)
{
    return std::isfinite(v) && v > 0.0;
}

} // namespace

tl::expected<FitData, Error> FitSelection::select(const Sweep& sweep) const
{
    std::vector<Picked> picked;
    for (std::size_t r = 0; r < sweep.runs.size(); ++r) {
        const Run& run = sweep.runs[r];
        if (run.curves.empty() || run.curves.front().size() == 0 || !usable(run.N))
            continue;
        const Curve& c = run.curves.front();
        auto ok = [&](std::size_t i) { return usable(c.tokens[i]) && usable(c.flops[i]) && usable(c.value[i]); };
        const double unique = usable(run.U) ? run.U : 0.0;
        auto take = [&](std::size_t i) { picked.push_back({run.N, c.tokens[i], c.flops[i], c.value[i], unique, r}); };
        switch (points) {
        case Points::Final:
            if (ok(c.size() - 1))
                take(c.size() - 1);
            break;
        case Points::Min: {
            std::size_t best = c.size();
            for (std::size_t i = 0; i < c.size(); ++i)
                if (ok(i) && (best == c.size() || c.value[i] < c.value[best]))
                    best = i;
            if (best < c.size())
                take(best);
            break;
        }
        case Points::All:
            for (std::size_t i = 0; i < c.size(); ++i)
                if (ok(i))
                    take(i);
            break;
        }
    }
    if (excludeTopLoss > 0) {
        // Drop the K highest losses (ties: the later point first), keep the rest in order.
        std::vector<std::size_t> order(picked.size());
        std::iota(order.begin(), order.end(), std::size_t{0});
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return picked[a].y > picked[b].y; });
        std::vector<char> drop(picked.size(), 0);
        for (std::size_t k = 0; k < std::min(excludeTopLoss, order.size()); ++k)
            drop[order[k]] = 1;
        std::vector<Picked> kept;
        for (std::size_t i = 0; i < picked.size(); ++i)
            if (!drop[i])
                kept.push_back(picked[i]);
        picked = std::move(kept);
    }
    if (picked.empty()) {
        Error e;
        e.file = sweep.sourcePath;
        e.parameter = "--points";
        e.message = "no usable point to fit (N, D, C and loss must be finite and > 0)";
        return tl::make_unexpected(e);
    }
    FitData d;
    const auto n = static_cast<Eigen::Index>(picked.size());
    d.N.resize(n);
    d.D.resize(n);
    d.C.resize(n);
    d.x.resize(n);
    d.y.resize(n);
    d.U.resize(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        const Picked& p = picked[static_cast<std::size_t>(i)];
        d.N[i] = p.N;
        d.D[i] = p.D;
        d.C[i] = p.C;
        d.x[i] = x == XQuantity::N ? p.N : (x == XQuantity::D ? p.D : p.C);
        d.y[i] = p.y;
        d.U[i] = p.U;
        d.run.push_back(p.run);
    }
    return d;
}

} // namespace core

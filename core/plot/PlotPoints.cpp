// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/plot/PlotPoints.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace core {

std::string_view xQuantityName(XQuantity q)
{
    switch (q) {
    case XQuantity::N: return "N";
    case XQuantity::D: return "D";
    case XQuantity::C: return "C";
    }
    return "?";
}

std::optional<XQuantity> xQuantityFromName(std::string_view name)
{
    for (XQuantity q : {XQuantity::N, XQuantity::D, XQuantity::C})
        if (xQuantityName(q) == name)
            return q;
    return std::nullopt;
}

PlotPoints logPlotPoints(const Run& run, const Curve& curve, XQuantity q)
{
    auto valid = [](double v) { return std::isfinite(v) && v > 0.0; };
    PlotPoints out;
    const std::size_t n = curve.size();
    out.x.reserve(n);
    out.y.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        double x = 0.0;
        switch (q) {
        case XQuantity::N: x = run.N; break;
        case XQuantity::D: x = curve.tokens[i]; break;
        case XQuantity::C: x = curve.flops[i]; break;
        }
        const double y = curve.value[i];
        if (valid(x) && valid(y)) {
            out.x.push_back(x);
            out.y.push_back(y);
        }
    }
    // Logs may be out of order (resumed runs, merged files): draw a curve in x order.
    if (!std::is_sorted(out.x.begin(), out.x.end())) {
        std::vector<std::size_t> order(out.size());
        std::iota(order.begin(), order.end(), std::size_t{0});
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return out.x[a] < out.x[b]; });
        PlotPoints sorted;
        sorted.x.reserve(order.size());
        sorted.y.reserve(order.size());
        for (std::size_t i : order) {
            sorted.x.push_back(out.x[i]);
            sorted.y.push_back(out.y[i]);
        }
        return sorted;
    }
    return out;
}

} // namespace core

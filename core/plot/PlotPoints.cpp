// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/plot/PlotPoints.h"

#include <cmath>

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
    return out;
}

} // namespace core

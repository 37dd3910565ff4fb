// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/fit/StartPoints.h"

#include "core/fit/HuberChinchillaFit.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace core {

namespace {

/// The sampling interval of one parameter, in log space when `log` is set.
struct Box {
    double lo = 0.0;
    double hi = 0.0;
    bool log = false;
    double sign = 1.0;
};

Box boxFor(double s, double lower, double upper)
{
    Box b;
    if (s != 0.0 && std::isfinite(s)) {
        // Magnitudes log-uniform around |s|, keeping its sign; clipped to the bounds below.
        const double factor = std::isfinite(upper) || (std::isfinite(lower) && lower < 0.0) ? 10.0 : 100.0;
        b.log = true;
        b.sign = s < 0.0 ? -1.0 : 1.0;
        b.lo = std::log(std::abs(s) / factor);
        b.hi = std::log(std::abs(s) * factor);
    } else {
        b.lo = -1.0;
        b.hi = 1.0;
    }
    return b;
}

} // namespace

std::vector<std::vector<double>> latinHypercubeStarts(const Law& law, const ParameterMap& map,
                                                      std::vector<double> start, std::size_t count, std::uint64_t seed)
{
    const auto specs = law.parameters();
    if (start.size() != specs.size()) {
        start.clear();
        for (const ParameterSpec& s : specs)
            start.push_back(s.start);
    }
    start = map.normalise(start);
    std::vector<std::vector<double>> out(count, start);
    if (count == 0)
        return out;
    std::mt19937_64 rng(seed);
    std::vector<std::size_t> strata(count);
    for (std::size_t j = 0; j < map.freeCount(); ++j) {
        const std::size_t i = map.leaderOf(j);
        const Box box = boxFor(start[i], map.lower(i), map.upper(i));
        std::iota(strata.begin(), strata.end(), std::size_t{0});
        std::shuffle(strata.begin(), strata.end(), rng);
        for (std::size_t k = 0; k < count; ++k) {
            const double u = (static_cast<double>(strata[k]) + std::generate_canonical<double, 53>(rng))
                             / static_cast<double>(count);
            const double v = box.lo + u * (box.hi - box.lo);
            const double value = box.log ? box.sign * std::exp(v) : v;
            out[k][i] = std::clamp(value, map.lower(i), map.upper(i));
        }
    }
    for (auto& p : out)
        p = map.normalise(p);
    return out;
}

std::vector<std::vector<double>> hoffmannStarts()
{
    // The grid is defined once, in HuberChinchillaOptions::hoffmannGrid() (log A, log B, log E).
    const HuberChinchillaOptions g = HuberChinchillaOptions::hoffmannGrid();
    std::vector<std::vector<double>> out;
    out.reserve(g.alpha.size() * g.beta.size() * g.e.size() * g.a.size() * g.b.size());
    for (double alpha : g.alpha)
        for (double beta : g.beta)
            for (double e : g.e)
                for (double a : g.a)
                    for (double b : g.b)
                        out.push_back({std::exp(e), std::exp(a), std::exp(b), alpha, beta});
    return out;
}

} // namespace core

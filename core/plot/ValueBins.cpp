// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/plot/ValueBins.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>

namespace core {

namespace {

/// Gaps between neighbours, in log10 when all values are > 0.
std::vector<double> gapsOf(const std::vector<double>& sorted)
{
    const bool useLog = sorted.front() > 0.0;
    std::vector<double> gaps(sorted.size() - 1);
    for (std::size_t i = 0; i + 1 < sorted.size(); ++i)
        gaps[i] = useLog ? std::log10(sorted[i + 1]) - std::log10(sorted[i]) : sorted[i + 1] - sorted[i];
    return gaps;
}

} // namespace

std::vector<std::size_t> valueBins(const std::vector<double>& sorted, std::size_t maxBins, double separation)
{
    const std::size_t n = sorted.size();
    if (n == 0 || maxBins == 0 || maxBins >= n)
        return naturalBreaks(sorted, maxBins);
    std::vector<double> gaps = gapsOf(sorted);
    std::sort(gaps.begin(), gaps.end(), std::greater<>());
    // With b bins the cuts are gaps[0..b-2]; the widest gap left inside a bin is gaps[b-1].
    for (std::size_t bins = maxBins; bins >= 2; --bins) {
        if (!(gaps[bins - 2] >= separation * gaps[bins - 1] && gaps[bins - 2] > 0.0))
            continue;
        // A cluster must hold a fair share of the values (at least a quarter of an even share),
        // so a lone extreme value does not count as one.
        std::vector<std::size_t> starts = naturalBreaks(sorted, bins);
        std::size_t smallest = n;
        for (std::size_t b = 0; b < starts.size(); ++b)
            smallest = std::min(smallest, (b + 1 < starts.size() ? starts[b + 1] : n) - starts[b]);
        if (4 * bins * smallest >= n)
            return starts;
    }
    std::vector<std::size_t> starts;
    for (std::size_t b = 0; b < maxBins; ++b) {
        const std::size_t start = b * n / maxBins;
        if (starts.empty() || start > starts.back())
            starts.push_back(start);
    }
    return starts;
}

std::vector<std::size_t> naturalBreaks(const std::vector<double>& sorted, std::size_t maxBins, bool logScale)
{
    const std::size_t n = sorted.size();
    if (n == 0 || maxBins == 0)
        return {};
    if (maxBins >= n) {
        std::vector<std::size_t> all(n);
        std::iota(all.begin(), all.end(), std::size_t{0});
        return all;
    }
    const bool useLog = logScale && sorted.front() > 0.0;
    auto at = [&](std::size_t i) { return useLog ? std::log10(sorted[i]) : sorted[i]; };
    // gap[i] lies between sorted[i] and sorted[i + 1]; a cut there starts a bin at i + 1.
    std::vector<std::size_t> cuts(n - 1);
    std::iota(cuts.begin(), cuts.end(), std::size_t{0});
    std::stable_sort(cuts.begin(), cuts.end(),
                     [&](std::size_t a, std::size_t b) { return at(a + 1) - at(a) > at(b + 1) - at(b); });
    cuts.resize(maxBins - 1);
    std::sort(cuts.begin(), cuts.end());
    std::vector<std::size_t> starts{0};
    for (std::size_t c : cuts)
        starts.push_back(c + 1);
    return starts;
}

} // namespace core

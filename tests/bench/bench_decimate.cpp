// SPDX-License-Identifier: GPL-3.0-or-later
// Re-decimation cost on the GUI thread: 400 curves x 20,000 points (8M points, as in the 8M-row
// load benchmark), decimated to the chart's per-curve column budget for the full and a zoomed view.
#include "core/plot/Decimator.h"

#include <benchmark/benchmark.h>

#include <cmath>
#include <vector>

namespace {

std::vector<core::PlotPoints> sweepOfCurves(std::size_t runs, std::size_t points)
{
    std::vector<core::PlotPoints> all(runs);
    for (std::size_t r = 0; r < runs; ++r) {
        auto& p = all[r];
        p.x.resize(points);
        p.y.resize(points);
        for (std::size_t i = 0; i < points; ++i) {
            p.x[i] = 524288.0 * static_cast<double>(i + 1); // tokens at 2^19 per step
            p.y[i] = 1.69 + 406.4 / std::pow(1e7 * (1.0 + static_cast<double>(r)), 0.34) +
                     410.7 / std::pow(p.x[i], 0.28);
        }
    }
    return all;
}

void decimateAll(benchmark::State& state, double xMin, double xMax, bool sortedInput)
{
    auto all = sweepOfCurves(400, 20000);
    if (!sortedInput)
        for (auto& p : all) // reversed order forces the general (one log10 per point) path
            for (std::size_t i = 0, j = p.size() - 1; i < j; ++i, --j) {
                std::swap(p.x[i], p.x[j]);
                std::swap(p.y[i], p.y[j]);
            }
    const int columns = 125; // 200k-point budget / (4 x 400 curves), as the chart uses
    for (auto _ : state) {
        std::size_t total = 0;
        for (const auto& p : all)
            total += core::decimateLogMinMax(p, xMin, xMax, columns).size();
        benchmark::DoNotOptimize(total);
    }
    state.SetItemsProcessed(state.iterations() * 400 * 20000);
}

void BM_FullView(benchmark::State& s) { decimateAll(s, 5e5, 1.1e10, true); }
void BM_ZoomedDecade(benchmark::State& s) { decimateAll(s, 1e8, 1e9, true); }
void BM_FullViewUnsorted(benchmark::State& s) { decimateAll(s, 5e5, 1.1e10, false); }

} // namespace

BENCHMARK(BM_FullView)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ZoomedDecade)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FullViewUnsorted)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();

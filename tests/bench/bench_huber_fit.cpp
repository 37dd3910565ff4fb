// SPDX-License-Identifier: GPL-3.0-or-later
// Chinchilla approach-3 Huber fit (delta 1e-3) from Hoffmann's 4,500 starts on Epoch's 240 points,
// on all hardware threads. Plain timing program: prints every run, the best and the median.
// Usage: bench_huber_fit [runs=7] [csv=<shared data>/epoch-chinchilla-replication/svg_extracted_data.csv]
#include "core/fit/HuberChinchillaFit.h"
#include "core/io/Importers.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

int main(int argc, char** argv)
{
    const int runs = argc > 1 ? std::atoi(argv[1]) : 7;
    const std::string path = argc > 2 ? argv[2]
                                      : std::string(SCALELAB_SHARED_DATA_DIR) +
                                            "/epoch-chinchilla-replication/svg_extracted_data.csv";
    const auto sweep = core::importFile(path);
    if (!sweep) {
        std::fprintf(stderr, "%s\n", sweep.error().toString().c_str());
        return 1;
    }
    std::vector<const core::Run*> rs;
    for (const core::Run& r : sweep->runs)
        rs.push_back(&r);
    std::stable_sort(rs.begin(), rs.end(), [](auto* x, auto* y) { return x->finalValue() > y->finalValue(); });
    rs.erase(rs.begin(), rs.begin() + 5); // Epoch drops the 5 highest losses
    core::FitData d;
    const auto n = static_cast<Eigen::Index>(rs.size());
    d.N.resize(n);
    d.D.resize(n);
    d.y.resize(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        d.N[i] = rs[static_cast<std::size_t>(i)]->N;
        d.D[i] = rs[static_cast<std::size_t>(i)]->D;
        d.y[i] = rs[static_cast<std::size_t>(i)]->finalValue();
    }
    std::printf("points %lld, threads %u\n", static_cast<long long>(n), std::thread::hardware_concurrency());
    std::vector<double> seconds;
    for (int k = 0; k < runs; ++k) {
        const auto t0 = std::chrono::steady_clock::now();
        const auto fit = core::fitChinchillaHuber(d);
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        if (!fit) {
            std::fprintf(stderr, "%s\n", fit.error().toString().c_str());
            return 1;
        }
        seconds.push_back(s);
        const auto& p = fit->result.params;
        std::printf("run %d: %.3f s  E %.5f A %.2f B %.2f alpha %.5f beta %.5f objective %.8g reached best %zu/%zu, %zu evaluations, %zu at iteration limit\n",
                    k + 1, s, p[0], p[1], p[2], p[3], p[4], fit->result.objective, fit->stats.reachedBest,
                    fit->stats.starts, fit->stats.evaluations, fit->stats.iterationLimit);
    }
    std::sort(seconds.begin(), seconds.end());
    std::printf("best %.3f s, median %.3f s over %d runs\n", seconds.front(), seconds[seconds.size() / 2], runs);
    return 0;
}

// SPDX-License-Identifier: GPL-3.0-or-later
// Chinchilla approach-3 Huber fit (delta 1e-3) from Hoffmann's 4,500 starts on Epoch's 240 points,
// on all hardware threads. Plain timing program: prints every run (wall and CPU seconds of the
// fit call, file loading excluded), the best and the median, and the evaluation kernel in use.
// Usage: bench_huber_fit [runs=7] [threads=0 (all)] [kernel=auto|portable|avx2|avx512|reference]
//                        [csv=<shared data>/epoch-chinchilla-replication/svg_extracted_data.csv]
#include "core/fit/HuberChinchillaFit.h"
#include "core/fit/HuberChinchillaObjective.h"
#include "core/io/Importers.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <thread>
#include <vector>

namespace {

double cpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const std::size_t m = v.size() / 2;
    return v.size() % 2 ? v[m] : 0.5 * (v[m - 1] + v[m]);
}

} // namespace

int main(int argc, char** argv)
{
    const int runs = argc > 1 ? std::atoi(argv[1]) : 7;
    const unsigned threads = argc > 2 ? static_cast<unsigned>(std::atoi(argv[2])) : 0u;
    using Kernel = core::HuberChinchillaObjective::Kernel;
    const std::string kernelArg = argc > 3 ? argv[3] : "auto";
    Kernel kernel = Kernel::Auto;
    if (kernelArg == "portable")
        kernel = Kernel::Portable;
    else if (kernelArg == "avx2")
        kernel = Kernel::Avx2;
    else if (kernelArg == "avx512")
        kernel = Kernel::Avx512;
    else if (kernelArg == "reference")
        kernel = Kernel::Reference;
    else if (kernelArg != "auto") {
        std::fprintf(stderr, "kernel: auto, portable, avx2, avx512 or reference\n");
        return 2;
    }
    const std::string path = argc > 4 ? argv[4]
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
    if (rs.size() <= 5) {
        std::fprintf(stderr, "%s: %zu runs, need more than 5\n", path.c_str(), rs.size());
        return 1;
    }
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
    core::HuberChinchillaOptions options;
    options.threads = threads;
    options.kernel = kernel;
    std::printf("points %lld, threads %u of %u, kernel %s (automatic: %s)\n", static_cast<long long>(n),
                threads ? threads : std::thread::hardware_concurrency(), std::thread::hardware_concurrency(),
                core::HuberChinchillaObjective::kernelName(kernel),
                core::HuberChinchillaObjective::kernelName(core::HuberChinchillaObjective::autoKernel()));
    std::vector<double> wall, cpu;
    for (int k = 0; k < runs; ++k) {
        const double c0 = cpuSeconds();
        const auto t0 = std::chrono::steady_clock::now();
        const auto fit = core::fitChinchillaHuber(d, options);
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        const double c = cpuSeconds() - c0;
        if (!fit) {
            std::fprintf(stderr, "%s\n", fit.error().toString().c_str());
            return 1;
        }
        wall.push_back(s);
        cpu.push_back(c);
        const auto& p = fit->result.params;
        const auto& st = fit->stats;
        std::printf("run %d: %.3f s wall, %.3f s CPU  E %.7f A %.5f B %.4f alpha %.7f beta %.8f objective %.10g; "
                    "converged %zu, reached best %zu/%zu, %zu optima, %zu evaluations (%.1f per start), %zu at "
                    "iteration limit\n",
                    k + 1, s, c, p[0], p[1], p[2], p[3], p[4], fit->result.objective, st.converged, st.reachedBest,
                    st.starts, st.distinctOptima, st.evaluations,
                    static_cast<double>(st.evaluations) / static_cast<double>(st.starts), st.iterationLimit);
    }
    std::printf("wall: best %.3f s, median %.3f s; CPU: median %.3f s; over %d runs\n",
                *std::min_element(wall.begin(), wall.end()), median(wall), median(cpu), runs);
    return 0;
}

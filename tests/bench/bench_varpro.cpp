// SPDX-License-Identifier: GPL-3.0-or-later
// Variable projection (core::variableProjection) with the default exponent grid on Epoch's 240
// points, law chinchilla, for huber-log (delta 1e-3) and lsq-log; plus a small 5 x 5 grid
// (bootstrap-sized) in one thread. Plain timing program: prints the best candidate, the best and
// the median time of each case.
// Usage: bench_varpro [runs=21] [threads=0 (all)] [csv=<shared data>/epoch-chinchilla-replication/svg_extracted_data.csv]
#include "core/fit/Laws.h"
#include "core/fit/VariableProjection.h"
#include "core/io/Importers.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

namespace {

core::FitData epochData(const std::string& path, bool& ok)
{
    core::FitData d;
    const auto sweep = core::importFile(path);
    ok = sweep.has_value();
    if (!ok) {
        std::fprintf(stderr, "%s\n", sweep.error().toString().c_str());
        return d;
    }
    std::vector<const core::Run*> rs;
    for (const core::Run& r : sweep->runs)
        rs.push_back(&r);
    std::stable_sort(rs.begin(), rs.end(), [](auto* x, auto* y) { return x->finalValue() > y->finalValue(); });
    rs.erase(rs.begin(), rs.begin() + 5); // Epoch drops the 5 highest losses
    const auto n = static_cast<Eigen::Index>(rs.size());
    d.N.resize(n);
    d.D.resize(n);
    d.y.resize(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        d.N[i] = rs[static_cast<std::size_t>(i)]->N;
        d.D[i] = rs[static_cast<std::size_t>(i)]->D;
        d.y[i] = rs[static_cast<std::size_t>(i)]->finalValue();
    }
    return d;
}

bool runCase(const char* name, const core::FitData& d, const core::FitRequest& req, const core::VarProGrid& grid,
             int runs)
{
    std::vector<double> ms;
    std::vector<core::VarProCandidate> last;
    for (int k = 0; k < runs; ++k) {
        const auto t0 = std::chrono::steady_clock::now();
        auto c = core::variableProjection(d, req, grid);
        const double t = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        if (!c) {
            std::fprintf(stderr, "%s: %s\n", name, c.error().toString().c_str());
            return false;
        }
        ms.push_back(t);
        last = std::move(*c);
    }
    std::sort(ms.begin(), ms.end());
    const auto& p = last.front().params;
    std::printf("%-28s best %8.3f ms  median %8.3f ms  (%zu candidates; best E %.5f A %.2f B %.2f alpha %.4f "
                "beta %.4f objective %.7g)\n",
                name, ms.front(), ms[ms.size() / 2], last.size(), p[0], p[1], p[2], p[3], p[4],
                last.front().objective);
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 21;
    const unsigned threads = argc > 2 ? static_cast<unsigned>(std::atoi(argv[2])) : 0u;
    const std::string path = argc > 3 ? argv[3]
                                      : std::string(SCALELAB_SHARED_DATA_DIR) +
                                            "/epoch-chinchilla-replication/svg_extracted_data.csv";
    bool ok = false;
    const core::FitData d = epochData(path, ok);
    if (!ok)
        return 1;
    std::printf("points %zu, threads %u (hardware %u), %d runs each\n", d.size(), threads,
                std::thread::hardware_concurrency(), runs);
    core::FitRequest req;
    req.law = core::lawById("chinchilla");
    req.threads = threads;
    const core::VarProGrid full;
    core::VarProGrid small;
    small.lower = 0.25;
    small.upper = 0.45;
    small.step = 0.05;
    for (core::Objective o : {core::Objective::HuberLog, core::Objective::LsqLog, core::Objective::Lsq}) {
        req.objective = o;
        req.threads = threads;
        const std::string name = core::objectiveName(o);
        if (!runCase((name + " 100x100").c_str(), d, req, full, runs))
            return 1;
        req.threads = 1;
        if (!runCase((name + " 5x5, 1 thread").c_str(), d, req, small, runs * 20))
            return 1;
    }
    return 0;
}

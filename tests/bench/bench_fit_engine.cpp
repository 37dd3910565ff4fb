// SPDX-License-Identifier: GPL-3.0-or-later
// The fitting engine end to end (core::fitLaw, core::bootstrapFit), for issue 3's benchmarks:
//  1. chinchilla, huber-log, --grid default on Epoch's 240 points (target <= 50 ms);
//  2. 4,000 bootstrap resamples of that fit (target <= 10 s);
//  3. a power-law refit (lsq-log, --grid default) of 1,000 points (target <= 5 ms).
// Plain timing program: prints the result and the best and median times.
// Usage: bench_fit_engine [runs=11] [resamples=4000]
#include "core/fit/Bootstrap.h"
#include "core/fit/FitSelection.h"
#include "core/fit/LawFitter.h"
#include "core/fit/Laws.h"
#include "core/io/Importers.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <random>
#include <string>
#include <vector>

namespace {

/// Runs `body` `runs` times; prints and returns {best, median} in milliseconds.
std::pair<double, double> time(const char* name, int runs, const std::function<bool()>& body)
{
    std::vector<double> ms;
    for (int k = 0; k < runs; ++k) {
        const auto t0 = std::chrono::steady_clock::now();
        if (!body())
            std::exit(1);
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    std::printf("%-44s best %9.2f ms   median %9.2f ms   (%d runs)\n", name, ms.front(), ms[ms.size() / 2], runs);
    return {ms.front(), ms[ms.size() / 2]};
}

} // namespace

int main(int argc, char** argv)
{
    const int runs = argc > 1 ? std::atoi(argv[1]) : 11;
    const std::size_t resamples = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 4000;
    const auto sweep = core::importFile(std::string(SCALELAB_SHARED_DATA_DIR)
                                        + "/epoch-chinchilla-replication/svg_extracted_data.csv");
    if (!sweep) {
        std::fprintf(stderr, "%s\n", sweep.error().toString().c_str());
        return 1;
    }
    core::FitSelection selection;
    selection.excludeTopLoss = 5;
    const auto epoch = selection.select(*sweep);
    if (!epoch)
        return 1;
    core::FitRequest huber;
    huber.law = core::lawById("chinchilla");
    huber.objective = core::Objective::HuberLog;
    core::LawFit fit;
    time("chinchilla huber-log --grid default (240)", runs, [&] {
        auto r = core::fitLaw(*epoch, huber);
        if (r)
            fit = std::move(*r);
        return r.has_value();
    });
    std::printf("  E %.10g A %.10g B %.10g alpha %.10g beta %.10g objective %.10g converged %d\n", fit.result.params[0],
                fit.result.params[1], fit.result.params[2], fit.result.params[3], fit.result.params[4],
                fit.result.objective, fit.result.converged ? 1 : 0);

    core::BootstrapResult boot;
    core::BootstrapOptions options;
    options.resamples = resamples;
    options.seed = 42;
    time("bootstrap of it", std::max(1, runs / 5), [&] {
        auto r = core::bootstrapFit(*epoch, huber, fit.result, fit.stats.optima, options);
        if (r)
            boot = std::move(*r);
        return r.has_value();
    });
    std::printf("  %zu resamples, %zu failed;", boot.resamples, boot.failed);
    for (std::size_t i = 0; i < boot.names.size(); ++i)
        std::printf(" %s [%.5g, %.5g]", boot.names[i].c_str(), boot.lower[i], boot.upper[i]);
    std::printf("\n");

    // 1,000 points of E + A N^-alpha with 1% multiplicative noise (fixed seed).
    core::FitData power;
    power.x.resize(1000);
    power.y.resize(1000);
    std::mt19937_64 rng(1);
    std::normal_distribution<double> noise(0.0, 0.01);
    for (Eigen::Index i = 0; i < 1000; ++i) {
        const double x = std::pow(10.0, 6.0 + 5.0 * static_cast<double>(i) / 999.0);
        power.x[i] = x;
        power.y[i] = (1.8 + 60.0 * std::pow(x, -0.3)) * std::exp(noise(rng));
        power.run.push_back(static_cast<std::size_t>(i));
    }
    core::FitRequest pw;
    pw.law = core::lawById("power");
    core::LawFit pf;
    time("power lsq-log --grid default (1,000 points)", runs * 5, [&] {
        auto r = core::fitLaw(power, pw);
        if (r)
            pf = std::move(*r);
        return r.has_value();
    });
    std::printf("  E %.10g A %.10g alpha %.10g converged %d\n", pf.result.params[0], pf.result.params[1],
                pf.result.params[2], pf.result.converged ? 1 : 0);
    pw.threads = 1;
    time("  the same on one thread", runs * 5, [&] { return core::fitLaw(power, pw).has_value(); });
    return 0;
}

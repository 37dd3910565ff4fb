// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/fit/Bootstrap.h"

#include "core/fit/DerivedQuantities.h"
#include "core/fit/LawFitter.h"
#include "core/fit/VariableProjection.h"
#include "core/util/ParallelFor.h"
#include "core/util/Quantile.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <random>

namespace core {

namespace {

constexpr double kGridStep = 0.05;
constexpr double kGridMargin = 0.25;
constexpr std::size_t kCandidates = 3;

/// The points of runs `picks` (indices into `runs`), in draw order; each draw is its own run.
FitData gather(const FitData& data, const std::vector<std::vector<std::size_t>>& runs, const std::vector<std::size_t>& picks)
{
    std::vector<std::size_t> rows, draw;
    for (std::size_t d = 0; d < picks.size(); ++d)
        for (std::size_t i : runs[picks[d]]) {
            rows.push_back(i);
            draw.push_back(d);
        }
    FitData out = data.rows(rows);
    out.run = std::move(draw);
    return out;
}

/// Exponents of the full fit, for centring the resamples' grid.
std::vector<double> exponents(const Law& law, const FitResult& full)
{
    std::vector<double> e;
    for (const char* name : {"alpha", "beta"})
        if (const auto i = law.parameterIndex(name))
            e.push_back(full.params[*i]);
    return e;
}

/// One resample's multi-start fit; nullopt when no start converged.
std::optional<FitResult> fitResample(const FitData& sample, const FitRequest& base, const FitResult& full,
                                     const std::vector<MultiStartOptimum>& optima)
{
    const Law& law = *base.law;
    std::vector<std::vector<double>> starts;
    if (law.id() == "power" || law.id() == "chinchilla") {
        const auto e = exponents(law, full);
        VarProGrid grid;
        grid.step = kGridStep;
        grid.lower = std::max(kGridStep, *std::min_element(e.begin(), e.end()) - kGridMargin);
        grid.upper = *std::max_element(e.begin(), e.end()) + kGridMargin;
        grid.maxCandidates = kCandidates;
        FitRequest r = base;
        r.threads = 1;
        if (auto c = variableProjection(sample, r, grid))
            for (const VarProCandidate& v : *c)
                starts.push_back(v.params);
        if (starts.empty())
            starts.push_back(full.params);
    } else {
        starts.push_back(full.params);
        for (std::size_t k = 1; k < optima.size() && k <= kCandidates; ++k)
            starts.push_back(optima[k].params);
    }
    std::optional<FitResult> best;
    for (const auto& s : starts) {
        FitRequest r = base;
        r.start = s;
        r.threads = 1;
        auto fit = fitLocal(sample, r);
        if (fit && fit->converged && std::isfinite(fit->objective) && (!best || fit->objective < best->objective))
            best = std::move(*fit);
    }
    return best;
}

} // namespace

tl::expected<BootstrapResult, Error> bootstrapFit(const FitData& data, const FitRequest& request, const FitResult& full,
                                                  const std::vector<MultiStartOptimum>& optima,
                                                  const BootstrapOptions& options, const Progress& progress)
{
    if (request.law == nullptr)
        return tl::make_unexpected(Error::forParameter("--law", "no law given"));
    if (options.resamples == 0)
        return tl::make_unexpected(Error::forParameter("--bootstrap", "needs at least one resample"));
    const Law& law = *request.law;
    if (full.params.size() != law.parameters().size())
        return tl::make_unexpected(Error::forParameter("--bootstrap", "the full fit does not match the law"));
    // Points grouped by run, runs in order of first appearance.
    std::map<std::size_t, std::size_t> slot;
    std::vector<std::vector<std::size_t>> runs;
    for (std::size_t i = 0; i < data.size(); ++i) {
        const std::size_t id = i < data.run.size() ? data.run[i] : i;
        auto [it, added] = slot.try_emplace(id, runs.size());
        if (added)
            runs.emplace_back();
        runs[it->second].push_back(i);
    }
    if (runs.size() < 2)
        return tl::make_unexpected(Error::forParameter("--bootstrap", "resampling runs needs at least 2 runs"));

    BootstrapResult out;
    out.resamples = options.resamples;
    for (const ParameterSpec& s : law.parameters())
        out.names.push_back(s.name);
    for (const auto& [name, value] : derivedQuantities(law, full.params))
        out.names.push_back(name);

    std::vector<std::optional<std::vector<double>>> values(options.resamples);
    const bool finished = parallelFor(options.resamples, options.threads,
        [&](std::size_t k, const std::function<bool()>&) {
            std::seed_seq seq{static_cast<std::uint32_t>(options.seed), static_cast<std::uint32_t>(options.seed >> 32),
                              static_cast<std::uint32_t>(k), static_cast<std::uint32_t>(k >> 32)};
            std::mt19937_64 rng(seq);
            std::uniform_int_distribution<std::size_t> pick(0, runs.size() - 1);
            std::vector<std::size_t> picks(runs.size());
            for (auto& p : picks)
                p = pick(rng);
            if (auto fit = fitResample(gather(data, runs, picks), request, full, optima)) {
                std::vector<double> v = fit->params;
                for (const auto& [name, value] : derivedQuantities(law, fit->params))
                    v.push_back(value);
                values[k] = std::move(v);
            }
        }, progress);
    if (!finished)
        return tl::make_unexpected(Error::forParameter("--bootstrap", "cancelled"));
    for (auto& v : values) {
        if (v)
            out.draws.push_back(std::move(*v));
        else
            ++out.failed;
    }
    if (out.draws.empty())
        return tl::make_unexpected(Error::forParameter("--bootstrap", "no resample could be fitted"));
    for (std::size_t j = 0; j < out.names.size(); ++j) {
        std::vector<double> column;
        for (const auto& d : out.draws)
            column.push_back(d[j]);
        out.lower.push_back(quantile(column, 0.025));
        out.upper.push_back(quantile(column, 0.975));
        double mean = 0.0, ss = 0.0;
        for (double v : column)
            mean += v;
        mean /= static_cast<double>(column.size());
        for (double v : column)
            ss += (v - mean) * (v - mean);
        out.stddev.push_back(column.size() > 1 ? std::sqrt(ss / static_cast<double>(column.size() - 1)) : 0.0);
    }
    if (out.failed * 10 > out.resamples)
        out.warnings.push_back(std::to_string(out.failed) + " of " + std::to_string(out.resamples)
                               + " bootstrap resamples could not be fitted; the intervals cover the rest only");
    return out;
}

} // namespace core

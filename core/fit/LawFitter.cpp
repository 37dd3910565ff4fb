// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/fit/LawFitter.h"

#include "core/fit/FitDataCheck.h"
#include "core/fit/FitEvaluation.h"
#include "core/fit/FitWarnings.h"
#include "core/fit/HuberChinchillaFit.h"
#include "core/fit/HuberFitter.h"
#include "core/fit/LeastSquaresFitter.h"
#include "core/fit/ParameterMap.h"
#include "core/fit/StartPoints.h"
#include "core/fit/VariableProjection.h"
#include "core/util/NumberText.h"
#include "core/util/ParallelFor.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace core {

namespace {

constexpr double kSameObjective = 1e-9;
constexpr double kObjectiveFloor = 1e-14;
constexpr std::size_t kOptimaKept = 20;
constexpr std::size_t kDefaultLhsStarts = 32;
constexpr double kNearObjective = 1e-3;  ///< "near-equal" objectives, relative

bool sameObjective(double a, double b)
{
    return std::abs(a - b) <= kSameObjective * std::max(std::abs(a), std::abs(b)) + kObjectiveFloor;
}

std::vector<double> givenOrDefault(const Law& law, const FitRequest& request)
{
    if (!request.start.empty())
        return request.start;
    std::vector<double> s;
    for (const ParameterSpec& p : law.parameters())
        s.push_back(p.start);
    return s;
}

/// Whether fitChinchillaHuber solves exactly this request (it knows no weights, penalty or constraints).
bool plainChinchillaHuber(const FitData& data, const FitRequest& r)
{
    const bool unitWeights = data.weight.size() == 0 || (data.weight.array() == 1.0).all();
    return r.law->id() == "chinchilla" && r.objective == Objective::HuberLog && r.fixed.empty() && r.bounds.empty()
           && r.ties.empty() && r.overestimatePenalty == 1.0 && unitWeights;
}

/// Counts a converged end as disagreeing (`count` starts) when its objective is within
/// kNearObjective of the best but its parameters differ (firstDifferentParameter).
void noteRival(MultiStartStats& stats, double objective, const std::vector<double>& params, double bestObjective,
               const std::vector<double>& bestParams, std::size_t count)
{
    if (objective > bestObjective * (1.0 + kNearObjective) + kObjectiveFloor
        || !firstDifferentParameter(params, bestParams))
        return;
    if (stats.disagreeing == 0)
        stats.disagreeingExample = params;
    stats.disagreeing += count;
}

/// Runs `local` on every start on up to `threads` threads; reports progress from this thread.
tl::expected<std::vector<std::optional<tl::expected<FitResult, Error>>>, Error>
runStarts(const std::vector<std::vector<double>>& starts, const FitData& data, const FitRequest& request,
          const Progress& progress)
{
    std::vector<std::optional<tl::expected<FitResult, Error>>> ends(starts.size());
    const bool finished = parallelFor(starts.size(), request.threads,
        [&](std::size_t i, const std::function<bool()>& stopped) {
            FitRequest one = request;
            one.start = starts[i];
            const Progress keepGoing = [&stopped](double) { return !stopped(); };
            ends[i] = fitLocal(data, one, keepGoing);
        }, progress);
    if (!finished)
        return tl::make_unexpected(Error::forParameter("fit", "cancelled"));
    return ends;
}

/// Fills stats and picks the best start.
tl::expected<FitResult, Error> reduce(std::vector<std::optional<tl::expected<FitResult, Error>>>& ends,
                                      MultiStartStats& stats)
{
    stats = {};
    stats.starts = ends.size();
    std::optional<std::size_t> best;
    bool bestConverged = false;
    const Error* firstError = nullptr;
    for (std::size_t i = 0; i < ends.size(); ++i) {
        if (!ends[i] || !*ends[i]) {
            if (ends[i] && !firstError)
                firstError = &ends[i]->error();
            continue;
        }
        const FitResult& r = **ends[i];
        if (r.converged)
            ++stats.converged;
        if (r.termination.find("iteration limit") != std::string::npos)
            ++stats.iterationLimit;
        if (!std::isfinite(r.objective))
            continue;
        const bool better = !best || (r.converged && !bestConverged)
                            || (r.converged == bestConverged && r.objective < (**ends[*best]).objective);
        if (better) {
            best = i;
            bestConverged = r.converged;
        }
    }
    if (!best)
        return tl::make_unexpected(firstError ? *firstError : Error::forParameter("fit", "no start could be fitted"));
    stats.bestStart = *best;
    const double bestObjective = (**ends[*best]).objective;
    for (std::size_t i = 0; i < ends.size(); ++i) {
        if (!ends[i] || !*ends[i] || !(**ends[i]).converged)
            continue;
        const FitResult& r = **ends[i];
        if (sameObjective(r.objective, bestObjective))
            ++stats.reachedBest;
        auto group = std::find_if(stats.optima.begin(), stats.optima.end(),
                                  [&](const MultiStartOptimum& o) { return sameObjective(o.objective, r.objective); });
        if (group == stats.optima.end())
            stats.optima.push_back({r.objective, r.params, 1, i});
        else
            ++group->starts;
    }
    const std::vector<double>& bestParams = (**ends[*best]).params;
    for (const auto& end : ends)
        if (end && *end && (**end).converged)
            noteRival(stats, (**end).objective, (**end).params, bestObjective, bestParams, 1);
    std::sort(stats.optima.begin(), stats.optima.end(),
              [](const MultiStartOptimum& a, const MultiStartOptimum& b) { return a.objective < b.objective; });
    stats.distinctOptima = stats.optima.size();
    if (stats.optima.size() > kOptimaKept)
        stats.optima.resize(kOptimaKept);
    return std::move(**ends[*best]);
}

} // namespace

tl::expected<FitResult, Error> fitLocal(const FitData& data, const FitRequest& request, const Progress& progress)
{
    return request.objective == Objective::HuberLog ? fitHuber(data, request, progress)
                                                    : fitLeastSquares(data, request, progress);
}

tl::expected<LawFit, Error> fitLaw(const FitData& data, const FitRequest& request, const Progress& progress)
{
    if (request.law == nullptr)
        return tl::make_unexpected(Error::forParameter("--law", "no law given"));
    const Law& law = *request.law;
    auto map = ParameterMap::create(law, request);
    if (!map)
        return tl::make_unexpected(map.error());
    if (auto ok = checkFitData(data, request, map->freeCount()); !ok)
        return tl::make_unexpected(ok.error());
    const bool huber = request.objective == Objective::HuberLog;
    LawFit fit;
    fit.optimiser = huber ? "L-BFGS (strong Wolfe line search) on the summed Huber objective, best start kept"
                          : "GSL multifit_nlinear trust region, Levenberg-Marquardt with geodesic acceleration, best start kept";
    const ResidualLoss loss{request.objective, request.delta, request.overestimatePenalty};

    std::vector<std::vector<double>> starts;
    switch (request.grid) {
    case StartGrid::Chinchilla:
        if (law.id() != "chinchilla")
            return tl::make_unexpected(Error::forParameter("--grid", "the chinchilla grid is for --law chinchilla only"));
        if (plainChinchillaHuber(data, request)) {
            HuberChinchillaOptions options = HuberChinchillaOptions::hoffmannGrid();
            options.delta = request.delta;
            options.threads = request.threads;
            auto r = fitChinchillaHuber(data, options, progress);
            if (!r)
                return tl::make_unexpected(r.error());
            fit.result = evaluateFit(law, data, *map, loss, r->result.params);
            fit.result.iterations = r->result.iterations;
            fit.result.termination = r->result.termination;
            fit.result.converged = r->result.converged;
            fit.stats = std::move(r->stats);
            // Per-start ends are not kept on this path; judge disagreement by the optima groups.
            for (const MultiStartOptimum& o : fit.stats.optima)
                noteRival(fit.stats, o.objective, o.params, fit.result.objective, fit.result.params, o.starts);
            fit.initialisation = "Hoffmann et al.'s grid: " + std::to_string(fit.stats.starts) + " starts";
            fit.optimiser = "L-BFGS in (log A, log B, log E, alpha, beta), preconditioned, strong Wolfe line search "
                            "with approximate-Wolfe steps, from every start; best start kept";
            addFitWarnings(fit, data, request);
            return fit;
        }
        starts = hoffmannStarts();
        fit.initialisation = "Hoffmann et al.'s grid: " + std::to_string(starts.size()) + " starts";
        break;
    case StartGrid::Default:
        if (law.id() == "power" || law.id() == "chinchilla") {
            auto candidates = variableProjection(data, request, VarProGrid{},
                                                 progress ? Progress([&](double f) { return progress(0.5 * f); }) : Progress{});
            if (!candidates)
                return tl::make_unexpected(candidates.error());
            for (const VarProCandidate& c : *candidates)
                starts.push_back(c.params);
            const VarProGrid grid;
            fit.initialisation = "variable projection: exponents on a " + shortestText(grid.step) + " grid over ["
                                 + shortestText(grid.lower) + ", " + shortestText(grid.upper) + "], coefficients solved; "
                                 + std::to_string(starts.size()) + (starts.size() == 1 ? " local minimum" : " local minima") + " refined";
        } else {
            starts.push_back(map->normalise(givenOrDefault(law, request)));
            auto more = latinHypercubeStarts(law, *map, givenOrDefault(law, request), kDefaultLhsStarts, request.seed);
            starts.insert(starts.end(), more.begin(), more.end());
            fit.initialisation = std::string(request.start.empty() ? "the law's default start" : "the given start")
                                 + " and " + std::to_string(kDefaultLhsStarts) + " Latin-hypercube starts (seed "
                                 + std::to_string(request.seed) + ")";
        }
        break;
    case StartGrid::Lhs: {
        starts.push_back(map->normalise(givenOrDefault(law, request)));
        auto more = latinHypercubeStarts(law, *map, givenOrDefault(law, request), request.lhsStarts, request.seed);
        starts.insert(starts.end(), more.begin(), more.end());
        fit.initialisation = std::string(request.start.empty() ? "the law's default start" : "the given start")
                             + " and " + std::to_string(request.lhsStarts) + " Latin-hypercube starts (seed "
                             + std::to_string(request.seed) + ")";
        break;
    }
    case StartGrid::None:
        starts.push_back(givenOrDefault(law, request));
        fit.initialisation = request.start.empty() ? "one start: the law's default values" : "one start: given";
        break;
    }
    if (starts.empty())
        return tl::make_unexpected(Error::forParameter("--grid", "no start points"));

    const bool halfDone = request.grid == StartGrid::Default && (law.id() == "power" || law.id() == "chinchilla");
    const Progress local = progress ? Progress([&](double f) { return progress(halfDone ? 0.5 + 0.5 * f : f); })
                                    : Progress{};
    auto ends = runStarts(starts, data, request, local);
    if (!ends)
        return tl::make_unexpected(ends.error());
    auto best = reduce(*ends, fit.stats);
    if (!best)
        return tl::make_unexpected(best.error());
    fit.result = std::move(*best);
    addFitWarnings(fit, data, request);
    return fit;
}

} // namespace core

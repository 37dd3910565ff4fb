// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/plot/CurveBand.h"

#include "core/alloc/AllocationIntervals.h"

#include "core/alloc/ComputeOptimal.h"
#include "core/plot/LawCurves.h"
#include "core/util/NumberText.h"
#include "core/util/ParallelFor.h"
#include "core/util/Quantile.h"

#include <cmath>
#include <optional>
#include <span>

namespace core {

namespace {

/// Lower and upper quantile at one x.
struct BandPoint {
    double lower = 0.0;
    double upper = 0.0;
};

/// The band point of the values the draws gave at one x, or nullopt when fewer than half of
/// `draws` gave a finite value > 0. `values` holds the valid values only.
std::optional<BandPoint> bandPoint(const std::vector<double>& values, std::size_t draws, double level)
{
    if (values.empty() || 2 * values.size() < draws)
        return std::nullopt;
    return BandPoint{quantile(values, (1.0 - level) / 2.0), quantile(values, (1.0 + level) / 2.0)};
}

void append(CurveBand& band, double x, const std::optional<BandPoint>& p)
{
    if (!p)
        return;
    band.x.push_back(x);
    band.lower.push_back(p->lower);
    band.upper.push_back(p->upper);
}

CurveBand emptyBand(double level, std::size_t draws)
{
    CurveBand band;
    band.level = level;
    band.draws = draws;
    return band;
}

bool logValid(double v)
{
    return std::isfinite(v) && v > 0.0;
}

tl::expected<void, Error> checkDraws(const Law& law, const std::vector<std::vector<double>>& draws,
                                     double level)
{
    return checkBootstrapDraws(law, draws, level);
}

tl::unexpected<Error> cancelled()
{
    return tl::unexpected(Error::forParameter("", "cancelled"));
}

} // namespace

tl::expected<CurveBand, Error> curveBand(const Law& law, const std::vector<std::vector<double>>& draws,
                                         const CurveSpec& spec, double level, unsigned threads,
                                         const Progress& progress)
{
    if (auto ok = checkCurveSpec(law, spec); !ok)
        return tl::unexpected(ok.error());
    if (auto ok = checkDraws(law, draws, level); !ok)
        return tl::unexpected(ok.error());
    const std::size_t n = law.parameters().size();
    const std::vector<double> xs = logUniformSamples(spec.lo, spec.hi, spec.samples);
    std::vector<std::optional<BandPoint>> points(xs.size());
    const bool done = parallelFor(
        xs.size(), threads,
        [&](std::size_t i, const std::function<bool()>&) {
            const LawPoint at = curvePoint(spec, xs[i]);
            std::vector<double> values;
            values.reserve(draws.size());
            for (const auto& draw : draws)
                if (const double y = law.eval(std::span<const double>(draw.data(), n), at); logValid(y))
                    values.push_back(y);
            points[i] = bandPoint(values, draws.size(), level);
        },
        progress);
    if (!done)
        return cancelled();
    CurveBand band = emptyBand(level, draws.size());
    for (std::size_t i = 0; i < xs.size(); ++i)
        append(band, xs[i], points[i]);
    return band;
}

tl::expected<FrontierBands, Error> frontierBands(const Law& law,
                                                 const std::vector<std::vector<double>>& draws, double cLo,
                                                 double cHi, std::size_t samples,
                                                 const AllocationOptions& options, double level,
                                                 unsigned threads, const Progress& progress)
{
    if (auto ok = checkFrontierRange(law, cLo, cHi, samples); !ok)
        return tl::unexpected(ok.error());
    if (auto ok = checkDraws(law, draws, level); !ok)
        return tl::unexpected(ok.error());
    const std::size_t n = law.parameters().size();
    const std::vector<double> budgets = logUniformSamples(cLo, cHi, samples);

    /// What one budget gives: the three band points, its failures and its first error.
    struct Slot {
        std::optional<BandPoint> loss, N, D;
        std::size_t failed = 0;
        std::optional<Error> firstError;
    };
    std::vector<Slot> slots(budgets.size());
    const bool done = parallelFor(
        budgets.size(), threads,
        [&](std::size_t i, const std::function<bool()>& stopped) {
            std::vector<double> loss, N, D;
            Slot& slot = slots[i];
            for (const auto& draw : draws) {
                if (stopped())
                    return;
                const auto a =
                    computeOptimal(law, std::span<const double>(draw.data(), n), budgets[i], options);
                if (!a) {
                    if (slot.failed++ == 0)
                        slot.firstError = a.error();
                    continue;
                }
                for (auto [value, into] : {std::pair{a->loss, &loss}, {a->N, &N}, {a->D, &D}})
                    if (logValid(value))
                        into->push_back(value);
            }
            slot.loss = bandPoint(loss, draws.size(), level);
            slot.N = bandPoint(N, draws.size(), level);
            slot.D = bandPoint(D, draws.size(), level);
        },
        progress);
    if (!done)
        return cancelled();

    FrontierBands out;
    out.loss = out.N = out.D = emptyBand(level, draws.size());
    const Error* firstError = nullptr;
    for (std::size_t i = 0; i < budgets.size(); ++i) {
        append(out.loss, budgets[i], slots[i].loss);
        append(out.N, budgets[i], slots[i].N);
        append(out.D, budgets[i], slots[i].D);
        out.failed += slots[i].failed;
        if (!firstError && slots[i].firstError)
            firstError = &*slots[i].firstError;
    }
    if (out.failed > 0)
        out.warnings.push_back(
            std::to_string(out.failed) + " of " + std::to_string(draws.size() * budgets.size()) +
            " allocations (bootstrap draws x budgets) failed and are left out of the frontier "
            "bands (first: " +
            firstError->toString() + ")");
    return out;
}

} // namespace core

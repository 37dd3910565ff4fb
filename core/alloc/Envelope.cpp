// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/alloc/Envelope.h"

#include "core/alloc/EnvelopeCurve.h"
#include "core/alloc/SeedAveraging.h"
#include "core/util/NumberText.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <vector>

namespace core {

namespace {

tl::expected<void, Error> check(const Sweep& sweep, const EnvelopeOptions& o)
{
    auto bad = [&](const char* option, std::string message) {
        Error e = Error::forParameter(option, std::move(message));
        e.file = sweep.sourcePath;
        return tl::make_unexpected(e);
    };
    if (!(o.emaFactor >= 0.0 && o.emaFactor < 1.0))
        return bad("--ema", "the EMA factor must be in [0, 1)");
    if (!(std::isfinite(o.pointsPerDecade) && o.pointsPerDecade > 0.0 && o.pointsPerDecade <= 1e4))
        return bad("--points-per-decade", "must be > 0 and at most 10000");
    if (!(o.skipTokens >= 0.0 && std::isfinite(o.skipTokens)))
        return bad("--skip-tokens", "must be a finite number >= 0");
    if (!(o.skipSteps >= 0.0 && std::isfinite(o.skipSteps)))
        return bad("--skip-steps", "must be a finite number >= 0");
    if (!(o.minC >= 0.0 && o.maxC >= 0.0) || (o.minC > 0.0 && o.maxC > 0.0 && !(o.minC < o.maxC)))
        return bad("--min-c", "the C limits must be >= 0 and min < max");
    if (!o.seedColumn.empty() && std::none_of(sweep.runs.begin(), sweep.runs.end(), [&](const Run& r) {
            return r.attributes.count(o.seedColumn) != 0;
        }))
        return bad("--seed-column",
                   "no run has a column '" + o.seedColumn + "' (it must be constant within a run)");
    return {};
}

std::string describe(const EnvelopeOptions& o)
{
    std::string s =
        "loss interpolated linearly in (ln C, ln loss); lowest run at " + shortestText(o.pointsPerDecade) +
        " log-spaced C per decade; C from " +
        (o.flops == EnvelopeOptions::Flops::Auto ? "the flops column (else 6 N tokens)" : "6 N tokens");
    if (o.skipTokens > 0.0)
        s += "; points with tokens <= " + shortestText(o.skipTokens) + " dropped";
    if (o.skipSteps > 0.0)
        s += "; points with step <= " + shortestText(o.skipSteps) + " dropped";
    if (o.emaFactor > 0.0)
        s += "; EMA smoothing, factor " + shortestText(o.emaFactor) + ", in step order";
    if (!o.seedColumn.empty())
        s += "; runs differing only in '" + o.seedColumn + "' averaged";
    return s;
}

} // namespace

tl::expected<EnvelopeResult, Error> envelope(const Sweep& sweep, const EnvelopeOptions& options)
{
    if (auto ok = check(sweep, options); !ok)
        return tl::make_unexpected(ok.error());
    EnvelopeResult r;
    r.settings = describe(options);
    std::vector<EnvelopeCurve> curves;
    for (std::size_t i = 0; i < sweep.runs.size(); ++i) {
        if (auto c = EnvelopeCurve::fromRun(sweep.runs[i], i, options))
            curves.push_back(std::move(*c));
        else
            ++r.runsSkipped;
    }
    auto fail = [&](std::string message) {
        Error e = Error::forParameter("envelope", std::move(message));
        e.file = sweep.sourcePath;
        return tl::make_unexpected(e);
    };
    if (curves.empty())
        return fail("no run has a training curve with at least 2 usable points (N, loss and tokens or FLOPs "
                    "finite and > 0) after warmup");
    const SeedAveraging seeds = averageSeedMates(curves, sweep, options.seedColumn);
    r.seedGroups = seeds.groups;
    if (seeds.disjoint > 0)
        r.warnings.push_back(std::to_string(seeds.disjoint) +
                             " groups of seed-mates cover no common C range and were not averaged");
    r.curves = curves.size();
    if (r.runsSkipped > 0)
        r.warnings.push_back(std::to_string(r.runsSkipped) +
                             " runs have no usable curve of 2 or more points");

    // The grid: log10 C = j / pointsPerDecade inside the range covered by some curve.
    double lo = HUGE_VAL, hi = -HUGE_VAL;
    for (const EnvelopeCurve& c : curves) {
        lo = std::min(lo, c.lnC.front());
        hi = std::max(hi, c.lnC.back());
    }
    if (options.minC > 0.0)
        lo = std::max(lo, std::log(options.minC));
    if (options.maxC > 0.0)
        hi = std::min(hi, std::log(options.maxC));
    const double ppd = options.pointsPerDecade, ln10 = std::log(10.0);
    const auto jFirst = static_cast<long long>(std::ceil(lo / ln10 * ppd - 1e-9));
    const auto jLast = static_cast<long long>(std::floor(hi / ln10 * ppd + 1e-9));
    std::set<double> sizes;
    double smallest = HUGE_VAL, largest = -HUGE_VAL;
    for (const EnvelopeCurve& c : curves) {
        smallest = std::min(smallest, c.N);
        largest = std::max(largest, c.N);
    }
    for (long long j = jFirst; j <= jLast; ++j) {
        // Clamp to the covered range (the 1e-9 slack above may step just outside it).
        const double lc = std::clamp(static_cast<double>(j) / ppd * ln10, lo, hi);
        EnvelopePoint best;
        double bestLoss = HUGE_VAL;
        const EnvelopeCurve* winner = nullptr;
        for (const EnvelopeCurve& c : curves) {
            if (!c.covers(lc))
                continue;
            ++best.candidates;
            const double loss = c.lossAt(lc);
            if (loss < bestLoss) {
                bestLoss = loss;
                winner = &c;
            }
        }
        if (winner == nullptr)
            continue;
        best.C = std::exp(lc);
        best.N = winner->N;
        best.D = std::exp(winner->lnTokensAt(lc));
        best.loss = bestLoss;
        best.run = winner->run;
        r.points.push_back(best);
        sizes.insert(winner->N);
    }
    if (r.points.empty())
        return fail("no envelope point: the curves reach no C between the limits at " + shortestText(ppd) +
                    " points per decade");
    r.distinctN = sizes.size();

    const auto single = std::count_if(r.points.begin(), r.points.end(),
                                      [](const EnvelopePoint& p) { return p.candidates < 2; });
    if (single > 0)
        r.warnings.push_back(std::to_string(single) + " of " + std::to_string(r.points.size()) +
                             " envelope points are at C reached by one curve only (no comparison there)");
    if (curves.size() > 1 && r.points.back().N == largest)
        r.warnings.push_back(
            "at the largest C the envelope is the largest model: N_opt there may be capped by "
            "the sizes trained");
    if (curves.size() > 1 && r.points.front().N == smallest)
        r.warnings.push_back(
            "at the smallest C the envelope is the smallest model: N_opt there may be capped by "
            "the sizes trained");
    if (r.distinctN < 3)
        r.warnings.push_back("the envelope passes through only " + std::to_string(r.distinctN) +
                             " model sizes: a and b rest on them");
    if (r.points.size() < 2) {
        r.warnings.push_back("fewer than 2 envelope points: N_opt and D_opt power laws not fitted");
        return r;
    }
    std::vector<double> C, N, D;
    for (const EnvelopePoint& p : r.points) {
        C.push_back(p.C);
        N.push_back(p.N);
        D.push_back(p.D);
    }
    if (auto f = PowerLawInC::fit(C, N))
        r.nFit = *f;
    else
        r.warnings.push_back("N_opt power law: " + f.error().message);
    if (auto f = PowerLawInC::fit(C, D))
        r.dFit = *f;
    else
        r.warnings.push_back("D_opt power law: " + f.error().message);
    return r;
}

} // namespace core

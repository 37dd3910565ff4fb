// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/plot/FitViews.h"

#include "core/alloc/Envelope.h"
#include "core/alloc/IsoFlopGrouping.h"
#include "core/alloc/IsoFlopPoint.h"
#include "core/alloc/IsoFlopProfiles.h"
#include "core/fit/Law.h"
#include "core/plot/LawCurves.h"
#include "core/util/NumberText.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace core {

namespace {

struct Range {
    double lo = std::numeric_limits<double>::infinity();
    double hi = -std::numeric_limits<double>::infinity();
    void add(double v)
    {
        if (std::isfinite(v) && v > 0) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    }
    [[nodiscard]] bool valid() const { return lo <= hi; }
};

Range rangeOf(const Eigen::VectorXd& v)
{
    Range r;
    for (Eigen::Index i = 0; i < v.size(); ++i)
        r.add(v[i]);
    return r;
}

/// The locus (x_opt(C), L_opt(C)) from two frontier curves sampled at the same budgets.
PlotPoints locusOf(const PlotPoints& xOpt, const PlotPoints& loss)
{
    std::map<double, double> lossAt;
    for (std::size_t i = 0; i < loss.size(); ++i)
        lossAt.emplace(loss.x[i], loss.y[i]);
    std::vector<std::pair<double, double>> pts;
    for (std::size_t i = 0; i < xOpt.size(); ++i)
        if (auto it = lossAt.find(xOpt.x[i]); it != lossAt.end())
            pts.emplace_back(xOpt.y[i], it->second);
    std::sort(pts.begin(), pts.end());
    PlotPoints out;
    for (const auto& [x, y] : pts) {
        out.x.push_back(x);
        out.y.push_back(y);
    }
    return out;
}

/// An IsoFLOP curve against N re-expressed against D = C / (6 N), ascending in D.
PlotPoints isoFlopInD(const PlotPoints& inN, double C)
{
    PlotPoints out;
    for (std::size_t i = inN.size(); i-- > 0;) {
        out.x.push_back(C / (6.0 * inN.x[i]));
        out.y.push_back(inN.y[i]);
    }
    return out;
}

/// A curve at fixed N against D re-expressed against C = 6 N D (ascending, as D is).
PlotPoints alongDInC(const PlotPoints& inD, double N)
{
    PlotPoints out = inD;
    for (double& x : out.x)
        x *= 6.0 * N;
    return out;
}

/// k C^a over the budget range.
PlotPoints powerLine(const PowerLawInC& fit, double cLo, double cHi, std::size_t samples)
{
    PlotPoints out;
    if (!(cHi > cLo))
        return out;
    for (double C : logUniformSamples(cLo, cHi, samples)) {
        const double y = fit.at(C);
        if (std::isfinite(y) && y > 0) {
            out.x.push_back(C);
            out.y.push_back(y);
        }
    }
    return out;
}

/// The 95% confidence band of a power law in C over the budget range (empty with 2 points).
CurveBand powerBand(const PowerLawInC& fit, double cLo, double cHi, std::size_t samples)
{
    CurveBand band;
    if (!(cHi > cLo))
        return band;
    for (double C : logUniformSamples(cLo, cHi, samples)) {
        const auto [lo, hi] = fit.interval(C, band.level);
        if (std::isfinite(lo) && lo > 0 && std::isfinite(hi) && hi > 0) {
            band.x.push_back(C);
            band.lower.push_back(lo);
            band.upper.push_back(hi);
        }
    }
    return band;
}

void finalLossGroups(const Sweep& sweep, const FitJobResult& result, const Law& law, std::span<const double> params,
                     const FitViewOptions& options, FitViews& out)
{
    std::vector<IsoFlopPoint> points;
    for (std::size_t i = 0; i < result.data.size(); ++i) {
        const auto k = static_cast<Eigen::Index>(i);
        IsoFlopPoint p;
        p.N = result.data.N[k];
        p.D = result.data.D[k];
        p.C = result.data.C[k];
        p.loss = result.data.y[k];
        p.run = result.data.run[i];
        p.budget = sweep.runs[p.run].budget;
        points.push_back(p);
    }
    IsoFlopOptions iso;
    auto grouping = IsoFlopGrouping::make(points, iso);
    if (!grouping) {
        out.warnings.push_back("no IsoFLOP groups: " + grouping.error().message);
        return;
    }
    if (grouping->groups.size() > options.maxGroups) {
        out.warnings.push_back(std::to_string(grouping->groups.size()) + " IsoFLOP groups: too many to draw a curve each");
    } else {
        for (const IsoFlopGrouping::Group& g : grouping->groups) {
            Range n;
            ViewGroupCurve curve;
            curve.fixed = g.C;
            curve.label = "C = " + significantText(g.C, 3);
            for (std::size_t m : g.members) {
                n.add(points[m].N);
                curve.runs.push_back(points[m].run);
            }
            if (!n.valid() || !(g.C > 0))
                continue;
            auto inN = lawAlongN(law, params, g.C, n.lo / options.groupWiden, n.hi * options.groupWiden, options.samples);
            if (!inN || inN->size() < 2)
                continue;
            ViewGroupCurve inD = curve;
            curve.curve = *inN;
            curve.dataLo = n.lo;
            curve.dataHi = n.hi;
            inD.curve = isoFlopInD(*inN, g.C);
            inD.dataLo = g.C / (6.0 * n.hi);
            inD.dataHi = g.C / (6.0 * n.lo);
            out.byX[static_cast<int>(XQuantity::N)].groups.push_back(std::move(curve));
            out.byX[static_cast<int>(XQuantity::D)].groups.push_back(std::move(inD));
        }
    }
    auto profiles = isoFlopProfiles(points, iso);
    if (!profiles) {
        out.warnings.push_back("IsoFLOP profiles: " + profiles.error().message);
        return;
    }
    out.isoFlop = std::move(*profiles);
    for (const IsoFlopProfile& p : out.isoFlop->profiles) {
        const auto [lo, hi] = std::minmax_element(p.N.begin(), p.N.end());
        out.parabolas.push_back(lo == p.N.end() ? PlotPoints{}
                                                : isoFlopParabolaCurve(p, *lo / 1.5, *hi * 1.5, options.samples));
    }
    if (out.isoFlop->nFit) {
        out.approach2N = powerLine(*out.isoFlop->nFit, out.cLo, out.cHi, options.samples);
        out.approach2NBand = powerBand(*out.isoFlop->nFit, out.cLo, out.cHi, options.samples);
    }
    if (out.isoFlop->dFit) {
        out.approach2D = powerLine(*out.isoFlop->dFit, out.cLo, out.cHi, options.samples);
        out.approach2DBand = powerBand(*out.isoFlop->dFit, out.cLo, out.cHi, options.samples);
    }
}

/// Approach 1 (the envelope of the training curves) over the fitted runs only.
void envelopeOf(const Sweep& sweep, const FitJobResult& result, const FitViewOptions& options, FitViews& out)
{
    Sweep fitted;
    fitted.sourcePath = sweep.sourcePath;
    fitted.layout = sweep.layout;
    std::vector<std::size_t> runs = result.data.run;
    std::sort(runs.begin(), runs.end());
    runs.erase(std::unique(runs.begin(), runs.end()), runs.end());
    for (std::size_t r : runs)
        fitted.runs.push_back(sweep.runs[r]);
    auto env = envelope(fitted, EnvelopeOptions{});
    if (!env) {
        out.warnings.push_back("no envelope: " + env.error().message);
        return;
    }
    for (const EnvelopePoint& p : env->points) {
        out.envelopeLoss.x.push_back(p.C);
        out.envelopeLoss.y.push_back(p.loss);
    }
    if (env->nFit) {
        out.approach1N = powerLine(*env->nFit, out.cLo, out.cHi, options.samples);
        out.approach1NBand = powerBand(*env->nFit, out.cLo, out.cHi, options.samples);
    }
    if (env->dFit) {
        out.approach1D = powerLine(*env->dFit, out.cLo, out.cHi, options.samples);
        out.approach1DBand = powerBand(*env->dFit, out.cLo, out.cHi, options.samples);
    }
    out.envelope = std::move(*env);
}

void curveGroups(const Sweep& sweep, const FitJobResult& result, const Law& law, std::span<const double> params,
                 const FitViewOptions& options, FitViews& out)
{
    envelopeOf(sweep, result, options, out);
    // One curve per model size: the runs sharing an N, over the tokens their curves cover.
    std::map<double, std::vector<std::size_t>> byN;
    for (std::size_t i = 0; i < result.data.size(); ++i) {
        auto& runs = byN[result.data.N[static_cast<Eigen::Index>(i)]];
        if (runs.empty() || runs.back() != result.data.run[i])
            runs.push_back(result.data.run[i]);
    }
    if (byN.size() > options.maxGroups) {
        out.warnings.push_back(std::to_string(byN.size()) + " model sizes: too many to draw a curve each");
        return;
    }
    for (auto& [N, runs] : byN) {
        std::sort(runs.begin(), runs.end());
        runs.erase(std::unique(runs.begin(), runs.end()), runs.end());
        Range d;
        for (std::size_t r : runs)
            for (const Curve& c : sweep.runs[r].curves)
                for (std::size_t j = 0; j < c.size(); ++j)
                    d.add(c.tokens[j]);
        if (!d.valid() || !(d.hi > d.lo))
            continue;
        auto inD = lawAlongD(law, params, N, d.lo, d.hi * options.groupWiden, options.samples);
        if (!inD || inD->size() < 2)
            continue;
        ViewGroupCurve curve;
        curve.fixed = N;
        curve.label = "N = " + significantText(N, 3);
        curve.runs = runs;
        curve.curve = *inD;
        curve.dataLo = d.lo;
        curve.dataHi = d.hi;
        ViewGroupCurve inC = curve;
        inC.curve = alongDInC(*inD, N);
        inC.dataLo = 6.0 * N * d.lo;
        inC.dataHi = 6.0 * N * d.hi;
        out.byX[static_cast<int>(XQuantity::D)].groups.push_back(std::move(curve));
        out.byX[static_cast<int>(XQuantity::C)].groups.push_back(std::move(inC));
    }
}

} // namespace

PlotPoints isoFlopParabolaCurve(const IsoFlopProfile& profile, double nLo, double nHi, std::size_t samples)
{
    PlotPoints out;
    if (!profile.parabola)
        return out;
    for (double N : logUniformSamples(nLo, nHi, samples)) {
        const double y = profile.parabola->value(std::log(N));
        if (std::isfinite(y) && y > 0) {
            out.x.push_back(N);
            out.y.push_back(y);
        }
    }
    return out;
}

FitViews fitViews(const Sweep& sweep, const FitJobResult& result, XQuantity fitX, const FitViewOptions& options,
                  const Progress& progress)
{
    FitViews out;
    if (result.law == nullptr || result.data.size() == 0)
        return out;
    const Law& law = *result.law;
    const std::span<const double> params(result.fit.result.params);
    const Range ranges[3] = {rangeOf(result.data.N), rangeOf(result.data.D), rangeOf(result.data.C)};
    for (int q = 0; q < 3; ++q) {
        out.byX[q].dataLo = ranges[q].lo;
        out.byX[q].dataHi = ranges[q].hi;
    }
    if (auto res = logResiduals(law, params, result.data))
        out.residuals = std::move(*res);

    if (law.usesX()) {
        const Range x = rangeOf(result.data.x);
        ViewCurves& view = out.byX[static_cast<int>(fitX)];
        view.dataLo = x.lo;
        view.dataHi = x.hi;
        if (x.valid() && x.hi > x.lo) {
            auto curve = lawAlongX(law, params, x.lo / 10.0, x.hi * 10.0, options.samples, fitX);
            if (curve) {
                ViewGroupCurve g;
                g.label = "fit";
                g.runs = result.data.run;
                g.curve = std::move(*curve);
                g.dataLo = x.lo;
                g.dataHi = x.hi;
                view.groups.push_back(std::move(g));
            }
        }
        return out;
    }

    const Range c = ranges[static_cast<int>(XQuantity::C)];
    if (c.valid()) {
        out.cLo = std::max(c.lo / std::pow(10.0, options.cDecadesBelow), 1e3);
        out.cHi = c.hi * std::pow(10.0, options.cDecadesAbove);
        if (auto f = frontier(law, params, out.cLo, out.cHi, options.samples)) {
            out.frontier = std::move(*f);
            out.byX[static_cast<int>(XQuantity::C)].locus = out.frontier->loss;
            out.byX[static_cast<int>(XQuantity::N)].locus = locusOf(out.frontier->N, out.frontier->loss);
            out.byX[static_cast<int>(XQuantity::D)].locus = locusOf(out.frontier->D, out.frontier->loss);
            for (const std::string& w : out.frontier->warnings)
                out.warnings.push_back("frontier: " + w);
        } else {
            out.warnings.push_back("no frontier: " + f.error().message);
        }
        if (result.bootstrap && !result.bootstrap->draws.empty() && out.frontier) {
            auto bands = frontierBands(law, result.bootstrap->draws, out.cLo, out.cHi, options.samples, {}, 0.95,
                                       options.threads, progress);
            if (bands) {
                out.byX[static_cast<int>(XQuantity::C)].locusBand = bands->loss;
                out.frontierBands = std::move(*bands);
            } else {
                out.warnings.push_back("no bands: " + bands.error().message);
            }
        }
    }
    const bool curves = std::any_of(sweep.runs.begin(), sweep.runs.end(),
                                    [](const Run& r) { return r.pointCount() > 1; });
    if (curves)
        curveGroups(sweep, result, law, params, options, out);
    else
        finalLossGroups(sweep, result, law, params, options, out);
    return out;
}

} // namespace core

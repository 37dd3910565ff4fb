// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/alloc/IsoFlopProfile.h"

#include <cstdio>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace core {

namespace {

std::string sci(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3g", v);
    return buf;
}

} // namespace

bool IsoFlopProfile::hasVertex() const
{
    return std::isfinite(lnNOpt);
}

bool IsoFlopProfile::has(IsoFlopWarning::Kind kind) const
{
    return std::any_of(warnings.begin(), warnings.end(),
                       [&](const IsoFlopWarning& w) { return w.kind == kind; });
}

bool IsoFlopProfile::trusted() const
{
    using K = IsoFlopWarning::Kind;
    return hasVertex() && !has(K::VertexOutsideRange) && !has(K::VertexAtEdge) && !has(K::LowestAtEdge) &&
           !has(K::NarrowProfile);
}

IsoFlopProfile IsoFlopProfile::analyse(double C, std::span<const std::size_t> members,
                                       std::span<const IsoFlopPoint> points, const IsoFlopOptions& options)
{
    using K = IsoFlopWarning::Kind;
    IsoFlopProfile p;
    p.C = C;
    p.members.assign(members.begin(), members.end());
    std::stable_sort(p.members.begin(), p.members.end(),
                     [&](std::size_t a, std::size_t b) { return points[a].N < points[b].N; });
    std::vector<double> x, w;
    for (std::size_t i : p.members) {
        p.N.push_back(points[i].N);
        p.D.push_back(points[i].D);
        p.loss.push_back(points[i].loss);
        x.push_back(std::log(points[i].N));
        w.push_back(points[i].weight);
    }
    auto warn = [&](K kind, std::string message) { p.warnings.push_back({kind, std::move(message)}); };

    std::vector<double> distinct = x;
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    const std::size_t needed = std::max<std::size_t>(options.minPoints, 3);
    if (p.points() < needed || distinct.size() < 3) {
        warn(K::TooFewPoints, "only " + std::to_string(p.points()) + " points (" +
                                  std::to_string(distinct.size()) + " distinct N); at least " +
                                  std::to_string(needed) + " are needed for a vertex");
        return p;
    }
    if (p.points() == 3)
        warn(K::NoInterval,
             "3 points: the parabola passes through them exactly, so its vertex has no interval");
    const double span = distinct.back() - distinct.front();
    if (span < options.minSpanLnN)
        warn(K::NarrowProfile, "N spans only a factor " + sci(std::exp(span)) + " (under " +
                                   sci(std::exp(options.minSpanLnN)) +
                                   "): the curvature is poorly determined");
    const auto lowest =
        static_cast<std::size_t>(std::min_element(p.loss.begin(), p.loss.end()) - p.loss.begin());
    if (x[lowest] == distinct.front() || x[lowest] == distinct.back())
        warn(K::LowestAtEdge, std::string("the lowest loss is at the ") +
                                  (x[lowest] == distinct.front() ? "smallest" : "largest") +
                                  " N sampled: the grid is off-centre");

    if (auto fit = IsoFlopParabola::fit(x, p.loss, w))
        p.parabola = *fit;
    else
        warn(K::FitFailed, fit.error().message);
    if (options.computeSpline || options.vertex == IsoFlopOptions::Vertex::Spline) {
        if (auto s = SplineMinimum::find(x, p.loss, options.splineKind)) {
            p.spline = *s;
            if (s->fellBack)
                warn(K::SplineFallback, "Akima needs 5 distinct N, the profile has " +
                                            std::to_string(s->points) + ": a natural cubic spline was used");
        } else {
            warn(K::FitFailed, s.error().message);
        }
    }

    if (options.vertex == IsoFlopOptions::Vertex::Parabola) {
        if (p.parabola && !p.parabola->hasMinimum()) {
            warn(K::NoMinimum,
                 "the parabola opens downwards (c = " + sci(p.parabola->coef[2]) + " <= 0): no minimum");
        } else if (p.parabola) {
            p.lnNOpt = p.parabola->vertex();
            p.lossOpt = p.parabola->vertexLoss();
            p.seLnNOpt = p.parabola->vertexStdError();
            p.seLossOpt = p.parabola->vertexLossStdError();
            const auto ci = p.parabola->vertexInterval(options.confidence);
            p.nOptInterval = {std::exp(ci[0]), std::exp(ci[1])};
        }
    } else if (p.spline) {
        if (p.spline->atEdge) {
            warn(K::SplineAtEdge, "the spline's minimum is at the " +
                                      std::string(p.spline->x == distinct.front() ? "smallest" : "largest") +
                                      " N sampled: no interior minimum");
        } else {
            p.lnNOpt = p.spline->x;
            p.lossOpt = p.spline->y;
        }
    }
    if (!p.hasVertex())
        return p;
    p.nOpt = std::exp(p.lnNOpt);
    p.dOpt = C / (6.0 * p.nOpt);

    const std::size_t m = distinct.size();
    if (p.lnNOpt < distinct.front() || p.lnNOpt > distinct.back())
        warn(K::VertexOutsideRange, "N_opt = " + sci(p.nOpt) + " lies outside the sampled N [" +
                                        sci(std::exp(distinct.front())) + ", " +
                                        sci(std::exp(distinct.back())) + "]: extrapolated");
    else if (p.lnNOpt < distinct[1] || p.lnNOpt > distinct[m - 2])
        warn(K::VertexAtEdge, "N_opt = " + sci(p.nOpt) + " lies between the two " +
                                  std::string(p.lnNOpt < distinct[1] ? "smallest" : "largest") +
                                  " N sampled: at the edge of the profile");
    return p;
}

} // namespace core

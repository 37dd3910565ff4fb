// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/alloc/IsoFlopProfiles.h"

#include "core/alloc/IsoFlopGrouping.h"
#include "core/util/NumberText.h"

#include <cmath>
#include <string>
#include <vector>

namespace core {

namespace {

std::string vertexDescription(const IsoFlopOptions& o)
{
    const std::string spline = o.splineKind == SplineKind::Akima ? "Akima spline" : "natural cubic spline";
    if (o.vertex == IsoFlopOptions::Vertex::Spline)
        return "minimum of an " + spline + " of loss in ln N (grid of 2001 + golden section), no interval";
    std::string s = "vertex of a least-squares parabola of loss in ln N, " +
                    shortestText(100.0 * o.confidence) +
                    "% interval by the delta method (Student t, n - 3 degrees of freedom)";
    if (o.computeSpline)
        s += "; " + spline + " minimum alongside";
    return s;
}

} // namespace

tl::expected<IsoFlopResult, Error> isoFlopProfiles(std::span<const IsoFlopPoint> points,
                                                   const IsoFlopOptions& options, std::size_t skipped)
{
    if (points.empty())
        return tl::make_unexpected(
            Error::forParameter("isoflop", "no usable run: N, D and the final loss must be finite and > 0"));
    if (!(options.confidence > 0.0 && options.confidence < 1.0))
        return tl::make_unexpected(
            Error::forParameter("--confidence", "the interval level must be in (0, 1)"));
    auto grouping = IsoFlopGrouping::make(points, options);
    if (!grouping)
        return tl::make_unexpected(grouping.error());

    IsoFlopResult r;
    r.byBudget = grouping->byBudget;
    r.grouping = grouping->description;
    r.vertexMethod = vertexDescription(options);
    r.pointsSkipped = skipped + grouping->ungrouped;
    if (grouping->ungrouped > 0)
        r.warnings.push_back(std::to_string(grouping->ungrouped) + " runs have no " +
                             (grouping->byBudget ? "budget" : "C") + " and are in no profile");
    std::vector<double> C, nOpt, dOpt;
    std::size_t withVertex = 0;
    for (const IsoFlopGrouping::Group& g : grouping->groups) {
        IsoFlopProfile p = IsoFlopProfile::analyse(g.C, g.members, points, options);
        r.pointsUsed += p.points();
        if (g.spanDex > 2.0 * options.cToleranceDex)
            r.warnings.push_back("the profile at C = " + shortestText(g.C) + " spans " +
                                 shortestText(g.spanDex) + " decades of C: budgets may have been merged");
        if (p.hasVertex())
            ++withVertex;
        p.usedInFit = p.hasVertex() && (!options.fitTrustedOnly || p.trusted());
        if (p.usedInFit) {
            C.push_back(p.C);
            nOpt.push_back(p.nOpt);
            dOpt.push_back(p.dOpt);
        }
        r.profiles.push_back(std::move(p));
    }
    if (withVertex < r.profiles.size())
        r.warnings.push_back(std::to_string(r.profiles.size() - withVertex) + " of " +
                             std::to_string(r.profiles.size()) + " profiles have no vertex");
    if (options.fitTrustedOnly && C.size() < withVertex)
        r.warnings.push_back(std::to_string(withVertex - C.size()) +
                             " profiles with a vertex were left out of the power laws as untrusted");
    if (C.size() < 2) {
        r.warnings.push_back(
            "fewer than 2 profiles with a usable vertex: N_opt and D_opt power laws not fitted");
        return r;
    }
    if (auto f = PowerLawInC::fit(C, nOpt))
        r.nFit = *f;
    else
        r.warnings.push_back("N_opt power law: " + f.error().message);
    if (auto f = PowerLawInC::fit(C, dOpt))
        r.dFit = *f;
    else
        r.warnings.push_back("D_opt power law: " + f.error().message);
    if (C.size() == 2)
        r.warnings.push_back("only 2 profiles in the power laws: a and b have no standard error");
    return r;
}

tl::expected<IsoFlopResult, Error> isoFlopProfiles(const Sweep& sweep, const IsoFlopOptions& options)
{
    auto set = isoFlopPoints(sweep, options.weightColumn);
    if (!set)
        return tl::make_unexpected(set.error());
    auto r = isoFlopProfiles(set->points, options, set->skipped);
    if (!r && r.error().file.empty())
        r.error().file = sweep.sourcePath;
    return r;
}

tl::expected<IsoFlopResult, Error> isoFlopProfiles(const FitData& data, const IsoFlopOptions& options)
{
    const IsoFlopPointSet set = isoFlopPoints(data);
    return isoFlopProfiles(set.points, options, set.skipped);
}

} // namespace core

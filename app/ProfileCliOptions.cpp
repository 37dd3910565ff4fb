// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProfileCliOptions.h"

#include "core/io/NumberParser.h"

#include <cmath>

tl::expected<bool, std::string>
ProfileCliOptions::consume(const std::string& flag, const std::function<tl::expected<std::string, std::string>()>& value)
{
    const bool iso = flag == "--vertex" || flag == "--group";
    const bool env = flag == "--skip-tokens" || flag == "--skip-steps" || flag == "--ema" || flag == "--seed-column"
                     || flag == "--points-per-decade" || flag == "--min-c" || flag == "--max-c";
    if (!iso && !env)
        return false;
    (iso ? isoflopGiven : envelopeGiven) = true;
    auto v = value();
    if (!v)
        return tl::make_unexpected(v.error());
    if (flag == "--vertex") {
        if (*v == "parabola")
            isoflop.vertex = core::IsoFlopOptions::Vertex::Parabola;
        else if (*v == "spline" || *v == "akima")
            isoflop.vertex = core::IsoFlopOptions::Vertex::Spline;
        else
            return tl::make_unexpected("--vertex: expected parabola or spline, found '" + *v + "'");
        return true;
    }
    if (flag == "--group") {
        if (*v == "auto")
            isoflop.grouping = core::IsoFlopOptions::Grouping::Auto;
        else if (*v == "budget")
            isoflop.grouping = core::IsoFlopOptions::Grouping::Budget;
        else if (*v == "c" || *v == "C")
            isoflop.grouping = core::IsoFlopOptions::Grouping::BinnedC;
        else
            return tl::make_unexpected("--group: expected auto, budget or C, found '" + *v + "'");
        return true;
    }
    if (flag == "--seed-column") {
        envelope.seedColumn = *v;
        return true;
    }
    const auto x = core::parseNumber(*v);
    if (!x || !std::isfinite(*x) || *x < 0.0)
        return tl::make_unexpected(flag + ": expected a number >= 0, found '" + *v + "'");
    if (flag == "--skip-tokens")
        envelope.skipTokens = *x;
    else if (flag == "--skip-steps")
        envelope.skipSteps = *x;
    else if (flag == "--ema")
        envelope.emaFactor = *x;
    else if (flag == "--points-per-decade")
        envelope.pointsPerDecade = *x;
    else if (flag == "--min-c")
        envelope.minC = *x;
    else
        envelope.maxC = *x;
    return true;
}

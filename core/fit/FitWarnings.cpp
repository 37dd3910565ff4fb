// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/fit/FitWarnings.h"

#include "core/util/NumberText.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <string_view>

namespace core {

namespace {

constexpr double kRidgeExponent = 0.05;
constexpr double kNarrowRatio = 3.0;

} // namespace

void addFitWarnings(LawFit& fit, const FitData& data, const FitRequest& request)
{
    FitResult& r = fit.result;
    const Law& law = *request.law;
    // Several basins of near-equal objective.
    const MultiStartStats& st = fit.stats;
    if (st.disagreeing > 0 && st.disagreeingExample.size() == r.params.size()) {
        std::string example;
        if (const auto i = firstDifferentParameter(r.params, st.disagreeingExample))
            example = r.names[*i] + " " + core::significantText(r.params[*i], 4) + " vs " +
                      core::significantText(st.disagreeingExample[*i], 4);
        r.warnings.push_back("starts disagree: " + std::to_string(st.disagreeing)
                             + " converged starts within 0.1% of the best objective have different parameters (e.g. "
                             + example + "); the data do not pin the law down");
    }
    // The exponent -> 0, coefficient -> infinity ridge.
    static constexpr std::array<std::array<std::string_view, 2>, 4> kPairs{{
        {"alpha", "A"}, {"beta", "B"}, {"alphaN", "Nc"}, {"alphaD", "Dc"}}};
    for (const auto& [exponent, coefficient] : kPairs) {
        const auto e = law.parameterIndex(exponent);
        const auto c = law.parameterIndex(coefficient);
        if (!e || !c || request.fixed.count(std::string(exponent)) || request.fixed.count(std::string(coefficient)))
            continue;
        if (r.params[*e] < kRidgeExponent)
            r.warnings.push_back(
                std::string(exponent) + " = " + core::significantText(r.params[*e], 4) +
                " is near 0: the fit runs along the " + std::string(exponent) + " -> 0, " +
                std::string(coefficient) +
                " -> infinity ridge, where that term is nearly constant and trades off against E");
    }
    // Too narrow a spread of D/N to separate alpha from beta.
    if (!law.usesX() && law.parameterIndex("alpha") && law.parameterIndex("beta") && data.size() > 0
        && data.N.size() == data.D.size()) {
        const Eigen::ArrayXd ratio = data.D.array() / data.N.array();
        const double spread = ratio.maxCoeff() / ratio.minCoeff();
        if (spread < kNarrowRatio)
            r.warnings.push_back("D/N spans only a factor of " + core::significantText(spread, 4) +
                                 " over the fit's points: alpha and beta cannot be told apart; add runs at "
                                 "other token-to-parameter ratios");
    }
}

} // namespace core

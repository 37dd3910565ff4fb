// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/fit/DerivedQuantities.h"

#include <cmath>
#include <limits>

namespace core {

std::vector<std::pair<std::string, double>> derivedQuantities(const Law& law, std::span<const double> params)
{
    const auto a = law.parameterIndex("A"), b = law.parameterIndex("B");
    const auto alpha = law.parameterIndex("alpha"), beta = law.parameterIndex("beta");
    if (law.usesX() || !a || !b || !alpha || !beta)
        return {};
    const double al = params[*alpha], be = params[*beta], sum = al + be;
    if (!(sum > 0.0)) {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        return {{"a", nan}, {"b", nan}, {"G", nan}};
    }
    const double g = std::pow(al * params[*a] / (be * params[*b]), 1.0 / sum);
    return {{"a", be / sum}, {"b", al / sum}, {"G", g}};
}

} // namespace core

// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/fit/FitQuality.h"

#include <cmath>
#include <limits>

namespace core {

void setLogFitQuality(FitResult& result, std::span<const double> logResiduals, const Eigen::VectorXd& y)
{
    const auto n = static_cast<double>(logResiduals.size());
    if (logResiduals.empty() || static_cast<Eigen::Index>(logResiduals.size()) != y.size()) {
        result.rmseLog = result.r2Log = std::numeric_limits<double>::quiet_NaN();
        return;
    }
    double ssRes = 0.0;
    for (double r : logResiduals)
        ssRes += r * r;
    const Eigen::ArrayXd logY = y.array().log();
    const double ssTot = (logY - logY.mean()).square().sum();
    result.rmseLog = std::sqrt(ssRes / n);
    result.r2Log = ssTot > 0.0 ? 1.0 - ssRes / ssTot : std::numeric_limits<double>::quiet_NaN();
}

} // namespace core

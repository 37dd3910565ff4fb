// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/fit/FitResult.h"

#include <Eigen/Core>

#include <span>

namespace core {

/// Fills result.rmseLog and result.r2Log from residuals in log loss (log Lhat_i - log y_i) and the
/// observed losses y (> 0; NaN results otherwise): rmse = sqrt(mean r^2), R^2 = 1 - SS_res/SS_tot
/// of log y. The same definitions for every objective, so fits can be compared.
void setLogFitQuality(FitResult& result, std::span<const double> logResiduals, const Eigen::VectorXd& y);

} // namespace core

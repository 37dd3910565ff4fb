// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/fit/FitData.h"
#include "core/fit/FitResult.h"
#include "core/fit/ParameterMap.h"
#include "core/fit/ResidualLoss.h"

#include <span>
#include <vector>

namespace core {

/// Everything a FitResult says about a parameter vector, whichever solver found it: names,
/// params, per-point residuals (objective space, unweighted), the objective (summed, with weights
/// and penalty), the gradient's infinity norm in the free parameters, log-space RMSE and R^2,
/// AIC/BIC (least squares only; NaN for Huber), standard errors and bound warnings.
/// Standard errors: least squares, sqrt(diag(s^2 (J^T C J)^-1)) with s^2 = objective/(n - k);
/// Huber, the M-estimator sandwich A^-1 B A^-1 n/(n - k), A = sum c_i rho''(r_i) J_i J_i^T,
/// B = sum (c_i rho'(r_i))^2 J_i J_i^T (Huber 1973); NaN with a warning when singular. J is the
/// Jacobian of the residuals in the free parameters; fixed parameters get 0, followers their leader's.
/// Leaves iterations, termination and converged to the caller. Pure function, thread-safe.
[[nodiscard]] FitResult evaluateFit(const Law& law, const FitData& data, const ParameterMap& map,
                                    const ResidualLoss& loss, std::span<const double> params);

} // namespace core

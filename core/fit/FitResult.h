// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace core {

/// The outcome of a fit, never rounded. `params` and `stderrs` follow the law's parameter order
/// (a fixed parameter has its fixed value and a standard error of 0). Standard errors come from
/// the Jacobian at the optimum: sqrt(diag(s^2 (J^T W J)^-1)), s^2 = objective / (n - free).
struct FitResult {
    std::vector<std::string> names;
    std::vector<double> params;
    std::vector<double> stderrs;
    double objective = 0.0;    ///< the minimised sum (see Objective)
    double gradientNorm = 0.0; ///< infinity norm of the objective's gradient in the parameters
    std::size_t iterations = 0;
    std::string termination;   ///< why the solver stopped, in words
    bool converged = false;
    std::vector<double> residuals;   ///< per point, in the objective's space (unweighted)
    double rmseLog = 0.0; ///< sqrt(mean((log Lhat - log y)^2)), whatever the objective (NaN if y <= 0)
    double r2Log = 0.0;   ///< 1 - SS_res/SS_tot of log loss (NaN if y <= 0)
    double aic = 0.0;     ///< least squares: n ln(objective/n) + 2k (k free parameters); NaN for Huber
    double bic = 0.0;     ///< least squares: n ln(objective/n) + k ln n; NaN for Huber
    std::vector<std::string> warnings;
};

} // namespace core

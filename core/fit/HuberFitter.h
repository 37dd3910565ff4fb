// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/fit/FitData.h"
#include "core/fit/FitRequest.h"
#include "core/fit/FitResult.h"
#include "core/util/Error.h"
#include "core/util/Progress.h"

#include <tl/expected.hpp>

namespace core {

/// Fits request.law by minimising the summed Huber objective on log residuals (Objective::HuberLog,
/// with weights, delta and the over-estimate penalty) from one start (request.start, or the law's
/// defaults) with L-BFGS (minimiseLbfgs) in the ParameterMap's unconstrained variables, using the
/// law's analytic gradient. Converged when the gradient's infinity norm in those variables is
/// <= 1e-9 max(1, objective at the start), or when the line search stalls at machine precision within 100x of it.
/// Standard errors: the Huber sandwich (see evaluateFit). Any law; the multi-start driver (fitLaw)
/// calls this once per start.
/// Errors (values): as fitLeastSquares (law, fixed/bounds/ties, data), an objective other than
/// HuberLog, a start where the law cannot be evaluated, "cancelled". Not converging is a result.
/// Thread-safe for distinct calls; `progress` is called from the calling thread per iteration.
[[nodiscard]] tl::expected<FitResult, Error> fitHuber(const FitData& data, const FitRequest& request,
                                                      const Progress& progress = {});

} // namespace core

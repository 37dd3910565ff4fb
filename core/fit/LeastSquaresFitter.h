// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/fit/FitData.h"
#include "core/fit/FitRequest.h"
#include "core/fit/FitResult.h"
#include "core/util/Error.h"
#include "core/util/Progress.h"

#include <tl/expected.hpp>

namespace core {

/// Fits request.law to `data` by nonlinear least squares (GSL multifit_nlinear: trust region,
/// Levenberg-Marquardt with geodesic acceleration, analytic Jacobian from Law::gradient) from one
/// start. Bounds are kept by smooth reparametrisation (log for one-sided, logistic for two-sided
/// bounds); fixed parameters are left out of the search. Multi-start search, Huber objectives and
/// variable projection build on this (issue 3).
/// Errors (as values, never exceptions or aborts): no law, an unknown fixed-parameter name, fewer
/// points than free parameters, non-positive loss under a log objective, non-positive (when
/// Law::needsPositiveInputs()) or non-finite inputs the law reads, or cancellation. A residual the
/// law cannot evaluate at a trial point (after a finite start) rejects that step, not the fit.
/// A fit that stops without converging is a result with converged = false and the reason in
/// `termination`, not an error.
/// Thread-safe for distinct calls; `progress` is called from the calling thread once per iteration.
[[nodiscard]] tl::expected<FitResult, Error> fitLeastSquares(const FitData& data, const FitRequest& request,
                                                             const Progress& progress = {});

} // namespace core

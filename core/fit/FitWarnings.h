// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/fit/FitData.h"
#include "core/fit/FitRequest.h"
#include "core/fit/LawFitter.h"

namespace core {

/// Appends to fit.result.warnings what a researcher should know before trusting the fit:
///  - starts disagree: converged starts within 1e-3 relative of the best objective whose
///    parameters differ by more than 1% (MultiStartStats::disagreeing; near-equal basins);
///  - an exponent (alpha, beta, alphaN, alphaD) below 0.05 with its coefficient free: the fit runs
///    along the exponent -> 0, coefficient -> infinity ridge, trading that term against E;
///  - for laws in N and D, D/N spanning less than a factor of 3 over the points: alpha and beta
///    cannot be told apart.
/// Pure function of its arguments.
void addFitWarnings(LawFit& fit, const FitData& data, const FitRequest& request);

} // namespace core

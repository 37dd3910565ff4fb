// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/fit/FitData.h"
#include "core/fit/FitRequest.h"
#include "core/fit/FitResult.h"
#include "core/fit/MultiStartStats.h"
#include "core/util/Error.h"
#include "core/util/Progress.h"

#include <tl/expected.hpp>

#include <string>

namespace core {

/// A finished multi-start fit: the best start's result, how all starts ended, and the optimiser
/// and initialisation in words (recorded with the result).
struct LawFit {
    FitResult result;
    MultiStartStats stats;
    std::string optimiser;
    std::string initialisation;
};

/// One local solve from request.start (the law's defaults if empty) with the solver for the
/// objective: fitLeastSquares for LsqLog/Lsq, fitHuber for HuberLog. Errors and threading as theirs.
[[nodiscard]] tl::expected<FitResult, Error> fitLocal(const FitData& data, const FitRequest& request,
                                                      const Progress& progress = {});

/// The fitting engine's entry point: fits request.law to `data` with request.objective from the
/// starts request.grid asks for (see StartGrid), each refined by the local solver for the
/// objective (fitLeastSquares for LsqLog/Lsq; fitHuber for HuberLog, or fitChinchillaHuber for
/// an unconstrained Chinchilla Huber fit on Hoffmann's grid), on up to request.threads threads.
/// The best converged start wins (lowest objective; ties: lowest start index), so the result does
/// not depend on the thread count. Adds warnings: several optima with objectives within 1e-3
/// relative but different parameters ("starts disagree"), an exponent running to 0 with its
/// coefficient large (the alpha -> 0, A -> infinity ridge), and, for laws in N and D, a spread of
/// D/N too narrow to separate alpha from beta (under a factor of 3).
/// `progress` is called from the calling thread with the fraction of starts done; false cancels.
/// Errors (values): bad request or data (see ParameterMap::create, checkFitData), a grid the law
/// does not support, every start failing, "cancelled". A fit that does not converge is a result.
[[nodiscard]] tl::expected<LawFit, Error> fitLaw(const FitData& data, const FitRequest& request,
                                                 const Progress& progress = {});

} // namespace core

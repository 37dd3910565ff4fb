// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/alloc/Allocation.h"
#include "core/fit/Law.h"
#include "core/plot/CurveSpec.h"
#include "core/util/Error.h"
#include "core/util/Progress.h"

#include <tl/expected.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace core {

/// A percentile band around a sampled curve: at each x (data units, ascending, a subset of the
/// curve's log-uniform samples) the (1 - level)/2 and (1 + level)/2 quantiles (core::quantile,
/// numpy's linear method) of the values the bootstrap draws give there. Only x at which at least
/// half of the draws give a finite value > 0 are kept, and the quantiles are taken over those
/// values only, so lower and upper are finite and > 0 (log-axis safe). Never rounded.
struct CurveBand {
    std::vector<double> x, lower, upper; ///< aligned, equal lengths
    double level = 0.95;                 ///< central coverage
    std::size_t draws = 0;               ///< bootstrap draws given
};

/// Bands of the compute-optimal frontier against x = C (FLOPs): L_opt (nats/token), N_opt
/// (parameters) and D_opt (tokens), each kept where at least half the draws allocate with a finite
/// value > 0. `failed` counts (budget, draw) pairs whose computeOptimal() gave an error.
struct FrontierBands {
    CurveBand loss, N, D;
    std::size_t failed = 0;
    std::vector<std::string> warnings; ///< one line when failed > 0, quoting the first error
};

/// The band of the curve `spec` (see lawCurve()) over bootstrap `draws`: rows as
/// BootstrapResult::draws, the law's parameters first (law.parameters().size() values; trailing
/// derived quantities are ignored). A draw that evaluates to NaN, infinity or <= 0 at an x simply
/// does not count there. Work is spread over `threads` threads (0 = all cores) by x sample; the
/// result does not depend on the count. Callable from any thread; `progress` (optional) is called
/// from the calling thread with the fraction done and cancels by returning false.
/// Errors (values): checkCurveSpec()'s, no draws or a draw shorter than the law's parameters
/// ("--bootstrap"), level not in (0, 1) ("level"), "cancelled".
[[nodiscard]] tl::expected<CurveBand, Error> curveBand(const Law& law,
                                                       const std::vector<std::vector<double>>& draws,
                                                       const CurveSpec& spec, double level = 0.95,
                                                       unsigned threads = 0, const Progress& progress = {});

/// Bands of frontier() over bootstrap `draws` (as curveBand()): at each log-uniform budget C in
/// [cLo, cHi], computeOptimal(law, draw, C, options) for every draw and the quantiles of L_opt,
/// N_opt and D_opt. Threads, progress and determinism as curveBand().
/// Errors (values): checkFrontierRange()'s, the draw and level errors of curveBand(), "cancelled".
[[nodiscard]] tl::expected<FrontierBands, Error>
frontierBands(const Law& law, const std::vector<std::vector<double>>& draws, double cLo, double cHi,
              std::size_t samples, const AllocationOptions& options = {}, double level = 0.95,
              unsigned threads = 0, const Progress& progress = {});

} // namespace core

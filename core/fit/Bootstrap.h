// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/fit/FitData.h"
#include "core/fit/FitRequest.h"
#include "core/fit/FitResult.h"
#include "core/fit/MultiStartStats.h"
#include "core/util/Error.h"
#include "core/util/Progress.h"

#include <tl/expected.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace core {

/// Settings of bootstrapFit.
struct BootstrapOptions {
    std::size_t resamples = 1000;
    std::uint64_t seed = 0;
    unsigned threads = 0; ///< 0 = all cores
};

/// Percentile bootstrap of a fit. `names` lists the law's parameters, then the derived quantities
/// (derivedQuantities()); `lower`/`upper` are the 2.5th/97.5th percentiles (linear interpolation
/// between order statistics, as numpy's default) and `stddev` the standard deviation over the
/// successful resamples, all in that order. `draws` keeps every successful resample's values
/// (resample order) for propagating uncertainty to other quantities.
struct BootstrapResult {
    std::vector<std::string> names;
    std::vector<double> lower, upper, stddev;
    std::vector<std::vector<double>> draws;
    std::size_t resamples = 0; ///< asked for
    std::size_t failed = 0;    ///< resamples whose fit failed or did not converge (left out)
    std::vector<std::string> warnings;
};

/// Resamples the fit's runs with replacement (FitData::run; all points of a drawn run come along),
/// refits each resample and summarises. Each resample is fitted by a multi-start search, not a
/// single warm start: for `power` and `chinchilla`, variable projection over an exponent grid of
/// step 0.05 spanning 0.25 beyond the full-data optimum's exponents, its 3 best local minima
/// refined by the objective's local solver (the full-data optimum if the grid yields none); for
/// other laws, the full fit's best parameters and its next distinct optima (`optima`, at most 3). The best
/// converged start counts. Deterministic for a seed, independent of the thread count (resample k
/// draws from its own generator seeded by (seed, k)).
/// `progress` is called from the calling thread with the fraction of resamples done; false cancels.
/// Errors (values): fewer than 2 runs, resamples = 0, bad request, "cancelled", or every resample failing.
[[nodiscard]] tl::expected<BootstrapResult, Error>
bootstrapFit(const FitData& data, const FitRequest& request, const FitResult& full,
             const std::vector<MultiStartOptimum>& optima, const BootstrapOptions& options,
             const Progress& progress = {});

} // namespace core

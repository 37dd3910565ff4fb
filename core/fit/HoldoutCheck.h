// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/fit/FitData.h"
#include "core/fit/FitRequest.h"
#include "core/fit/LawFitter.h"
#include "core/util/Error.h"
#include "core/util/Progress.h"

#include <tl/expected.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace core {

/// Which points are held out: those whose N (parameters) or C (FLOPs) is above `threshold`.
struct HoldoutSplit {
    char quantity = 'N'; ///< 'N' or 'C'
    double threshold = 0.0;
    bool operator==(const HoldoutSplit&) const = default;
};

/// An extrapolation check: the law fitted to the points at or below the threshold, and how well
/// it predicts the loss of the points above it. Errors are |Lhat - L| / L (dimensionless).
struct HoldoutResult {
    HoldoutSplit split;
    LawFit fit;                    ///< the fit to the points at or below the threshold
    std::vector<double> observed;  ///< held-out losses, in data order
    std::vector<double> predicted; ///< the fit's predictions there
    double meanAbsRelError = 0.0;
    double maxAbsRelError = 0.0;
};

/// Splits `data` at split.threshold, fits the lower part with fitLaw(request) and predicts the
/// upper part. Errors (values): quantity not N or C, a threshold leaving no point on either side,
/// any fitLaw error for the lower part. Threads and progress as fitLaw.
[[nodiscard]] tl::expected<HoldoutResult, Error> holdoutCheck(const FitData& data, const FitRequest& request,
                                                              const HoldoutSplit& split, const Progress& progress = {});

} // namespace core

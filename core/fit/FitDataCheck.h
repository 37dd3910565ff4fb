// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/fit/FitData.h"
#include "core/fit/FitRequest.h"
#include "core/util/Error.h"

#include <tl/expected.hpp>

#include <cstddef>

namespace core {

/// Whether `data` can be fitted by request.law with `freeParameters` free parameters: the inputs
/// the law reads are finite (and > 0 when Law::needsPositiveInputs()), the loss is finite (and > 0
/// for the log objectives), weights are finite and >= 0, there are at least as many points as
/// free parameters, and the inputs vary (all runs at one N, or one D, cannot identify a law).
/// Errors name the parameter ("N", "D", "x", "loss", "weights", "--law") and the first bad point
/// (1-based, in fit order). Also checks delta > 0 and penalty >= 1. Pure function.
[[nodiscard]] tl::expected<void, Error> checkFitData(const FitData& data, const FitRequest& request,
                                                     std::size_t freeParameters);

} // namespace core

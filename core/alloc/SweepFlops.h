// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/alloc/FlopModel.h"
#include "core/data/Sweep.h"
#include "core/util/Error.h"

#include <tl/expected.hpp>

namespace core {

/// Recounts a sweep's training FLOPs under `model`: every run's C becomes model.count(N, D,
/// its numeric attributes as architecture columns) and every curve point's flops the per-token
/// count times its tokens; the sweep's conventions record the model's formula. Runs without a
/// usable N or D (left out of plots and fits anyway) are left as they are.
/// Errors (values, parameter "--flops"): the first run missing an architecture column the model
/// needs, naming the run and the columns. The sweep is unchanged on error.
[[nodiscard]] tl::expected<void, Error> applyFlopModel(Sweep& sweep, const FlopModel& model);

} // namespace core

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/alloc/EnvelopeOptions.h"
#include "core/alloc/EnvelopeResult.h"
#include "core/data/Sweep.h"
#include "core/util/Error.h"

#include <tl/expected.hpp>

namespace core {

/// Chinchilla's approach 1 (Hoffmann et al. 2022, section 3.1): prepare each run's training curve
/// (EnvelopeCurve::fromRun: warmup, EMA; then averageSeedMates), and at C = 10^(j / pointsPerDecade)
/// over the C range the curves cover (narrowed by minC/maxC) take the curve with the lowest
/// loss, interpolated linearly in (ln C, ln loss); then fit N_opt and D_opt power laws in C.
/// Errors: an option out of range (named as on the command line: --ema, --points-per-decade,
/// --skip-tokens, --skip-steps, --min-c/--max-c, --seed-column when no run has that attribute);
/// no run with a usable curve; no grid point inside the covered range.
/// Pure and thread-safe; runs on the calling thread (linear in points times grid size).
[[nodiscard]] tl::expected<EnvelopeResult, Error> envelope(const Sweep& sweep,
                                                           const EnvelopeOptions& options);

} // namespace core

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CliOptions.h"

#include <ostream>

/// `scalelab-cli isoflop FILE`: Chinchilla approach 2 (core::isoFlopProfiles) on the file's final
/// losses: per budget the vertex (N_opt, D_opt, loss, interval, points, warnings) and the fitted
/// exponents a and b. `--flops kaplan|chinchilla` first recounts every run's C from its
/// architecture columns. Returns 0, or 2 on bad input or usage.
int runIsoFlopCommand(const CliOptions& options, std::ostream& out, std::ostream& err);

/// `scalelab-cli envelope FILE`: Chinchilla approach 1 (core::envelope) on the file's training
/// curves: the envelope points (C, N_opt, D_opt, loss, run) and the fitted a and b, in the shape of
/// `isoflop`'s output. Returns 0, or 2 on bad input or usage.
int runEnvelopeCommand(const CliOptions& options, std::ostream& out, std::ostream& err);

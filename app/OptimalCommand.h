// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CliOptions.h"

#include <ostream>

/// `scalelab-cli optimal`: Chinchilla approach 3 from a fitted law (fitted here from FILE with the
/// fit options, read from --fit FIT.json, or given by --law/--params): the compute-optimal N, D,
/// tokens per parameter and loss at each --budget, or the smallest budget reaching --target-loss;
/// inference-aware with --inference-tokens (a budget is then training plus inference), capped
/// unique data with --unique-tokens (law datacon). 95% intervals when the fit carries bootstrap
/// samples. Returns 0 (1 when a fit made here did not converge; results still printed), 2 on bad
/// input or usage.
int runOptimalCommand(const CliOptions& options, std::ostream& out, std::ostream& err);

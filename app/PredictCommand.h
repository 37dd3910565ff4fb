// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CliOptions.h"

#include <ostream>

/// `scalelab-cli predict`: evaluates a law, with parameters from a fit's JSON output (--fit) or the
/// command line (--law, --params), at each --at point, and prints the predicted losses as text or
/// JSON. Returns 0, or 2 with a message on `err` for bad input (unreadable fit file, unknown or
/// missing parameters, points lacking the inputs the law reads, non-positive inputs).
int runPredictCommand(const CliOptions& options, std::ostream& out, std::ostream& err);

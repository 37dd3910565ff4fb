// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CliOptions.h"
#include "FitReport.h"

#include <tl/expected.hpp>

#include <ostream>

/// `scalelab-cli fit FILE --law LAW ...`: loads the file, selects the fit points, fits the law
/// (core::fitLaw; optionally core::bootstrapFit and core::holdoutCheck)
/// and prints the result as text or JSON (the issue-3 contract; see README).
/// Returns 0 when converged, 1 when not (result printed), 2 on bad input.
int runFitCommand(const CliOptions& options, std::ostream& out, std::ostream& err);

/// The work of `fit` without printing: load, select, fit, bootstrap and holdout as the options
/// say. Errors are messages for stderr (exit status 2). Used by `fit` and `optimal FILE`.
[[nodiscard]] tl::expected<FitReport, std::string> fitFromOptions(const CliOptions& options);

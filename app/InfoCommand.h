// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CliOptions.h"

#include <ostream>

/// `scalelab-cli info FILE`: loads the file through core::importFile and describes the sweep on
/// `out` as text or JSON; errors (file:line:column: message) go to `err`.
/// Returns the process exit status: 0 on success, 2 on bad input.
int runInfoCommand(const CliOptions& options, std::ostream& out, std::ostream& err);

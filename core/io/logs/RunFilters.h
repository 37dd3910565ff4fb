// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/data/AttributeValue.h"
#include "core/io/ImportOptions.h"
#include "core/io/logs/LoggedRun.h"
#include "core/util/Error.h"

#include <tl/expected.hpp>

#include <map>
#include <string>
#include <vector>

namespace core {

/// Keeps the logged runs whose attributes pass every filter (ImportOptions::filters, the CLI's
/// --where), removing the others from `runs` and `attributes` together (attributes[i] belongs to
/// runs[i]). A filter names a parameter or attribute key, or "run" for the run's name when no
/// attribute is called so; numbers compare as numbers ("1e-3" == "0.001"), text as trimmed text;
/// a run without the key fails an "=" filter and passes a "!=" one. Errors (parameter --where):
/// a key that no run has (listing some that exist), or no run left. Returns how many were removed.
[[nodiscard]] tl::expected<std::size_t, Error>
filterRuns(std::vector<LoggedRun>& runs, std::vector<std::map<std::string, AttributeValue>>& attributes,
           const std::vector<RowFilter>& filters);

} // namespace core

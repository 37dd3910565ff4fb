// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/logs/LoggedRun.h"
#include "core/util/Error.h"

#include <tl/expected.hpp>

#include <string>
#include <string_view>

namespace core {

/// Parses one line of an MLflow file-store metric file: "<timestamp ms> <value> <step>", or the
/// legacy "<timestamp ms> <value>" (step 0). The value is Python's repr of a float ("0.25",
/// "1e-05", "nan", "inf", "-inf"), read exactly; timestamp and step are integers. Fields are
/// separated by spaces or tabs. On failure `column` (1-based) and `message` say what is wrong.
/// Pure; thread-safe.
[[nodiscard]] bool parseMlflowMetricLine(std::string_view line, double& step, double& value,
                                         std::size_t& column, std::string& message);

/// Appends every point of the metric file at `path` to `series`, in file order (MLflow's logged
/// order). Blank lines are skipped. Errors name the file, line and column: a malformed line, a
/// NUL byte, an unreadable file. Streams the file through one buffer; thread-safe.
[[nodiscard]] tl::expected<void, Error> readMlflowMetricFile(const std::string& path,
                                                             LoggedSeries& series);

} // namespace core

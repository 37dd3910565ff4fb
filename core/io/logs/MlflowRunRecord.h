// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/data/AttributeValue.h"
#include "core/io/logs/LoggedRun.h"

#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace core {

/// One MLflow run as a store (file store or SQLite) holds it, before the runs are ordered and
/// given their ids. `run` has its name, source, format, params (user params and "tags.<key>")
/// and series filled in; orderMlflowRuns sets its id.
struct MlflowRunRecord {
    LoggedRun run;
    std::string experimentId;   ///< as the store writes it ("0", "123456789")
    std::string experimentName; ///< the experiment's name, or its id when unknown
    std::string runId;          ///< MLflow's run id (run_uuid)
    double startTime = std::numeric_limits<double>::quiet_NaN(); ///< ms since the epoch; NaN unknown
};

/// A parameter or tag as MLflow stores it (always text) as an attribute: a number when the whole
/// text is a decimal number ("1000000", "3e-4", "-2", "nan"), text otherwise ("70M", "True",
/// "[1, 2]", ""). Size suffixes are left to the assembler, which reads them for N/D keys.
[[nodiscard]] AttributeValue mlflowParamValue(std::string_view text);

/// Orders runs by experiment id (numeric ids first, by value), then start time (unknown last),
/// then run id; sets each LoggedRun::id to "<experiment name>/<run name>" ("/<run id>" when the
/// run has no name), with " [<run id>]" appended to every run whose id would collide; adds params
/// "experiment" (its name) and "run_id" unless the run logged params with those keys.
[[nodiscard]] std::vector<LoggedRun> orderMlflowRuns(std::vector<MlflowRunRecord> records);

} // namespace core

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/data/AttributeValue.h"

#include <cstddef>
#include <limits>
#include <map>
#include <string>
#include <vector>

namespace core {

/// One metric of one logged run, in the order the tracker logged it. `step`, `value` and
/// `tokens` always have the same length; an unknown step or token count is NaN. Units: step =
/// optimizer steps, tokens = training tokens seen so far (only when the log records them, e.g.
/// Hugging Face's num_input_tokens_seen), value = the metric as logged (NaN and inf kept).
struct LoggedSeries {
    std::string metric;
    std::vector<double> step;
    std::vector<double> value;
    std::vector<double> tokens;

    void append(double stepValue, double metricValue,
                double tokenCount = std::numeric_limits<double>::quiet_NaN());
    [[nodiscard]] std::size_t size() const { return value.size(); }
};

/// One run as an experiment tracker logged it, before N, D and C are attached (RunAssembler does
/// that). A value type that owns all its data.
struct LoggedRun {
    static constexpr double kUnknown = std::numeric_limits<double>::quiet_NaN();

    std::string id;     ///< unique within one load, e.g. the run directory relative to the opened folder
    std::string name;   ///< display name (MLflow's run name, the file stem, the W&B run name)
    std::string source; ///< the file or directory it was read from, for messages
    std::string format; ///< the id of the importer that read it, e.g. "tensorboard"
    /// Parameters, config, hyperparameters and tags, keyed as in the source; nested keys joined
    /// with '.' ("hyperparameters.params"). Numbers stay numbers (never rounded), text stays text.
    std::map<std::string, AttributeValue> params;
    std::vector<LoggedSeries> series; ///< one per metric, in order of first appearance
    /// Run-level N, D, C, budget and unique tokens when the source states them as such (a sweep
    /// table read by a table importer); NaN otherwise, and RunAssembler resolves them from params.
    double N = kUnknown;
    double D = kUnknown;
    double C = kUnknown;
    double budget = kUnknown;
    double U = kUnknown;

    /// The series for `metric`, or nullptr.
    [[nodiscard]] const LoggedSeries* find(const std::string& metric) const;
    /// The series for `metric`, appended (empty) when the run has none yet.
    LoggedSeries& seriesFor(const std::string& metric);
    [[nodiscard]] std::size_t pointCount() const;
};

/// What a log importer read: the runs, and warnings about records it skipped (bad CRCs, rows with
/// the wrong number of fields), each naming the file and where.
struct RunLogs {
    std::vector<LoggedRun> runs;
    std::vector<std::string> warnings;
};

} // namespace core

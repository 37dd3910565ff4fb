// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/fit/FitRequest.h"
#include "core/fit/FitSelection.h"

#include <tl/expected.hpp>

#include <functional>
#include <map>
#include <string>

/// The options of `scalelab-cli fit`, as given on the command line (the law by id; the rest as
/// core values). Parsing never exits or prints.
struct FitCliOptions {
    std::string law;
    core::Objective objective = core::Objective::LsqLog;
    bool huberLog = false; ///< --objective huber-log (chinchilla law, multi-start)
    double delta = 1e-3;   ///< Huber threshold for huber-log
    std::string grid;      ///< --grid as given ("" = the objective's default)
    std::map<std::string, double> fixed;
    std::map<std::string, double> starts;
    core::FitSelection selection;
    bool anyGiven = false; ///< whether any fit option appeared (they belong to `fit` only)
    bool xGiven = false;   ///< whether --x appeared

    /// "name=value,name=value" -> map (values read with strtod; the CLI runs in the C locale).
    [[nodiscard]] static tl::expected<std::map<std::string, double>, std::string>
    parseAssignments(const std::string& flag, const std::string& text);

    /// Consumes `flag` if it is a fit option, reading its value through `value`; returns false for
    /// flags that are not fit options, or an error message for a bad value.
    [[nodiscard]] tl::expected<bool, std::string>
    consume(const std::string& flag, const std::function<tl::expected<std::string, std::string>()>& value);
};

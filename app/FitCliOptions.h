// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/fit/FitRequest.h"
#include "core/fit/FitSelection.h"
#include "core/fit/HoldoutCheck.h"

#include <tl/expected.hpp>

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

/// The options of `scalelab-cli fit`, as given on the command line (the law by id; the rest as
/// core values). Parsing never exits or prints.
struct FitCliOptions {
    std::string law;
    std::string formula;                          ///< --formula EXPR (law "formula")
    std::optional<core::Objective> objective;     ///< nullopt: lsq for formula, lsq-log otherwise
    double delta = 1e-3;                          ///< --delta, Huber threshold for huber-log
    double overestimatePenalty = 1.0;             ///< --overestimate-penalty
    std::string weightsColumn;                    ///< --weights COLUMN (a numeric column, per run)
    core::StartGrid grid = core::StartGrid::Default;
    std::size_t lhsStarts = 0;                    ///< K of --grid lhs:K
    std::map<std::string, double> fixed;
    std::vector<std::pair<std::string, double>> starts; ///< --start, in the order given
    std::map<std::string, core::ParameterBounds> bounds;
    std::vector<core::ParameterTie> ties;
    std::size_t bootstrap = 0;                    ///< --bootstrap K (0: none)
    std::uint64_t seed = 0;                       ///< --seed S
    std::optional<core::HoldoutSplit> holdout;    ///< --holdout-above N=VALUE|C=VALUE
    core::FitSelection selection;
    bool anyGiven = false; ///< whether any fit option appeared (they belong to `fit` only)
    bool xGiven = false;   ///< whether --x appeared

    /// The objective in effect: as given, else lsq for `formula` and lsq-log otherwise.
    [[nodiscard]] core::Objective effectiveObjective() const
    {
        return objective ? *objective : (law == "formula" ? core::Objective::Lsq : core::Objective::LsqLog);
    }

    /// "name=value,name=value" -> pairs in order (values read with strtod; the CLI runs in the C
    /// locale). Duplicate names: the last wins.
    [[nodiscard]] static tl::expected<std::vector<std::pair<std::string, double>>, std::string>
    parseAssignments(const std::string& flag, const std::string& text);

    /// Consumes `flag` if it is a fit option, reading its value through `value`; returns false for
    /// flags that are not fit options, or an error message for a bad value.
    [[nodiscard]] tl::expected<bool, std::string>
    consume(const std::string& flag, const std::function<tl::expected<std::string, std::string>()>& value);
};

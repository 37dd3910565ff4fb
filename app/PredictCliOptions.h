// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tl/expected.hpp>

#include <functional>
#include <map>
#include <string>
#include <vector>

/// The options of `scalelab-cli predict` beyond --law and --x (shared with fit): the parameters,
/// either from a fit's JSON output (--fit) or given (--params), and the points (--at, repeatable).
struct PredictCliOptions {
    std::string fitFile;
    std::map<std::string, double> params;
    std::vector<std::map<std::string, double>> at;
    bool anyGiven = false;

    /// Consumes `flag` if it is a predict option; false for other flags; an error for bad values.
    [[nodiscard]] tl::expected<bool, std::string>
    consume(const std::string& flag, const std::function<tl::expected<std::string, std::string>()>& value);
};

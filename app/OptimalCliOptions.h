// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tl/expected.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

/// The options of `scalelab-cli optimal` beyond the model's source (FILE with fit options, --fit or
/// --law/--params): budgets (FLOPs; repeatable, or comma-separated) or a target loss (nats/token),
/// the FLOP model, inference tokens and a unique-token cap. Parsing never exits or prints.
struct OptimalCliOptions {
    std::vector<double> budgets;
    std::optional<double> targetLoss;
    std::string flops = "6nd";
    double inferenceTokens = 0.0;
    double uniqueTokens = 0.0;
    bool anyGiven = false;

    /// Consumes `flag` if it is an optimal option; false for other flags; an error for bad values.
    [[nodiscard]] tl::expected<bool, std::string>
    consume(const std::string& flag, const std::function<tl::expected<std::string, std::string>()>& value);
};

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "FitCliOptions.h"

#include "core/fit/Law.h"
#include "core/plot/PlotPoints.h"

#include <tl/expected.hpp>

#include <map>
#include <string>
#include <vector>

/// A fitted law as `predict` and `optimal` use it: the law (from the registry, not owned), all its
/// parameters in order, the one-variable laws' x quantity, and bootstrap draws when the source
/// had them (each row: the law's parameters first, then derived quantities).
struct FittedModel {
    const core::Law* law = nullptr;
    std::vector<double> params;
    core::XQuantity x = core::XQuantity::N;
    std::vector<std::vector<double>> draws;
};

/// Writes `"params": {name: value, ...}` for the model's law, in the law's order.
void writeModelParams(class JsonWriter& j, const FittedModel& model);

/// From --law and --params; `where` prefixes messages (e.g. the file name). Every parameter of
/// the law must be given, and no other.
[[nodiscard]] tl::expected<FittedModel, std::string>
fittedModelFromParams(const std::string& lawId, const std::map<std::string, double>& given, core::XQuantity x,
                      const std::string& where);

/// From the JSON that `fit --format json` wrote: law, params, settings.x (unless --x was given)
/// and bootstrap.samples (rows checked against bootstrap.names and the law's parameters).
[[nodiscard]] tl::expected<FittedModel, std::string> fittedModelFromFile(const std::string& path,
                                                                        const FitCliOptions& fit);

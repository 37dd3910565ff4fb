// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/data/AttributeValue.h"
#include "core/data/Curve.h"

#include <cmath>
#include <limits>
#include <map>
#include <string>
#include <vector>

namespace core {

/// One training run of a sweep. N, D, C, budget and U are run-level attributes (NaN when unknown):
/// N = parameters, D = training tokens of the run (its last point for a curve), C = training FLOPs
/// (its last point for a curve), budget = the nominal IsoFLOP budget in FLOPs, kept apart from C,
/// U = unique tokens in the run's data (D counts repeated epochs; for data-constrained laws).
/// A final-loss table gives each run one curve with one point.
struct Run {
    static constexpr double kUnknown = std::numeric_limits<double>::quiet_NaN();

    std::string id;   ///< stable key: the run-key column values joined by " | ", or "row <line>"
    std::string name; ///< display name (same as id unless the file names the run separately)
    double N = kUnknown;
    double D = kUnknown;
    double C = kUnknown;
    double budget = kUnknown;
    double U = kUnknown;
    std::map<std::string, AttributeValue> attributes; ///< hyperparameters and metadata by column name
    std::vector<Curve> curves;                        ///< one per metric

    /// The curve for `metric`, or nullptr.
    [[nodiscard]] const Curve* curve(const std::string& metric) const;
    /// Last point's value of the first curve (the final loss), or NaN when there is none.
    [[nodiscard]] double finalValue() const;
    [[nodiscard]] std::size_t pointCount() const;
};

} // namespace core

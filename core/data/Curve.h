// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace core {

/// One metric of one run: points stored as contiguous columns (structure of arrays, no heap object
/// per point). All four columns always have the same length; an unknown value is NaN.
/// Units: step = optimizer steps, tokens = training tokens seen, flops = training FLOPs so far,
/// value = the metric (loss in nats/token for losses).
struct Curve {
    std::string metric;
    std::vector<double> step;
    std::vector<double> tokens;
    std::vector<double> flops;
    std::vector<double> value;

    [[nodiscard]] std::size_t size() const { return value.size(); }
    void append(double stepValue, double tokenCount, double flopCount, double metricValue);
    void reserve(std::size_t n);
    void shrinkToFit();
};

} // namespace core

// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/data/Curve.h"

namespace core {

void Curve::append(double stepValue, double tokenCount, double flopCount, double metricValue)
{
    step.push_back(stepValue);
    tokens.push_back(tokenCount);
    flops.push_back(flopCount);
    value.push_back(metricValue);
}

void Curve::reserve(std::size_t n)
{
    step.reserve(n);
    tokens.reserve(n);
    flops.reserve(n);
    value.reserve(n);
}

void Curve::shrinkToFit()
{
    step.shrink_to_fit();
    tokens.shrink_to_fit();
    flops.shrink_to_fit();
    value.shrink_to_fit();
}

} // namespace core

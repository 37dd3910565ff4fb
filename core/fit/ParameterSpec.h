// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <limits>
#include <string>

namespace core {

/// One parameter of a law: its name as used on the command line and in results, the bounds a fit
/// keeps it in (closed; +-infinity for none), and a default start (data-independent, e.g. the
/// published value). Never rounded: values are carried at full double precision.
struct ParameterSpec {
    std::string name;
    double lower = -std::numeric_limits<double>::infinity();
    double upper = std::numeric_limits<double>::infinity();
    double start = 0.0;
};

} // namespace core

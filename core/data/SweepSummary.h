// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/data/Role.h"
#include "core/data/Sweep.h"

#include <map>
#include <utility>

namespace core {

/// Value ranges of a sweep's roles over the values a log plot or a fit would use: finite and > 0
/// for N, D, C, budget and loss; finite for step. A role with no such value is absent.
/// N and budget are read per run, D, C, loss and step per point of every curve.
struct SweepSummary {
    std::map<Role, std::pair<double, double>> ranges; ///< role -> [min, max]

    [[nodiscard]] static SweepSummary of(const Sweep& sweep);
};

} // namespace core

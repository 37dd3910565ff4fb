// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/plot/PlotPoints.h"

#include <cstddef>
#include <string>
#include <vector>

namespace core {

/// The compute-optimal frontier of a law in N and D, sampled over budgets (see frontier() in
/// LawCurves.h): three curves against x = C (training FLOPs, C = 6ND). Each holds only points with
/// both coordinates finite and > 0 (log-axis safe), so the three may have different lengths.
/// Values are never rounded.
struct FrontierCurves {
    PlotPoints loss;                   ///< y = L_opt(C), the optimal loss (nats/token)
    PlotPoints N;                      ///< y = N_opt(C), parameters
    PlotPoints D;                      ///< y = D_opt(C), training tokens
    std::size_t failed = 0;            ///< budgets at which computeOptimal() gave an error (left out)
    std::vector<std::string> warnings; ///< one line when failed > 0, quoting the first error
};

} // namespace core

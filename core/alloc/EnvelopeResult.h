// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/alloc/PowerLawInC.h"

#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace core {

/// One point of the envelope: at compute C (FLOPs) the run with the lowest interpolated loss
/// (nats/token), its N (parameters) and the tokens D it had seen at C.
struct EnvelopePoint {
    double C = 0.0;
    double N = 0.0;
    double D = 0.0;
    double loss = 0.0;
    std::size_t run = 0;        ///< sweep index of that run (the first seed-mate when averaged)
    std::size_t candidates = 0; ///< curves that reach this C (1: nothing to compare with)
};

/// Chinchilla's approach 1 on a sweep: the envelope points in ascending C and the power laws
/// N_opt = k C^a, D_opt = k' C^b fitted to them by least squares in log-log (every grid point
/// weighs the same). The points are serially correlated and N takes only the trained sizes, so
/// the standard errors of a and b understate their uncertainty. nFit/dFit are absent with fewer
/// than 2 points (a warning says so).
struct EnvelopeResult {
    std::vector<EnvelopePoint> points;
    std::optional<PowerLawInC> nFit;
    std::optional<PowerLawInC> dFit;
    std::size_t curves = 0;      ///< curves compared (after seed averaging)
    std::size_t runsSkipped = 0; ///< runs without a usable curve of >= 2 points after warmup
    std::size_t seedGroups = 0;  ///< groups of seed-mates averaged
    std::size_t distinctN = 0;   ///< model sizes on the envelope
    std::string settings;        ///< the preparation and grid used, for reports
    std::vector<std::string> warnings;

    [[nodiscard]] double a() const
    {
        return nFit ? nFit->exponent : std::numeric_limits<double>::quiet_NaN();
    }
    [[nodiscard]] double b() const
    {
        return dFit ? dFit->exponent : std::numeric_limits<double>::quiet_NaN();
    }
};

} // namespace core

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/plot/PlotPoints.h"

#include <cstddef>
#include <optional>

namespace core {

/// Which slice of a fitted law a curve shows (see the matching functions in LawCurves.h).
enum class CurveFamily {
    IsoFlop,      ///< x = N at a fixed budget C (FLOPs), D = C/(6N): lawAlongN
    AlongD,       ///< x = D (tokens) at a fixed N (parameters), C = 6ND: lawAlongD
    AlongNFixedD, ///< x = N (parameters) at a fixed D (tokens), C = 6ND: lawAlongNFixedD
    AlongX,       ///< x = the input of a one-variable law (Law::usesX()): lawAlongX
};

/// One curve to sample: its family, the quantity held fixed, the x range (data units) and the
/// number of log-uniform samples. A value type; checkCurveSpec() says what is valid.
struct CurveSpec {
    CurveFamily family = CurveFamily::IsoFlop;
    double fixed = 0.0; ///< C for IsoFlop, N for AlongD, D for AlongNFixedD (finite, > 0); unused for AlongX
    double lo = 0.0;    ///< first x, finite, > 0
    double hi = 0.0;    ///< last x, finite, > lo
    std::size_t samples = 200; ///< points from lo to hi inclusive, 2 .. kMaxCurveSamples
    /// AlongX only: which of N, D, C the one-variable law's x stands for; that field of the
    /// evaluated LawPoint is set to x as well (user formulas may read it). nullopt = only x is set.
    std::optional<XQuantity> xQuantity;
};

/// Upper limit of CurveSpec::samples (a curve never needs more; guards against huge allocations).
inline constexpr std::size_t kMaxCurveSamples = 1'000'000;

} // namespace core

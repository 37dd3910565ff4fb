// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/fit/Law.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace core {

/// What a fit minimises, summed over points with the point's weight w_i (FitData::weight, 1 if
/// absent) and, for over-predicted points, FitRequest::overestimatePenalty:
///  - LsqLog: sum c_i (log Lhat_i - log y_i)^2; the default for scaling laws (needs y > 0).
///  - Lsq: sum c_i (Lhat_i - y_i)^2; the default for user formulas.
///  - HuberLog: sum c_i Huber_delta(log Lhat_i - log y_i), Huber as scipy.special.huber
///    (r^2/2 for |r| <= delta, delta (|r| - delta/2) otherwise); Chinchilla approach 3.
enum class Objective { LsqLog, Lsq, HuberLog };

/// Where a multi-start fit starts (see fitLaw):
///  - Default: variable projection over an exponent grid for `power` and `chinchilla`; for other
///    laws the given/default start plus Latin-hypercube starts.
///  - Chinchilla: Hoffmann et al.'s 4,500-point grid (law `chinchilla` only).
///  - Lhs: FitRequest::lhsStarts Latin-hypercube starts (plus the given/default start).
///  - None: the given start only (the law's defaults if none is given).
enum class StartGrid { Default, Chinchilla, Lhs, None };

/// `follower` takes the value of `leader` throughout the fit (e.g. beta = alpha).
struct ParameterTie {
    std::string follower;
    std::string leader;
};

/// A closed interval replacing a parameter's default bounds.
struct ParameterBounds {
    double lower = 0.0;
    double upper = 0.0;
    bool operator==(const ParameterBounds&) const = default;
};

/// One fit: the law (not owned; laws live in the registry for the program's lifetime), the
/// objective and its settings, start values (empty = the law's defaults), parameters held fixed,
/// bounded or tied by name, and how starts are chosen. A value type; validated by the fitters
/// (unknown names, empty intervals, a start outside its bounds are errors naming the option).
struct FitRequest {
    const Law* law = nullptr;
    Objective objective = Objective::LsqLog;
    double delta = 1e-3;              ///< Huber threshold in nats of log loss (HuberLog only), > 0
    double overestimatePenalty = 1.0; ///< >= 1: factor on the terms of points the fit over-predicts
    std::vector<double> start;        ///< one value per law parameter, or empty
    std::map<std::string, double> fixed;
    std::map<std::string, ParameterBounds> bounds;
    std::vector<ParameterTie> ties;
    StartGrid grid = StartGrid::Default;
    std::size_t lhsStarts = 0;        ///< Lhs: the number of Latin-hypercube starts (K of lhs:K)
    std::uint64_t seed = 0;           ///< seeds the Latin hypercube
    std::size_t maxIterations = 500;  ///< per local solve
    unsigned threads = 0;             ///< 0 = all cores
};

/// "lsq-log", "lsq" or "huber-log".
const char* objectiveName(Objective objective);

} // namespace core

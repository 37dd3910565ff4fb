// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <functional>
#include <span>
#include <vector>

namespace core {

/// An objective for minimiseLbfgs: returns f(x) and writes its gradient into `grad` (same size as
/// x). May return a non-finite value (e.g. overflow); the line search then steps back.
using SmoothObjective = std::function<double(std::span<const double> x, std::span<double> grad)>;

/// Settings of minimiseLbfgs. Units are those of the objective and of x.
struct LbfgsOptions {
    std::size_t memory = 10;            ///< correction pairs kept
    std::size_t maxIterations = 5000;   ///< outer iterations
    double gradientTolerance = 1e-10;   ///< stop when the infinity norm of the gradient is <= this
};

/// Why minimiseLbfgs stopped.
enum class LbfgsStop {
    Gradient,      ///< gradient infinity norm <= tolerance (converged)
    NoProgress,    ///< the line search could not decrease f any further (machine precision)
    MaxIterations, ///< iteration limit reached
    NonFinite,     ///< f or its gradient is not finite at the start
};

/// The result of minimiseLbfgs; x is left at the best point found.
struct LbfgsResult {
    double f = 0.0;
    double gradientNorm = 0.0; ///< infinity norm at x
    std::size_t iterations = 0;
    std::size_t evaluations = 0;
    LbfgsStop stop = LbfgsStop::MaxIterations;
};

/// Limited-memory BFGS (Nocedal & Wright, alg. 7.4/7.5) with a strong-Wolfe line search
/// (c1 = 1e-4, c2 = 0.9; bracketing then cubic-interpolation zoom, alg. 3.5/3.6). Minimises `f`
/// from `x` in place. Never throws for numerical trouble; single-threaded, reentrant (no state
/// outside the call), so independent calls may run on different threads.
LbfgsResult minimiseLbfgs(const SmoothObjective& f, std::span<double> x, const LbfgsOptions& options = {});

/// A short English description of `stop`, e.g. "gradient below tolerance".
const char* describe(LbfgsStop stop);

} // namespace core

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

/// Settings of minimiseLbfgs. Units are those of the objective and of x. The defaults give the
/// plain method as first written; the last three settings change it on request.
struct LbfgsOptions {
    std::size_t memory = 10;            ///< correction pairs kept
    std::size_t maxIterations = 5000;   ///< outer iterations
    double gradientTolerance = 1e-10;   ///< stop when the infinity norm of the gradient is <= this
    /// Factor by which the bracketing phase of the line search grows the step while the objective
    /// keeps falling steeply (> 1; MINPACK's dcsrch, used by scipy's L-BFGS-B, allows up to 4).
    double extrapolation = 2.0;
    /// Preconditioner: a symmetric positive definite n x n matrix M (row-major, n = x.size()) used
    /// as the shape of the initial inverse Hessian, H0 = gamma M (gamma = s'y / y'My from the
    /// latest pair; the first step is along -M g). Equivalent to L-BFGS in the variables
    /// M^(-1/2) x, e.g. with M the inverse Gram matrix of a linear model's regressors. Empty: the
    /// identity (plain L-BFGS). Convergence is still tested on the gradient in x.
    std::vector<double> preconditioner;
    /// When > 0, the line search also accepts a step whose objective is within
    /// noiseTolerance * |f| of the start's and whose slope satisfies Hager & Zhang's approximate
    /// Wolfe conditions (0.9 g'd <= g(x+ad)'d <= -0.8 g'd): near a minimum, where f changes less
    /// than its rounding noise, the search can still follow the gradient instead of failing
    /// (set it to a few times the relative rounding error of f, e.g. 1e-14). 0: strong Wolfe only.
    double noiseTolerance = 0.0;
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
/// (c1 = 1e-4, c2 = 0.9; bracketing then cubic-interpolation zoom, alg. 3.5/3.6), optionally
/// preconditioned and with approximate Wolfe steps (see LbfgsOptions). Minimises `f` from `x` in
/// place. Never throws for numerical trouble; single-threaded, reentrant (no state
/// outside the call), so independent calls may run on different threads.
LbfgsResult minimiseLbfgs(const SmoothObjective& f, std::span<double> x, const LbfgsOptions& options = {});

/// A short English description of `stop`, e.g. "gradient below tolerance".
const char* describe(LbfgsStop stop);

} // namespace core

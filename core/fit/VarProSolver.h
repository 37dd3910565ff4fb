// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/fit/FitRequest.h"
#include "core/fit/VarProModel.h"

#include <cstddef>
#include <span>
#include <vector>

namespace core {

/// The inner solve of variable projection at one lattice point of a VarProModel, over the
/// unknown coefficients c (exponents fixed):
///  1. c by exact box-constrained weighted least squares on L (weights w, or w/y^2 for the log
///     objectives, which matches the log residuals to first order);
///  2. up to kMaxSteps steps on the request's objective in its residual space r (log L - log y,
///     or L - y), each the exact box-constrained minimiser of a quadratic model with the gradient
///     sum c_i rho'(r_i) J_i and the curvature sum c_i (rho''(r_i) + mu [Huber's points beyond
///     delta] rho'(r_i)/r_i) J_i J_i^T, J_i = dr_i/dc: Gauss-Newton for the least-squares
///     objectives; for Huber a blend of Newton (mu = 0) and the IRLS majoriser (mu = 1), mu
///     falling after accepted steps and rising after rejected ones (a Levenberg-Marquardt-like
///     safeguard; at mu = 1 the step is halved instead). A step is taken only if the objective
///     does not increase; the solve stops when a step gains, or the model promises, less than
///     1e-10 relative.
/// The objective is the request's exactly as ResidualLoss defines it (weights, over-estimate
/// penalty, delta), summed; each trial evaluates it and the next step's model in one pass over
/// the data (a residual loop with the library log, then a call-free accumulation loop).
/// One solver per thread: it owns scratch columns (predictions, residuals, tied and fixed terms;
/// reused, so no allocation once warm); the model is shared read-only.
class VarProSolver {
public:
    static constexpr int kMaxSteps = 30;

    /// Binds to `model`, which must outlive the solves; sizes the scratch columns.
    void bind(const VarProModel& model);
    /// The objective at lattice point p (+inf where the law cannot be evaluated, e.g. a
    /// non-positive prediction under a log objective); the unknowns' values into coef (size >= 3).
    double solve(std::size_t p, std::span<double> coef);

private:
    template <std::size_t K, Objective O>
    double solveK(std::size_t p, std::span<double> coef);

    const VarProModel* m_model = nullptr;
    std::vector<double> m_shared, m_offset, m_scratch;
};

} // namespace core

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/fit/FitRequest.h"

#include <cmath>

namespace core {

/// The per-point term of an Objective as a function of the residual r (log Lhat - log y for the
/// log objectives, Lhat - y for Lsq): rho(r) and its derivative. The factor c = weight, times the
/// over-estimate penalty when r > 0, multiplies both. Plain value type, cheap to copy, thread-safe.
struct ResidualLoss {
    Objective objective = Objective::LsqLog;
    double delta = 1e-3;
    double penalty = 1.0;

    [[nodiscard]] bool logSpace() const { return objective != Objective::Lsq; }
    /// Residual of prediction `pred` against observation `y` in the objective's space.
    [[nodiscard]] double residual(double pred, double y) const
    {
        return logSpace() ? std::log(pred) - std::log(y) : pred - y;
    }
    /// c_i for residual r and point weight w.
    [[nodiscard]] double factor(double r, double w) const { return r > 0.0 ? w * penalty : w; }
    /// rho(r): r^2 for least squares, Huber_delta(r) for HuberLog.
    [[nodiscard]] double rho(double r) const
    {
        if (objective != Objective::HuberLog)
            return r * r;
        const double a = std::abs(r);
        return a <= delta ? 0.5 * r * r : delta * (a - 0.5 * delta);
    }
    /// d rho / d r.
    [[nodiscard]] double rhoPrime(double r) const
    {
        if (objective != Objective::HuberLog)
            return 2.0 * r;
        return std::abs(r) <= delta ? r : (r > 0.0 ? delta : -delta);
    }
};

} // namespace core

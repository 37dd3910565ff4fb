// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/fit/LawPoint.h"

#include <Eigen/Core>

#include <cstddef>
#include <vector>

namespace core {

/// The points a fit uses, as contiguous columns of equal length: N, D, C (each > 0 where the law
/// uses it), x (the one-variable laws' input), y (the loss, > 0 for log objectives), optional
/// weights (empty = all 1), optional unique tokens U (empty or 0 = unknown; see LawPoint::U) and
/// the run each point came from (bootstrap resamples runs).
/// A value type; building it from a Sweep (point selection, left-out rows) is the caller's job.
struct FitData {
    Eigen::VectorXd N, D, C, x, y;
    Eigen::VectorXd weight;
    Eigen::VectorXd U;
    std::vector<std::size_t> run;

    [[nodiscard]] std::size_t size() const { return static_cast<std::size_t>(y.size()); }
    [[nodiscard]] LawPoint point(std::size_t i) const
    {
        const auto k = static_cast<Eigen::Index>(i);
        LawPoint p;
        p.N = N.size() ? N[k] : 0.0;
        p.D = D.size() ? D[k] : 0.0;
        p.C = C.size() ? C[k] : 0.0;
        p.x = x.size() ? x[k] : 0.0;
        p.U = U.size() ? U[k] : 0.0;
        return p;
    }
    /// The points `rows` (indices into this data, repeats allowed), in that order, with every
    /// column that is present; `run` follows the rows.
    [[nodiscard]] FitData rows(const std::vector<std::size_t>& rows) const;

    [[nodiscard]] double weightAt(std::size_t i) const
    {
        return weight.size() ? weight[static_cast<Eigen::Index>(i)] : 1.0;
    }
};

} // namespace core

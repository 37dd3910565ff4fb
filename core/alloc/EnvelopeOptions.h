// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <string>

namespace core {

/// Settings of Chinchilla's approach 1 (the envelope of training curves). Each run's curve is
/// prepared as follows, in this order: warmup points dropped, the loss smoothed by an EMA in step
/// order, runs that differ only by a seed averaged, then the loss interpolated linearly in
/// (ln C, ln loss). At log-spaced C the run with the lowest loss is the envelope.
struct EnvelopeOptions {
    /// Where each point's C (FLOPs) comes from. Auto: the curve's flops column where finite and
    /// > 0, else 6 N tokens. SixNTokens: always 6 N tokens (N parameters, tokens seen so far).
    enum class Flops { Auto, SixNTokens };

    std::string metric; ///< the curve to use (empty: each run's first curve)
    Flops flops = Flops::Auto;
    double skipTokens = 0.0; ///< drop points with tokens <= skipTokens (warmup; 0 = keep all)
    double skipSteps = 0.0;  ///< drop points with step <= skipSteps (warmup; 0 = keep all)
    /// EMA smoothing factor f in [0, 1): s_0 = loss_0, s_i = f s_{i-1} + (1 - f) loss_i over the
    /// kept points in step order (0 = no smoothing; TensorBoard's "smoothing" without debiasing).
    double emaFactor = 0.0;
    /// Run attribute holding the seed (empty: no averaging). Seed-mates are runs that have this
    /// attribute, the same N and equal values of every other attribute; their curves are averaged
    /// (arithmetic mean of the loss) over the C range all of them cover, at the union of their C.
    std::string seedColumn;
    double pointsPerDecade = 20.0; ///< envelope grid: C = 10^(j / pointsPerDecade), integer j
    double minC = 0.0;             ///< limit the grid (and so the fits) to C >= minC (0 = no limit)
    double maxC = 0.0;             ///< ... and C <= maxC (0 = no limit)
};

} // namespace core

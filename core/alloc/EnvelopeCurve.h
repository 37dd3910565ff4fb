// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/alloc/EnvelopeOptions.h"
#include "core/data/Run.h"

#include <cstddef>
#include <optional>
#include <vector>

namespace core {

/// One run's training curve prepared for the envelope (EnvelopeOptions: warmup dropped, EMA
/// applied), as strictly increasing ln C (C in FLOPs) with ln loss (nats/token) and ln tokens;
/// points with equal C are merged (mean of the logs). After seed averaging one curve may stand for
/// several runs. A value type; its functions are pure and thread-safe.
struct EnvelopeCurve {
    std::size_t run = 0;           ///< sweep index of the run (the first seed-mate when averaged)
    std::vector<std::size_t> runs; ///< every run it stands for, ascending
    double N = 0.0;                ///< parameters
    std::vector<double> lnC, lnLoss, lnTokens;

    [[nodiscard]] bool covers(double lnCAt) const;
    /// Loss at ln C by linear interpolation in (ln C, ln loss); NaN outside the curve.
    [[nodiscard]] double lossAt(double lnCAt) const;
    /// ln tokens at ln C by linear interpolation; NaN outside the curve.
    [[nodiscard]] double lnTokensAt(double lnCAt) const;

    /// The prepared curve of sweep run `index`, or nullopt when the run has no such curve, no
    /// N > 0, or fewer than 2 distinct usable C after warmup (usable: loss finite and > 0, and
    /// tokens or flops to give C and tokens).
    [[nodiscard]] static std::optional<EnvelopeCurve> fromRun(const Run& run, std::size_t index,
                                                              const EnvelopeOptions& options);
};

} // namespace core

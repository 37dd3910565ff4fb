// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/alloc/FlopModel.h"

namespace core {

/// Hoffmann et al. 2022, appendix F: forward FLOPs of one sequence of s tokens,
///   F = 2sVd                                   embeddings
///     + n_layers (2*3*s*d*kh                   QKV projections
///                 + 2s^2 kh + 3hs^2 + 2s^2 kh  QK^T, softmax, softmax x V
///                 + 2s*kh*d                    output projection
///                 + 4sdf)                      dense block
///     + 2sdV                                   logits,
/// with d = d_model, h = n_heads, k = d_head, f = d_ff, V = vocab_size, s = seq_len; backward =
/// 2 x forward, so training FLOPs per token are 3F/s. Columns: all seven of ArchitectureColumns;
/// the run's N is not read.
class ChinchillaFlopModel final : public FlopModel {
public:
    [[nodiscard]] std::string_view id() const override { return "chinchilla"; }
    [[nodiscard]] std::string_view formula() const override
    {
        return "C = 3 F D / s, F = 2sVd + n_layers (6 s d kh + 4 s^2 kh + 3 h s^2 + 2 s kh d + 4 s d f) + 2 s d V, "
               "kh = n_heads d_head";
    }
    [[nodiscard]] std::span<const std::string_view> requiredColumns() const override;
    [[nodiscard]] bool usesN() const override { return false; }

protected:
    [[nodiscard]] double perToken(double N, const ArchitectureColumns& columns) const override;
};

} // namespace core

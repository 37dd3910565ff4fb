// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/alloc/FlopModel.h"

namespace core {

/// Kaplan et al. 2020, table 1: training FLOPs per token 6 N_ne + 6 n_layers n_ctx d_attn, i.e.
/// 3 x (2 N_ne + 2 n_layers n_ctx d_attn forward), where the non-embedding parameter count is
/// counted from the architecture, N_ne = 2 d_model n_layers (2 d_attn + d_ff), d_attn =
/// n_heads d_head and n_ctx = seq_len. Embedding and unembedding FLOPs are not counted (Kaplan's
/// convention). Columns: d_model, n_layers, n_heads, d_head, d_ff, seq_len; the run's N is not read.
class KaplanFlopModel final : public FlopModel {
public:
    [[nodiscard]] std::string_view id() const override { return "kaplan"; }
    [[nodiscard]] std::string_view formula() const override
    {
        return "C = (6 N_ne + 6 n_layers seq_len d_attn) D, N_ne = 2 d_model n_layers (2 d_attn + d_ff), "
               "d_attn = n_heads d_head";
    }
    [[nodiscard]] std::span<const std::string_view> requiredColumns() const override;
    [[nodiscard]] bool usesN() const override { return false; }

protected:
    [[nodiscard]] double perToken(double N, const ArchitectureColumns& columns) const override;
};

} // namespace core

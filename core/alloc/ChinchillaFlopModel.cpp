// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/alloc/ChinchillaFlopModel.h"

#include <array>

namespace core {

namespace {
constexpr std::array<std::string_view, 7> kColumns{"d_model", "n_layers", "n_heads", "d_head",
                                                   "d_ff",    "vocab_size", "seq_len"};
} // namespace

std::span<const std::string_view> ChinchillaFlopModel::requiredColumns() const
{
    return kColumns;
}

double ChinchillaFlopModel::perToken(double /*N*/, const ArchitectureColumns& c) const
{
    const double d = c.find("d_model")->second, layers = c.find("n_layers")->second;
    const double h = c.find("n_heads")->second, kh = h * c.find("d_head")->second;
    const double f = c.find("d_ff")->second, V = c.find("vocab_size")->second, s = c.find("seq_len")->second;
    const double embeddings = 2.0 * s * V * d;
    const double attention = 2.0 * 3.0 * s * d * kh + 2.0 * s * s * kh + 3.0 * h * s * s + 2.0 * s * s * kh + 2.0 * s * kh * d;
    const double dense = 4.0 * s * d * f;
    const double logits = 2.0 * s * d * V;
    const double forward = embeddings + layers * (attention + dense) + logits;
    return 3.0 * forward / s;
}

} // namespace core

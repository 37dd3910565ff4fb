// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/alloc/KaplanFlopModel.h"

#include <array>

namespace core {

namespace {
constexpr std::array<std::string_view, 6> kColumns{"d_model", "n_layers", "n_heads", "d_head", "d_ff", "seq_len"};
} // namespace

std::span<const std::string_view> KaplanFlopModel::requiredColumns() const
{
    return kColumns;
}

double KaplanFlopModel::perToken(double /*N*/, const ArchitectureColumns& c) const
{
    const double d = c.find("d_model")->second, layers = c.find("n_layers")->second;
    const double dAttn = c.find("n_heads")->second * c.find("d_head")->second;
    const double nonEmbedding = 2.0 * d * layers * (2.0 * dAttn + c.find("d_ff")->second);
    return 6.0 * nonEmbedding + 6.0 * layers * c.find("seq_len")->second * dAttn;
}

} // namespace core

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/Error.h"

#include <tl/expected.hpp>

#include <functional>
#include <map>
#include <span>
#include <string>
#include <string_view>

namespace core {

/// One run's architecture columns by name, e.g. {"d_model", 1024}. The names the FLOP models read:
///   d_model     residual stream width d
///   n_layers    number of transformer blocks
///   n_heads     attention heads h
///   d_head      key/value size per head k (so d_attn = kh = n_heads * d_head)
///   d_ff        feed-forward hidden width f
///   vocab_size  vocabulary size V
///   seq_len     training context length s (Kaplan's n_ctx)
using ArchitectureColumns = std::map<std::string, double, std::less<>>;

/// Training FLOPs of one run under one FLOP model, with the model that produced them.
struct FlopCount {
    std::string model;     ///< FlopModel::id(), e.g. "6nd"
    std::string formula;   ///< FlopModel::formula()
    double perToken = 0.0; ///< training FLOPs (forward + backward) per training token
    double total = 0.0;    ///< perToken * D
};

/// How training compute is counted from a run's size and architecture. Implementations are
/// stateless and const (one instance serves any number of threads); they live in the constant
/// table flopModels(). Errors are values: a missing architecture column, or a value that is not a
/// finite number > 0, is an Error naming the columns (parameter "--flops").
class FlopModel {
public:
    virtual ~FlopModel() = default;

    /// Stable id used by the CLI and in results: "6nd", "kaplan" or "chinchilla".
    [[nodiscard]] virtual std::string_view id() const = 0;
    /// The per-token formula in plain text, e.g. "C = 6ND".
    [[nodiscard]] virtual std::string_view formula() const = 0;
    /// Architecture columns the model reads (see ArchitectureColumns); empty for 6nd.
    [[nodiscard]] virtual std::span<const std::string_view> requiredColumns() const = 0;
    /// Whether the model reads the run's parameter count N (6nd does; the architecture models
    /// count from the columns, whatever convention the N column follows).
    [[nodiscard]] virtual bool usesN() const = 0;

    /// Training FLOPs per token for a run with N parameters and these columns (extra columns are
    /// ignored). Checks N (when used) and every required column first.
    [[nodiscard]] tl::expected<double, Error> flopsPerToken(double N, const ArchitectureColumns& columns) const;
    /// flopsPerToken() times D training tokens, recorded with the model's id and formula.
    [[nodiscard]] tl::expected<FlopCount, Error> count(double N, double D, const ArchitectureColumns& columns) const;

protected:
    /// The formula itself; called only with N and the required columns checked (finite, > 0).
    [[nodiscard]] virtual double perToken(double N, const ArchitectureColumns& columns) const = 0;
};

} // namespace core

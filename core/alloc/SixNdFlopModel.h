// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/alloc/FlopModel.h"

namespace core {

/// The default FLOP count C = 6ND: 2N forward and 4N backward FLOPs per training token, with N
/// the run's parameter count as given (no architecture columns needed).
class SixNdFlopModel final : public FlopModel {
public:
    [[nodiscard]] std::string_view id() const override { return "6nd"; }
    [[nodiscard]] std::string_view formula() const override { return "C = 6ND"; }
    [[nodiscard]] std::span<const std::string_view> requiredColumns() const override { return {}; }
    [[nodiscard]] bool usesN() const override { return true; }

protected:
    [[nodiscard]] double perToken(double N, const ArchitectureColumns& columns) const override;
};

} // namespace core

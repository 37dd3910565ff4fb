// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/data/Curve.h"
#include "core/data/Run.h"

#include <optional>
#include <string_view>
#include <vector>

namespace core {

/// Which quantity goes on the x axis: parameters, tokens or FLOPs.
enum class XQuantity { N, D, C };

/// "N", "D" or "C".
std::string_view xQuantityName(XQuantity q);
/// Inverse of xQuantityName (exact, case-sensitive); nullopt for anything else.
std::optional<XQuantity> xQuantityFromName(std::string_view name);

/// Points ready for a log-log chart, in data units, x ascending within a curve.
struct PlotPoints {
    std::vector<double> x;
    std::vector<double> y;
    [[nodiscard]] std::size_t size() const { return x.size(); }
};

/// The (x, loss) points of one curve of `run` against quantity `q`: x = run N for N, the point's
/// tokens for D, its FLOPs for C. Only points with both coordinates finite and > 0 are returned
/// (the rest are the sweep's left-out rows), sorted by x (stable, so equal x keep the curve's order).
[[nodiscard]] PlotPoints logPlotPoints(const Run& run, const Curve& curve, XQuantity q);

} // namespace core

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/data/Sweep.h"
#include "core/fit/Bootstrap.h"
#include "core/fit/HoldoutCheck.h"
#include "core/fit/LawFitter.h"

#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

/// Everything `scalelab-cli fit` prints: the fit and how it was made, optional bootstrap and
/// extrapolation check, and the conventions of the data. Plain data; no ownership of the law.
struct FitReport {
    const core::Law* law = nullptr;
    std::shared_ptr<const core::Law> ownedLaw; ///< keeps a user formula alive (registry laws: empty)
    std::shared_ptr<const core::Sweep> sweep;  ///< the run table fitted (empty for formula tables)
    core::LawFit fit;
    std::optional<core::BootstrapResult> bootstrap;
    std::optional<core::HoldoutResult> holdout;
    std::string objective;     ///< e.g. "huber-log, delta 0.001, summed"
    std::string selection;     ///< which points, in words
    std::string weights;       ///< the weight column, or empty
    std::string x;             ///< the x quantity for one-variable laws, or empty
    std::size_t points = 0;
    std::vector<std::pair<std::string, std::string>> conventions;
    double seconds = 0.0;
};

/// The issue-3 JSON contract (numbers with 17 significant digits, NaN as null), one line.
void writeFitJson(const FitReport& report, std::ostream& out);
/// A human-readable summary.
void writeFitText(const FitReport& report, std::ostream& out);

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <string>

namespace core {

/// A row kept in the sweep but left out of log plots and scaling fits, with why.
/// `line` is the 1-based line in the source file; `run`/`curve`/`point` index into Sweep::runs.
struct LeftOutRow {
    std::size_t line = 0;
    std::size_t run = 0;
    std::size_t curve = 0;
    std::size_t point = 0;
    std::string reason; ///< e.g. "loss is NaN", "N <= 0 (-5)", "D is missing"
};

} // namespace core

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/alloc/EnvelopeCurve.h"
#include "core/data/Sweep.h"

#include <cstddef>
#include <string>
#include <vector>

namespace core {

/// What averageSeedMates did.
struct SeedAveraging {
    std::size_t groups = 0;     ///< groups of 2 or more seed-mates averaged into one curve
    std::size_t runsMerged = 0; ///< runs in those groups
    std::size_t disjoint = 0;   ///< groups left unaveraged because their C ranges do not overlap
};

/// The key that seed-mates share: N and every attribute except `seedColumn` (see
/// EnvelopeOptions::seedColumn). Runs without the seed attribute are nobody's mates (callers check).
[[nodiscard]] std::string seedMateKey(const Run& run, const std::string& seedColumn);

/// Replaces each group of seed-mates among `curves` by one averaged curve (see
/// EnvelopeOptions::seedColumn for who is a seed-mate). The averaged curve covers the C range
/// common to all mates; at the union of their ln C there, its loss is the arithmetic mean of the
/// mates' interpolated losses and its ln tokens the mean of theirs; `run` is the first mate's index
/// and `runs` lists all. Curves whose run lacks the seed attribute are left alone. The order of the
/// curves (by their first run) is kept. Pure apart from `curves`; thread-safe on distinct data.
SeedAveraging averageSeedMates(std::vector<EnvelopeCurve>& curves, const Sweep& sweep,
                               const std::string& seedColumn);

} // namespace core

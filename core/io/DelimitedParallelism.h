// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

namespace core {

/// Internal knobs of DelimitedImporter's parallel path (not user options: tests and benchmarks
/// set them to force or forbid it). A file of at least `minBytes` whose first buffer window
/// (FileBuffer::kDefaultChunk) after the header holds no '"' and whose runs are keyed by columns is split at line starts into `threads`
/// byte ranges that are parsed at once and merged in file order; anything else is read on the
/// calling thread. Plain value, no threading concerns.
struct DelimitedParallelism {
    unsigned threads = 0;                            ///< ranges read at once; 0 = hardware threads (at most 8); 1 = never parallel
    std::uint64_t minBytes = std::uint64_t{8} << 20; ///< smaller files are read on one thread
};

} // namespace core

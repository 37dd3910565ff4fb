// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/Progress.h"

#include <cstddef>
#include <functional>

namespace core {

/// Runs body(i) for i = 0..count-1 on up to `threads` std::jthreads (0 = all cores), handing out
/// indices in order. body gets a `stopped` query to poll in long work; it must be safe to call
/// concurrently for distinct i and should write only to slot i of its output, so that results do
/// not depend on the thread count. With `progress`, the calling thread only reports the fraction of
/// indices done (at least every 50 ms, and at least once: the last call has 1 when all are done)
/// and stops handing out indices once it returns false, even after the last one; without
/// it, the calling thread works too. Returns false when cancelled. Exceptions must not leave body.
bool parallelFor(std::size_t count, unsigned threads,
                 const std::function<void(std::size_t i, const std::function<bool()>& stopped)>& body,
                 const Progress& progress = {});

} // namespace core

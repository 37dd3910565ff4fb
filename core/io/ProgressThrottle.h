// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/Error.h"
#include "core/util/Progress.h"

#include <algorithm>
#include <cstdint>
#include <string>

namespace core {

/// Calls a Progress callback about every 1% of a file, but never more often than every 64 KiB,
/// so a huge file costs ~100 calls and check() is cheap enough to call once per row.
/// Holds a reference to the callback: it must outlive the throttle. Not thread-safe.
class ProgressThrottle {
public:
    ProgressThrottle(const Progress& progress, std::uint64_t totalBytes)
        : m_progress(progress), m_total(totalBytes),
          m_step(std::max<std::uint64_t>(totalBytes / 100, std::uint64_t{64} << 10)), m_next(m_step)
    {
    }
    /// Reports `doneBytes` when a step has passed; false when the callback asked to cancel.
    [[nodiscard]] bool check(std::uint64_t doneBytes)
    {
        if (doneBytes < m_next || !m_progress)
            return true;
        m_next = doneBytes + m_step;
        const double fraction = m_total > 0 ? double(doneBytes) / double(m_total) : 0.0;
        return m_progress(std::min(1.0, fraction));
    }
    /// Reports completion (1.0); false when cancelled.
    [[nodiscard]] bool finish() { return !m_progress || m_progress(1.0); }

    /// The Error an importer returns when the callback cancels: "cancelled", naming the file.
    [[nodiscard]] static Error cancelled(const std::string& path)
    {
        Error error;
        error.file = path;
        error.message = "cancelled";
        return error;
    }

private:
    const Progress& m_progress;
    std::uint64_t m_total;
    std::uint64_t m_step;
    std::uint64_t m_next;
};

} // namespace core

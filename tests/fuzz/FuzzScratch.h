// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>

namespace fuzz {

/// The per-process scratch directory of a fuzz target: created on first use under the system
/// temp directory (TMPDIR), named after the process id so parallel fuzzing jobs never share it,
/// and removed at normal exit. Importers take paths, so every input is written here first; the
/// same file or directory is reused for every input. Not thread-safe (libFuzzer runs one input
/// at a time per process). Errors writing the scratch files abort the process: they are failures
/// of the machine, not findings.
class FuzzScratch {
public:
    /// The process's scratch directory (created on the first call).
    static FuzzScratch& instance();

    FuzzScratch(const FuzzScratch&) = delete;
    FuzzScratch& operator=(const FuzzScratch&) = delete;

    /// Writes `bytes` to the file `name` (no directories) in the scratch directory, replacing it,
    /// and returns its path.
    [[nodiscard]] std::string writeFile(std::string_view name, std::span<const std::uint8_t> bytes);
    /// The directory `name` in the scratch directory, emptied (or created) for a new input.
    [[nodiscard]] std::filesystem::path freshDirectory(std::string_view name);
    [[nodiscard]] const std::filesystem::path& root() const { return m_root; }

private:
    FuzzScratch();
    ~FuzzScratch();

    std::filesystem::path m_root;
};

} // namespace fuzz

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <span>
#include <string>
#include <vector>

namespace fuzz {

/// A small directory tree described by one fuzz input, for the importers that read directories
/// (MLflow file store, TensorBoard run directory, folder of runs). The input is a list of entries,
/// each a header line "@@ relative/path" followed by the file's bytes up to (not including) the
/// "\n" before the next header, or to the end of the input:
///
///     @@ 0/meta.yaml\nexperiment_id: '0'\n\n@@ 0/r1/metrics/loss\n1 2.5 0\n
///
/// gives 0/meta.yaml = "experiment_id: '0'\n" and 0/r1/metrics/loss = "1 2.5 0\n". Bytes before
/// the first header are ignored. A path ending in '/' makes an empty directory. Paths are made safe:
/// components "", "." and ".." are dropped, at most 6 components of at most 100 bytes are kept,
/// and at most 64 entries are read; an entry that collides with another (a file where a directory
/// is needed) is left out. No links are made. Pure value; write() touches only `root`.
class FuzzTree {
public:
    struct Entry {
        std::string path;  ///< relative, '/'-separated, safe (see above); ends in '/' for a directory
        std::string bytes; ///< the file's contents (empty for a directory)
    };

    /// Splits `input` into entries (see the class comment).
    [[nodiscard]] static FuzzTree parse(std::span<const std::uint8_t> input);

    /// Writes every entry under `root` (an existing, empty directory), each file's bytes passed
    /// through `transform` when one is given (e.g. to frame TensorBoard events).
    void write(const std::filesystem::path& root,
               const std::function<std::string(const std::string& path, const std::string& bytes)>&
                   transform = {}) const;

    [[nodiscard]] const std::vector<Entry>& entries() const { return m_entries; }

private:
    std::vector<Entry> m_entries;
};

} // namespace fuzz

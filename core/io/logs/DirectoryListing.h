// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <vector>

namespace core {

/// What listDirectory() leaves out and how far it looks.
struct ListingOptions {
    /// Leave out entries whose name starts with '.' (before `keep` is asked).
    bool skipHidden = true;
    /// Stop after looking at this many entries, hidden and refused ones included.
    std::size_t maxEntries = SIZE_MAX;
    /// Stop once this many entries are kept (the first ones in directory order, then sorted).
    std::size_t maxKept = SIZE_MAX;
};

/// The entries directly in `dir` (not below it) that `keep` accepts (all when `keep` is empty),
/// as paths `dir`/name sorted by name. Never throws and never follows an error: a missing or
/// unreadable `dir` gives nothing, an error partway ends the listing with what was found so far.
/// `keep` sees each entry once, on the calling thread. Reentrant; thread-safe as far as the
/// directory is not changed meanwhile (then some entries may be missed).
[[nodiscard]] std::vector<std::filesystem::path>
listDirectory(const std::filesystem::path& dir,
              const std::function<bool(const std::filesystem::directory_entry&)>& keep = {},
              const ListingOptions& options = {});

/// True when `entry` is a directory or a link to one; false on any error. Never throws.
[[nodiscard]] bool isDirectoryEntry(const std::filesystem::directory_entry& entry);
/// True when `entry` is a regular file or a link to one; false on any error. Never throws.
[[nodiscard]] bool isRegularFileEntry(const std::filesystem::directory_entry& entry);
/// True when `path` is a directory or a link to one; false on any error. Never throws.
[[nodiscard]] bool isDirectory(const std::filesystem::path& path);
/// True when `path` is a regular file or a link to one; false on any error. Never throws.
[[nodiscard]] bool isRegularFile(const std::filesystem::path& path);

} // namespace core

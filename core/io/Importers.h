// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/Importer.h"

#include <span>
#include <string>
#include <string_view>

namespace core {

/// The one registry of importers: a constant table built on first use, never mutated.
[[nodiscard]] std::span<const Importer* const> importers();
/// The importer with this id, or nullptr.
[[nodiscard]] const Importer* importerById(std::string_view id);
/// The importer that best sniffs `path` (reads its first 64 KiB), or an Error naming the file.
[[nodiscard]] tl::expected<const Importer*, Error> importerFor(const std::string& path);
/// importerFor(path) then read(); the one call the CLI and the GUI use to load a file.
[[nodiscard]] tl::expected<Sweep, Error> importFile(const std::string& path,
                                                    const ImportOptions& options = {},
                                                    const Progress& progress = {});

} // namespace core

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/data/Sweep.h"
#include "core/io/ColumnDetection.h"
#include "core/io/ImportOptions.h"
#include "core/util/Error.h"
#include "core/util/Progress.h"

#include <tl/expected.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace core {

/// A reader of one file format into a Sweep. Implementations are stateless and const, so one
/// instance may be used from several threads at once. Errors come back as values naming
/// file:line:column and what was expected there; an importer never throws and never aborts.
class Importer {
public:
    virtual ~Importer() = default;

    /// Short stable id, e.g. "csv", "jsonl"; used as Sweep::format and in the CLI's JSON.
    [[nodiscard]] virtual std::string_view id() const = 0;
    /// Human-readable name for file dialogs, e.g. "CSV/TSV table".
    [[nodiscard]] virtual std::string_view label() const = 0;
    /// Lower-case file extensions without the dot, e.g. {"csv", "tsv", "txt"}.
    [[nodiscard]] virtual std::vector<std::string_view> extensions() const = 0;
    /// File-name patterns for open dialogs: "*.<ext>" for each extension unless overridden
    /// (TensorBoard's event files have no extension: "*tfevents*"). Empty for directory-only formats.
    [[nodiscard]] virtual std::vector<std::string> fileNamePatterns() const
    {
        std::vector<std::string> out;
        for (std::string_view ext : extensions())
            out.push_back("*." + std::string(ext));
        return out;
    }
    /// Confidence in [0, 1] that this importer reads `path`, whose first bytes are `head` (<= 64 KiB).
    [[nodiscard]] virtual double sniff(std::string_view path, std::string_view head) const = 0;
    /// Confidence in [0, 1] that this importer reads the directory `dir` as a whole (a TensorBoard
    /// run, an mlruns/ store). Looks at names only, a level or two deep; never reads big files.
    /// 0.5 or more means the directory is one source: a folder search reads it with this
    /// importer and does not descend into it. Less is only a preference when it is opened directly.
    [[nodiscard]] virtual double sniffDirectory(const std::string& dir) const
    {
        (void)dir;
        return 0.0;
    }
    /// Column names, up to `maxRows` rows as text, and role detection (honouring options.columns).
    [[nodiscard]] virtual tl::expected<TablePreview, Error>
    preview(const std::string& path, const ImportOptions& options, std::size_t maxRows) const = 0;
    /// Reads the whole file. `progress` (may be empty) is called from the calling thread.
    [[nodiscard]] virtual tl::expected<Sweep, Error>
    read(const std::string& path, const ImportOptions& options, const Progress& progress) const = 0;
};

} // namespace core

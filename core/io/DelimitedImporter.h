// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/DelimitedParallelism.h"
#include "core/io/Importer.h"

namespace core {

/// Reads delimited run tables: CSV, TSV and semicolon-separated text with a header row
/// (id "csv"; extensions csv, tsv, txt). The delimiter is sniffed from the header line unless
/// ImportOptions::delimiter is set; Sweep::format is "tsv" for tab-separated files, else "csv".
/// Parsing is streamed through a reused buffer (memory ~ the Sweep plus a few MiB). Rows go
/// through TableBuilder, so roles, filters, run keys and left-out rows behave as documented there.
/// Large files without quotes are parsed on several threads at once (ParallelDelimitedRead),
/// with results identical to the sequential path; `progress` is still called on the calling
/// thread only. Immutable after construction; safe to use from several threads at once.
class DelimitedImporter final : public Importer {
public:
    DelimitedImporter() = default;
    /// An importer with other parallel-reading knobs (tests, benchmarks).
    explicit DelimitedImporter(DelimitedParallelism parallelism) : m_parallelism(parallelism) {}

    [[nodiscard]] std::string_view id() const override { return "csv"; }
    [[nodiscard]] std::string_view label() const override { return "CSV/TSV table"; }
    [[nodiscard]] std::vector<std::string_view> extensions() const override;
    [[nodiscard]] double sniff(std::string_view path, std::string_view head) const override;
    [[nodiscard]] tl::expected<TablePreview, Error>
    preview(const std::string& path, const ImportOptions& options,
            std::size_t maxRows) const override;
    /// Errors: unopenable file, empty file, header only, no loss / N/D/C column, ragged row
    /// (at its line, column where the missing or extra field starts), unterminated quote, NUL
    /// byte, text in a numeric role cell, "cancelled" when `progress` returns false.
    [[nodiscard]] tl::expected<Sweep, Error> read(const std::string& path,
                                                  const ImportOptions& options,
                                                  const Progress& progress) const override;

private:
    DelimitedParallelism m_parallelism;
};

} // namespace core

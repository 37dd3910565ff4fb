// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/Importer.h"

namespace core {

/// Reads JSON Lines run logs (id "jsonl"; extensions jsonl, ndjson): one JSON object per line,
/// blank lines allowed, NaN/Infinity accepted, nested keys flattened with '/' (see
/// JsonLineFlattener). The columns are the union of all keys in order of first appearance; a
/// key absent from a line is a missing cell. Two streaming passes (keys, then rows) through a
/// reused buffer; rows go through TableBuilder. Stateless; safe to use from several threads.
class JsonLinesImporter final : public Importer {
public:
    [[nodiscard]] std::string_view id() const override { return "jsonl"; }
    [[nodiscard]] std::string_view label() const override { return "JSON Lines log"; }
    [[nodiscard]] std::vector<std::string_view> extensions() const override;
    [[nodiscard]] double sniff(std::string_view path, std::string_view head) const override;
    /// Columns come from the whole file (sparse keys such as eval/loss appear late).
    [[nodiscard]] tl::expected<TablePreview, Error>
    preview(const std::string& path, const ImportOptions& options,
            std::size_t maxRows) const override;
    /// Errors: unopenable or empty file, invalid JSON or a non-object line (line:column), a NUL
    /// byte, no loss / N/D/C column, text in a numeric role cell, "cancelled".
    [[nodiscard]] tl::expected<Sweep, Error> read(const std::string& path,
                                                  const ImportOptions& options,
                                                  const Progress& progress) const override;
};

} // namespace core

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/Importer.h"

namespace core {

/// Reads a whole folder of runs in any supported formats (id "folder"): readFolder finds and reads
/// them, then assembleSweep attaches N, D, C and the loss metric (ImportOptions::logs), with the
/// join table readFolder found or was given. Claims any directory, at low confidence, so a
/// TensorBoard run or an mlruns/ store opened directly goes to its own importer. Stateless;
/// safe from several threads at once.
class FolderImporter final : public Importer {
public:
    [[nodiscard]] std::string_view id() const override { return "folder"; }
    [[nodiscard]] std::string_view label() const override { return "Folder of runs"; }
    [[nodiscard]] std::vector<std::string_view> extensions() const override { return {}; }
    [[nodiscard]] double sniff(std::string_view, std::string_view) const override { return 0.0; }
    [[nodiscard]] double sniffDirectory(const std::string& dir) const override;
    /// Columns source, format, runs, points; one row per file or run directory found (up to
    /// maxRows); detection.roles[Loss] is the loss metric; detection.notes list the counts per
    /// format, the join and the skipped files.
    [[nodiscard]] tl::expected<TablePreview, Error>
    preview(const std::string& path, const ImportOptions& options, std::size_t maxRows) const override;
    [[nodiscard]] tl::expected<Sweep, Error>
    read(const std::string& path, const ImportOptions& options, const Progress& progress) const override;
};

} // namespace core

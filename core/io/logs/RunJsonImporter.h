// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/logs/RunLogImporter.h"

namespace core {

/// Reads per-run JSON summaries (id "run-json"): one JSON object per file describing one finished
/// run, as scaling-law data releases publish them (see RunJsonReader for what becomes params and
/// metrics). A file is one run; a directory is one run per .json file directly in it (name
/// order; files that do not sniff as per-run JSON are skipped with a warning). N, D and the loss
/// come from ImportOptions::logs (keys N -> "hyperparameters.params", metric
/// "results[c4_val].loss") or the assembler's detection. Stateless; safe from several threads.
class RunJsonImporter final : public RunLogImporter {
public:
    [[nodiscard]] std::string_view id() const override { return "run-json"; }
    [[nodiscard]] std::string_view label() const override
    {
        return "Per-run JSON (hyperparameters and results)";
    }
    [[nodiscard]] std::vector<std::string_view> extensions() const override { return {"json"}; }
    /// 0.6 for a .json file whose first non-space byte is '{', with no "log_history" key in the
    /// head (that is a trainer_state.json) and some nested object or array of objects; 0.2 when
    /// it looks like JSON Lines (a one-line object followed by another line starting with '{');
    /// 0 otherwise (a flat object is left to the JSON Lines importer, as a one-row table).
    [[nodiscard]] double sniff(std::string_view path, std::string_view head) const override;
    /// 0.3 (a preference, not a claim) when the directory directly holds .json files, no trainer_state.json, and the first
    /// three (by name) sniff as per-run JSON (reads their first 4 KiB only).
    [[nodiscard]] double sniffDirectory(const std::string& dir) const override;
    /// Errors: those of RunJsonReader for any file read (a directory stops at the first bad file,
    /// naming it); a directory with no per-run JSON file; "cancelled".
    [[nodiscard]] tl::expected<RunLogs, Error> readLogs(const std::string& path,
                                                        const Progress& progress) const override;
};

} // namespace core

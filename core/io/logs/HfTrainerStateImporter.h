// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/logs/RunLogImporter.h"

namespace core {

/// Reads Hugging Face Trainer logs (id "hf-trainer-state"): a trainer_state.json file (see
/// HfTrainerStateReader for what becomes series and params), or a directory: an output_dir
/// (its trainer_state.json, else the one in its checkpoint-<n> with the largest n) or a folder
/// whose subdirectories are output_dirs (one run each, in name order; run id = the subdirectory's
/// name). Sniffs trainer_state.json by name (0.95) and any .json whose head has a "log_history"
/// key (0.9). Stateless; safe to use from several threads.
class HfTrainerStateImporter final : public RunLogImporter {
public:
    [[nodiscard]] std::string_view id() const override { return "hf-trainer-state"; }
    [[nodiscard]] std::string_view label() const override { return "Hugging Face trainer_state.json"; }
    [[nodiscard]] std::vector<std::string_view> extensions() const override { return {"json"}; }
    [[nodiscard]] double sniff(std::string_view path, std::string_view head) const override;
    /// 0.9 for an output_dir (trainer_state.json in it or in a checkpoint-<n>), 0.3 for a folder
    /// of them; 0 otherwise. Looks at names only, two levels deep.
    [[nodiscard]] double sniffDirectory(const std::string& dir) const override;
    /// Errors: those of HfTrainerStateReader for any file read (a folder stops at the first bad
    /// file, naming it); a directory without any trainer_state.json; "cancelled".
    [[nodiscard]] tl::expected<RunLogs, Error> readLogs(const std::string& path,
                                                        const Progress& progress) const override;
};

} // namespace core

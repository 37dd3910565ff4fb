// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/logs/RunLogImporter.h"

namespace core {

/// Reads TensorBoard event files (id "tensorboard"). A run is a directory holding files whose
/// name contains "tfevents", read in name order, as TensorBoard does; opening a directory reads
/// every such directory under it (PyTorch's add_scalars writes one per tag), each a run named by
/// its path relative to the opened one. Opening one event file reads that file alone, as a run
/// named after its directory. Scalars come from simple_value and from scalar DT_FLOAT/DT_DOUBLE
/// tensors (TfEvent); every point is kept (TensorBoard itself samples 1000 per tag). Hyperparameters
/// logged with the hparams plugin (Lightning's log_hyperparams) become the run's params, so N
/// and D can come from them. A SessionLog
/// START at step s purges the run's points with step >= s logged before it, as TensorBoard's
/// event accumulator does for file version 2. Framing per TfRecordReader: a truncated last
/// record is accepted, a record with a bad data CRC or undecodable contents is skipped with a
/// warning naming the file and byte offset, and a bad length CRC stops that file with an Error
/// naming the file and offset. Stateless; safe from several threads at once.
class TensorBoardImporter final : public RunLogImporter {
public:
    [[nodiscard]] std::string_view id() const override { return "tensorboard"; }
    [[nodiscard]] std::string_view label() const override { return "TensorBoard event files"; }
    [[nodiscard]] std::vector<std::string_view> extensions() const override { return {}; }
    [[nodiscard]] std::vector<std::string> fileNamePatterns() const override { return {"*tfevents*"}; }
    /// 0.95 for a file named like an event file whose first record frames correctly; 0.6 for
    /// other files whose first record frames correctly; else 0.
    [[nodiscard]] double sniff(std::string_view path, std::string_view head) const override;
    /// 0.9 for a directory that itself holds event files.
    [[nodiscard]] double sniffDirectory(const std::string& dir) const override;
    [[nodiscard]] tl::expected<RunLogs, Error> readLogs(const std::string& path,
                                                        const Progress& progress) const override;
};

} // namespace core

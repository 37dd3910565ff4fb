// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/ImportOptions.h"

#include <tl/expected.hpp>

#include <functional>
#include <string>

/// The options of `scalelab-cli info` and the other file commands for run logs and folders
/// (TensorBoard, MLflow, W&B, Hugging Face, per-run JSON): which metric is the loss and where N,
/// D and C come from. They fill core::RunMetadataOptions; run tables ignore them.
struct LogCliOptions {
    /// Consumes `flag` if it is a log option, writing into `options`; false for other flags; an
    /// error (for stderr) for a bad value. --batch-size and --seq-len multiply into tokensPerStep
    /// once both are given (see finish()).
    [[nodiscard]] tl::expected<bool, std::string>
    consume(const std::string& flag, const std::function<tl::expected<std::string, std::string>()>& value,
            core::RunMetadataOptions& options);
    /// Checks the combination: --batch-size needs --seq-len and the reverse, and neither goes with
    /// --tokens-per-step; then sets options.tokensPerStep = batch × seq len.
    [[nodiscard]] tl::expected<void, std::string> finish(core::RunMetadataOptions& options) const;

    double batchSize = 0;
    double sequenceLength = 0;
    bool tokensPerStepGiven = false;
};

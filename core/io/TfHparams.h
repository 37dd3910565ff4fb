// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/data/AttributeValue.h"

#include <cstddef>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace core {

/// The hyperparameters of a TensorBoard hparams-plugin summary (what Lightning's
/// TensorBoardLogger.log_hyperparams and tf.summary's hparams API write): `content` is the
/// summary metadata's plugin_data.content, a serialized HParamsPluginData
/// (tensorboard/plugins/hparams/plugin_data.proto). Only its session_start_info (field 3) holds
/// values: a map (field 1) of name to google.protobuf.Value, of which number_value (2, a double),
/// string_value (3) and bool_value (4, as "true"/"false") are kept; null, struct and list values
/// are left out. Experiment and session-end messages give nothing. Sets `malformed` on bad wire
/// data. Pure; any thread.
[[nodiscard]] std::vector<std::pair<std::string, AttributeValue>>
decodeSessionStartHparams(std::span<const std::byte> content, bool& malformed);

} // namespace core

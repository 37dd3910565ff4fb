// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/data/AttributeValue.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include <tl/expected.hpp>

namespace core {

/// What ScaleLab reads from one TensorBoard Event message (tensorboard/compat/proto/event.proto):
/// wall time (s), step, the file version of the first event, whether it is a SessionLog START (a
/// restart: TensorBoard purges later steps), and the scalars of its Summary, from simple_value or
/// from a scalar TensorProto (DT_FLOAT or DT_DOUBLE; tensor_content, float_val or double_val, packed
/// or not), and the hyperparameters of an hparams-plugin summary. Non-scalar values are left out.
/// A value type.
struct TfEvent {
    struct Scalar {
        std::string tag;
        double value = 0.0;
        std::string plugin; ///< metadata.plugin_data.plugin_name when the value carries it ("scalars")
    };
    double wallTime = 0.0;
    std::int64_t step = 0;
    std::string fileVersion;
    bool sessionStart = false;
    std::vector<Scalar> scalars;
    /// Hyperparameters of an hparams-plugin session_start_info summary (TfHparams), in order.
    std::vector<std::pair<std::string, AttributeValue>> hparams;
};

/// Decodes one Event. Errors (values, in words): malformed wire data, at which message.
[[nodiscard]] tl::expected<TfEvent, std::string> decodeTfEvent(std::span<const std::byte> message);

} // namespace core

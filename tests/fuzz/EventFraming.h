// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

namespace fuzz {

/// Builds a TFRecord file (a TensorBoard event file) from a fuzz input so that mutations reach
/// the Event decoder instead of failing the CRC-32C checks: the input is read as records
/// `varint length | length bytes of an Event message`, and each is framed with core::frameTfRecord
/// (correct length and masked CRCs). When a length runs past the end, the rest of the input is
/// appended unframed (a torn last record, as in a file still being written). Pure.
[[nodiscard]] std::string frameEvents(std::span<const std::uint8_t> input);

} // namespace fuzz

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace core {

/// CRC-32C (Castagnoli, reflected polynomial 0x82F63B78, initial value and final xor 0xFFFFFFFF)
/// of `bytes`, as TFRecord files use it (not zlib's CRC-32). Table-driven; pure, any thread.
[[nodiscard]] std::uint32_t crc32c(std::span<const std::byte> bytes);

/// The masked form stored in TFRecord framing: ((crc >> 15) | (crc << 17)) + 0xa282ead8, mod 2^32.
[[nodiscard]] std::uint32_t maskCrc32c(std::uint32_t crc);

} // namespace core

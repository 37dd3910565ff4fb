// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>

namespace core {

/// A minimal reader of the protocol-buffers wire format (varint, 64-bit, length-delimited, 32-bit
/// fields), enough to decode TensorBoard's Event, Summary and TensorProto messages without
/// libprotobuf. Reads a view of a message; never reads past it; a malformed message makes next()
/// return nullopt and sets failed(). Pure value over borrowed bytes; any thread.
class ProtoWire {
public:
    enum class Type : std::uint8_t { Varint = 0, Fixed64 = 1, Bytes = 2, Fixed32 = 5 };

    /// One field: its number and wire type, and its value (varint or fixed bits in `bits`, the
    /// payload of a length-delimited field in `bytes`).
    struct Field {
        std::uint32_t tag = 0;
        Type type = Type::Varint;
        std::uint64_t bits = 0;
        std::span<const std::byte> bytes;

        [[nodiscard]] double asDouble() const;  ///< a Fixed64 field as an IEEE double
        [[nodiscard]] float asFloat() const;    ///< a Fixed32 field as an IEEE float
        [[nodiscard]] std::int64_t asInt64() const { return static_cast<std::int64_t>(bits); }
    };

    explicit ProtoWire(std::span<const std::byte> message) : m_data(message) {}

    /// The next field, or nullopt at the end or on malformed input (then failed() is true).
    [[nodiscard]] std::optional<Field> next();
    [[nodiscard]] bool failed() const { return m_failed; }

    /// Reads a varint at `at` in `data`, advancing `at`; nullopt when it runs past the end or
    /// exceeds 10 bytes.
    [[nodiscard]] static std::optional<std::uint64_t> varint(std::span<const std::byte> data, std::size_t& at);

private:
    std::span<const std::byte> m_data;
    std::size_t m_at = 0;
    bool m_failed = false;
};

} // namespace core

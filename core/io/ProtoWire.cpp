// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/ProtoWire.h"

#include <cstring>

namespace core {

double ProtoWire::Field::asDouble() const
{
    double d = 0.0;
    std::memcpy(&d, &bits, sizeof d);
    return d;
}

float ProtoWire::Field::asFloat() const
{
    const auto b = static_cast<std::uint32_t>(bits);
    float f = 0.0F;
    std::memcpy(&f, &b, sizeof f);
    return f;
}

std::optional<std::uint64_t> ProtoWire::varint(std::span<const std::byte> data, std::size_t& at)
{
    std::uint64_t v = 0;
    for (int shift = 0; shift < 70; shift += 7) {
        if (at >= data.size())
            return std::nullopt;
        const auto b = static_cast<std::uint8_t>(data[at++]);
        v |= static_cast<std::uint64_t>(b & 0x7Fu) << shift;
        if ((b & 0x80u) == 0)
            return v;
    }
    return std::nullopt; // more than 10 bytes
}

std::optional<ProtoWire::Field> ProtoWire::next()
{
    if (m_failed || m_at >= m_data.size())
        return std::nullopt;
    auto fail = [this]() -> std::optional<Field> {
        m_failed = true;
        return std::nullopt;
    };
    const auto key = varint(m_data, m_at);
    if (!key || (*key >> 3) == 0 || (*key >> 3) > 0x1FFFFFFFu)
        return fail();
    Field f;
    f.tag = static_cast<std::uint32_t>(*key >> 3);
    auto fixed = [&](std::size_t size) -> bool {
        if (m_data.size() - m_at < size)
            return false;
        for (std::size_t i = 0; i < size; ++i)
            f.bits |= static_cast<std::uint64_t>(m_data[m_at + i]) << (8 * i);
        m_at += size;
        return true;
    };
    switch (*key & 7u) {
    case 0: {
        f.type = Type::Varint;
        const auto v = varint(m_data, m_at);
        if (!v)
            return fail();
        f.bits = *v;
        return f;
    }
    case 1:
        f.type = Type::Fixed64;
        return fixed(8) ? std::optional<Field>(f) : fail();
    case 2: {
        f.type = Type::Bytes;
        const auto n = varint(m_data, m_at);
        if (!n || *n > m_data.size() - m_at)
            return fail();
        f.bytes = m_data.subspan(m_at, static_cast<std::size_t>(*n));
        m_at += static_cast<std::size_t>(*n);
        return f;
    }
    case 5:
        f.type = Type::Fixed32;
        return fixed(4) ? std::optional<Field>(f) : fail();
    default: // groups (3, 4) and reserved types are not used by TensorBoard's messages
        return fail();
    }
}

} // namespace core

// SPDX-License-Identifier: GPL-3.0-or-later
// A tiny protocol-buffers encoder for building TensorBoard messages byte by byte in tests.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace testproto {

using Bytes = std::vector<std::byte>;

/// A tiny protocol-buffers encoder for building test messages by hand.
struct Encoder {
    Bytes out;
    void raw(std::uint64_t v, int bytes)
    {
        for (int i = 0; i < bytes; ++i)
            out.push_back(static_cast<std::byte>((v >> (8 * i)) & 0xFF));
    }
    void var(std::uint64_t v)
    {
        do {
            std::uint8_t b = v & 0x7F;
            v >>= 7;
            out.push_back(static_cast<std::byte>(v != 0 ? (b | 0x80) : b));
        } while (v != 0);
    }
    Encoder& varint(int tag, std::uint64_t v)
    {
        var(static_cast<std::uint64_t>(tag) << 3);
        var(v);
        return *this;
    }
    Encoder& f64(int tag, double d)
    {
        var((static_cast<std::uint64_t>(tag) << 3) | 1);
        std::uint64_t b;
        std::memcpy(&b, &d, 8);
        raw(b, 8);
        return *this;
    }
    Encoder& f32(int tag, float f)
    {
        var((static_cast<std::uint64_t>(tag) << 3) | 5);
        std::uint32_t b;
        std::memcpy(&b, &f, 4);
        raw(b, 4);
        return *this;
    }
    Encoder& bytes(int tag, const Bytes& b)
    {
        var((static_cast<std::uint64_t>(tag) << 3) | 2);
        var(b.size());
        out.insert(out.end(), b.begin(), b.end());
        return *this;
    }
    Encoder& str(int tag, const std::string& s)
    {
        Bytes b;
        for (char c : s)
            b.push_back(static_cast<std::byte>(c));
        return bytes(tag, b);
    }
};


} // namespace testproto

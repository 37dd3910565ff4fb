// SPDX-License-Identifier: GPL-3.0-or-later
#include "EventFraming.h"

#include "core/io/TfRecordReader.h"

#include <string_view>
#include <vector>

namespace fuzz {

std::string frameEvents(std::span<const std::uint8_t> input)
{
    std::string out;
    std::size_t at = 0;
    while (at < input.size()) {
        std::uint64_t length = 0;
        int shift = 0;
        std::size_t p = at;
        bool complete = false;
        while (p < input.size() && shift < 64) {
            const std::uint8_t b = input[p++];
            length |= static_cast<std::uint64_t>(b & 0x7F) << shift;
            shift += 7;
            if ((b & 0x80) == 0) {
                complete = true;
                break;
            }
        }
        if (!complete || length > input.size() - p) {
            out.append(reinterpret_cast<const char*>(input.data() + at), input.size() - at);
            break;
        }
        const auto* begin = reinterpret_cast<const std::byte*>(input.data() + p);
        const std::vector<std::byte> framed = core::frameTfRecord({begin, static_cast<std::size_t>(length)});
        out.append(reinterpret_cast<const char*>(framed.data()), framed.size());
        at = p + static_cast<std::size_t>(length);
    }
    return out;
}

} // namespace fuzz

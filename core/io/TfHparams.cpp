// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/TfHparams.h"

#include "core/io/ProtoWire.h"

#include <optional>

namespace core {

namespace {

using Bytes = std::span<const std::byte>;
constexpr std::uint32_t kSessionStartInfo = 3; // HParamsPluginData.session_start_info
constexpr std::uint32_t kHparams = 1;          // SessionStartInfo.hparams (a map)

std::string text(Bytes b)
{
    return {reinterpret_cast<const char*>(b.data()), b.size()};
}

/// A google.protobuf.Value holding a number, a string or a bool; nullopt for the other kinds.
std::optional<AttributeValue> scalarValue(Bytes message, bool& malformed)
{
    ProtoWire w(message);
    std::optional<AttributeValue> out;
    while (auto f = w.next()) {
        if (f->tag == 2 && f->type == ProtoWire::Type::Fixed64)
            out = f->asDouble();
        else if (f->tag == 3 && f->type == ProtoWire::Type::Bytes)
            out = text(f->bytes);
        else if (f->tag == 4 && f->type == ProtoWire::Type::Varint)
            out = std::string(f->bits != 0 ? "true" : "false");
        else if (f->tag == 1 || f->tag == 5 || f->tag == 6)
            out.reset(); // null, struct or list: not a scalar hyperparameter
    }
    malformed = malformed || w.failed();
    return out;
}

} // namespace

std::vector<std::pair<std::string, AttributeValue>> decodeSessionStartHparams(Bytes content, bool& malformed)
{
    std::vector<std::pair<std::string, AttributeValue>> out;
    ProtoWire data(content);
    while (auto f = data.next()) {
        if (f->tag != kSessionStartInfo || f->type != ProtoWire::Type::Bytes)
            continue;
        ProtoWire start(f->bytes);
        while (auto entry = start.next()) {
            if (entry->tag != kHparams || entry->type != ProtoWire::Type::Bytes)
                continue;
            ProtoWire kv(entry->bytes); // map entry: key = 1, value = 2
            std::string key;
            std::optional<AttributeValue> value;
            while (auto g = kv.next()) {
                if (g->tag == 1 && g->type == ProtoWire::Type::Bytes)
                    key = text(g->bytes);
                else if (g->tag == 2 && g->type == ProtoWire::Type::Bytes)
                    value = scalarValue(g->bytes, malformed);
            }
            malformed = malformed || kv.failed();
            if (!key.empty() && value)
                out.emplace_back(std::move(key), std::move(*value));
        }
        malformed = malformed || start.failed();
    }
    malformed = malformed || data.failed();
    return out;
}

} // namespace core

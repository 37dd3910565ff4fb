// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/TfEvent.h"

#include "core/io/ProtoWire.h"
#include "core/io/TfHparams.h"

#include <optional>

namespace core {

namespace {

using Bytes = std::span<const std::byte>;
constexpr std::uint64_t kDtFloat = 1, kDtDouble = 2;
constexpr std::uint64_t kSessionStart = 1;

std::string text(Bytes b)
{
    return {reinterpret_cast<const char*>(b.data()), b.size()};
}

/// The values of a repeated float (4) or double (8) field, packed (Bytes) or one per field.
void appendReals(const ProtoWire::Field& f, std::size_t width, std::vector<double>& out)
{
    if (f.type == ProtoWire::Type::Bytes) {
        for (std::size_t i = 0; i + width <= f.bytes.size(); i += width) {
            std::uint64_t bits = 0;
            for (std::size_t k = 0; k < width; ++k)
                bits |= static_cast<std::uint64_t>(f.bytes[i + k]) << (8 * k);
            ProtoWire::Field one;
            one.bits = bits;
            out.push_back(width == 4 ? static_cast<double>(one.asFloat()) : one.asDouble());
        }
    } else if (width == 4 && f.type == ProtoWire::Type::Fixed32) {
        out.push_back(static_cast<double>(f.asFloat()));
    } else if (width == 8 && f.type == ProtoWire::Type::Fixed64) {
        out.push_back(f.asDouble());
    }
}

/// A scalar tensor's value; nullopt for other tensors (shape with dimensions, other dtypes).
std::optional<double> tensorScalar(Bytes message, bool& malformed)
{
    ProtoWire w(message);
    std::uint64_t dtype = 0;
    bool shaped = false;
    Bytes content;
    std::vector<double> floats, doubles;
    while (auto f = w.next()) {
        switch (f->tag) {
        case 1: dtype = f->bits; break;
        case 2: {
            ProtoWire shape(f->bytes); // TensorShapeProto: dim = 2; any dimension makes it non-scalar
            while (auto d = shape.next())
                shaped = shaped || d->tag == 2;
            malformed = malformed || shape.failed();
            break;
        }
        case 4: content = f->bytes; break;
        case 5: appendReals(*f, 4, floats); break;
        case 6: appendReals(*f, 8, doubles); break;
        default: break;
        }
    }
    malformed = malformed || w.failed();
    if (shaped || (dtype != kDtFloat && dtype != kDtDouble))
        return std::nullopt;
    const std::size_t width = dtype == kDtFloat ? 4 : 8;
    if (content.size() == width) {
        ProtoWire::Field one;
        for (std::size_t k = 0; k < width; ++k)
            one.bits |= static_cast<std::uint64_t>(content[k]) << (8 * k);
        return width == 4 ? static_cast<double>(one.asFloat()) : one.asDouble();
    }
    const auto& vals = dtype == kDtFloat ? floats : doubles;
    if (vals.size() == 1)
        return vals.front();
    return std::nullopt;
}

/// SummaryMetadata.plugin_data's plugin_name (and its content in `content`).
std::string pluginOf(Bytes metadata, bool& malformed, Bytes& content)
{
    ProtoWire m(metadata);
    std::string name;
    while (auto f = m.next())
        if (f->tag == 1 && f->type == ProtoWire::Type::Bytes) {
            ProtoWire p(f->bytes);
            while (auto g = p.next()) {
                if (g->tag == 1 && g->type == ProtoWire::Type::Bytes)
                    name = text(g->bytes);
                else if (g->tag == 2 && g->type == ProtoWire::Type::Bytes)
                    content = g->bytes;
            }
            malformed = malformed || p.failed();
        }
    malformed = malformed || m.failed();
    return name;
}

} // namespace

tl::expected<TfEvent, std::string> decodeTfEvent(Bytes message)
{
    TfEvent e;
    bool malformed = false;
    ProtoWire w(message);
    while (auto f = w.next()) {
        if (f->tag == 1 && f->type == ProtoWire::Type::Fixed64) {
            e.wallTime = f->asDouble();
        } else if (f->tag == 2 && f->type == ProtoWire::Type::Varint) {
            e.step = f->asInt64();
        } else if (f->tag == 3 && f->type == ProtoWire::Type::Bytes) {
            e.fileVersion = text(f->bytes);
        } else if (f->tag == 7 && f->type == ProtoWire::Type::Bytes) {
            ProtoWire log(f->bytes);
            while (auto g = log.next())
                if (g->tag == 1 && g->type == ProtoWire::Type::Varint && g->bits == kSessionStart)
                    e.sessionStart = true;
            malformed = malformed || log.failed();
        } else if (f->tag == 5 && f->type == ProtoWire::Type::Bytes) {
            ProtoWire summary(f->bytes);
            while (auto v = summary.next()) {
                if (v->tag != 1 || v->type != ProtoWire::Type::Bytes)
                    continue;
                ProtoWire value(v->bytes);
                TfEvent::Scalar s;
                std::optional<double> x;
                Bytes pluginContent;
                while (auto g = value.next()) {
                    if (g->tag == 1 && g->type == ProtoWire::Type::Bytes)
                        s.tag = text(g->bytes);
                    else if (g->tag == 2 && g->type == ProtoWire::Type::Fixed32)
                        x = static_cast<double>(g->asFloat());
                    else if (g->tag == 8 && g->type == ProtoWire::Type::Bytes)
                        x = tensorScalar(g->bytes, malformed);
                    else if (g->tag == 9 && g->type == ProtoWire::Type::Bytes)
                        s.plugin = pluginOf(g->bytes, malformed, pluginContent);
                }
                if (s.plugin == "hparams")
                    for (auto& kv : decodeSessionStartHparams(pluginContent, malformed))
                        e.hparams.push_back(std::move(kv));
                malformed = malformed || value.failed();
                if (x && !s.tag.empty() && s.plugin != "hparams") { // its placeholder tensor is no metric
                    s.value = *x;
                    e.scalars.push_back(std::move(s));
                }
            }
            malformed = malformed || summary.failed();
        }
    }
    if (malformed || w.failed())
        return tl::make_unexpected(std::string("malformed Event message (protocol-buffers wire data)"));
    return e;
}

} // namespace core

// SPDX-License-Identifier: GPL-3.0-or-later
// TensorBoard Event messages built field by field with testproto::Encoder, for the TensorBoard
// importer tests and the run-log corruption fixtures (wall time 1.7e9 in every event).
#pragma once

#include "core/ProtoEncoder.h"

#include <cstdint>
#include <cstring>
#include <string>

namespace testproto {

/// The first event of every file: file_version "brain.Event:2".
inline Bytes versionEvent()
{
    return Encoder().f64(1, 1.7e9).str(3, "brain.Event:2").out;
}

/// An Event at `step` whose Summary holds the one encoded Summary.Value `value`.
inline Bytes summaryEvent(std::int64_t step, const Bytes& value)
{
    return Encoder()
        .f64(1, 1.7e9)
        .varint(2, static_cast<std::uint64_t>(step))
        .bytes(5, Encoder().bytes(1, value).out)
        .out;
}

/// An Event at `step` with one simple_value scalar.
inline Bytes scalarEvent(std::int64_t step, const std::string& tag, float value)
{
    return summaryEvent(step, Encoder().str(1, tag).f32(2, value).out);
}

/// An Event at `step` with a PyTorch double_precision scalar (DT_DOUBLE, double_val packed).
inline Bytes doubleEvent(std::int64_t step, const std::string& tag, double value)
{
    Encoder packed;
    std::uint64_t bits = 0;
    std::memcpy(&bits, &value, 8);
    packed.raw(bits, 8);
    const Bytes tensor = Encoder().varint(1, 2).bytes(6, packed.out).out;
    return summaryEvent(step, Encoder().str(1, tag).bytes(8, tensor).out);
}

/// An Event at `step` with a DT_FLOAT scalar in tensor_content and the "scalars" plugin's metadata.
inline Bytes tensorContentEvent(std::int64_t step, const std::string& tag, float value)
{
    Encoder content;
    std::uint32_t bits = 0;
    std::memcpy(&bits, &value, 4);
    content.raw(bits, 4);
    const Bytes tensor = Encoder().varint(1, 1).bytes(2, {}).bytes(4, content.out).out;
    const Bytes metadata = Encoder().bytes(1, Encoder().str(1, "scalars").out).out;
    return summaryEvent(step, Encoder().str(1, tag).bytes(9, metadata).bytes(8, tensor).out);
}

/// Lightning-style hyperparameters: a "_hparams_/session_start_info" value with plugin "hparams"
/// whose content is HParamsPluginData{session_start_info{hparams: n_params=7e7 (number),
/// optimizer="adamw" (string), compile=true (bool)}} (with `withNull`, also notes=null, which
/// the importer leaves out), and a DT_FLOAT 0.0 placeholder tensor.
inline Bytes hparamsEvent(bool withNull)
{
    const auto entry = [](const std::string& key, const Bytes& value) {
        return Encoder().str(1, key).bytes(2, value).out;
    };
    Encoder start;
    start.bytes(1, entry("n_params", Encoder().f64(2, 7e7).out))
        .bytes(1, entry("optimizer", Encoder().str(3, "adamw").out))
        .bytes(1, entry("compile", Encoder().varint(4, 1).out));
    if (withNull)
        start.bytes(1, entry("notes", Encoder().varint(1, 0).out));
    const Bytes content = Encoder().varint(1, 0).bytes(3, start.out).out;
    const Bytes meta = Encoder().bytes(1, Encoder().str(1, "hparams").bytes(2, content).out).out;
    const Bytes tensor = Encoder().varint(1, 1).bytes(2, {}).f32(5, 0.0F).out;
    const Bytes v = Encoder().str(1, "_hparams_/session_start_info").bytes(9, meta).bytes(8, tensor).out;
    return Encoder().f64(1, 1.7e9).bytes(5, Encoder().bytes(1, v).out).out;
}

/// A SessionLog START at `step` (TensorBoard then drops the points logged at or after it).
inline Bytes sessionStart(std::int64_t step)
{
    return Encoder()
        .f64(1, 1.7e9)
        .varint(2, static_cast<std::uint64_t>(step))
        .bytes(7, Encoder().varint(1, 1).out)
        .out;
}

} // namespace testproto

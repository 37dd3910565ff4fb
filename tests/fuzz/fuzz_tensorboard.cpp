// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the input as a raw TensorBoard event file (TFRecord framing and CRCs included), read by TensorBoardImporter.
#include "ImportTargets.h"
#include "SweepInvariants.h"
#include "core/io/logs/TensorBoardImporter.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const core::TensorBoardImporter importer;
    fuzz::readFileInput(importer, "events.out.tfevents.1700000000.host.1.v2", data, size, fuzz::logOptions());
    return 0;
}

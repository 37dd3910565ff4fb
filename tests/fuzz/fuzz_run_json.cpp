// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the input as a per-run JSON summary, read by RunJsonImporter.
#include "ImportTargets.h"
#include "SweepInvariants.h"
#include "core/io/logs/RunJsonImporter.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const core::RunJsonImporter importer;
    fuzz::readFileInput(importer, "tiny-d=64-1.0.json", data, size, fuzz::logOptions());
    return 0;
}

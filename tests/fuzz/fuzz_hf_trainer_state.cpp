// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the input as a Hugging Face trainer_state.json, read by HfTrainerStateImporter.
#include "ImportTargets.h"
#include "SweepInvariants.h"
#include "core/io/logs/HfTrainerStateImporter.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const core::HfTrainerStateImporter importer;
    fuzz::readFileInput(importer, "trainer_state.json", data, size, fuzz::logOptions());
    return 0;
}

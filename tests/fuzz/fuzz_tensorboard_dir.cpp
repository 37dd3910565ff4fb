// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the input as a directory tree (FuzzTree) of TensorBoard runs, files named
// *tfevents* framed from length-prefixed Event messages (EventFraming), read by TensorBoardImporter
// as a directory: several runs, several event files per run in name order, SessionLog purges.
#include "ImportTargets.h"
#include "SweepInvariants.h"
#include "core/io/logs/TensorBoardImporter.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const core::TensorBoardImporter importer;
    fuzz::readTreeInput(importer, "tb", data, size, fuzz::logOptions(), fuzz::EventFiles::Framed);
    return 0;
}

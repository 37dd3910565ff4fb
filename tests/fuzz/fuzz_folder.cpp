// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the input as a directory tree (FuzzTree) read by FolderImporter: the folder
// search (claims, join tables, skipped files) and every importer it dispatches to, then the
// assembler. Files named *tfevents* are framed from length-prefixed Event messages (EventFraming).
#include "ImportTargets.h"
#include "SweepInvariants.h"
#include "core/io/logs/FolderImporter.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const core::FolderImporter importer;
    fuzz::readTreeInput(importer, "runs", data, size, fuzz::logOptions(), fuzz::EventFiles::Framed);
    return 0;
}

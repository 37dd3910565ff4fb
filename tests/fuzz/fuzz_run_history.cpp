// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the input as one run's metric history (CSV, TSV or, starting with '{', JSON Lines), read by RunHistoryImporter (readLogs, then the assembler).
#include "ImportTargets.h"
#include "SweepInvariants.h"
#include "core/io/logs/RunHistoryImporter.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const core::RunHistoryImporter importer;
    fuzz::readFileInput(importer, "history.csv", data, size, fuzz::logOptions());
    return 0;
}

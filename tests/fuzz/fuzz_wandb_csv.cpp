// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the input as a W&B chart CSV export, read by WandbCsvExportImporter.
#include "ImportTargets.h"
#include "SweepInvariants.h"
#include "core/io/logs/WandbCsvExportImporter.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const core::WandbCsvExportImporter importer;
    fuzz::readFileInput(importer, "wandb-export.csv", data, size, fuzz::logOptions());
    return 0;
}

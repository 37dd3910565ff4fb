// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the input as a directory tree (FuzzTree) read by MlflowFileStoreImporter as an
// mlruns/ file store: experiment and run meta.yaml files, metrics/, params/, tags/.
#include "ImportTargets.h"
#include "SweepInvariants.h"
#include "core/io/logs/MlflowFileStoreImporter.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const core::MlflowFileStoreImporter importer;
    fuzz::readTreeInput(importer, "mlruns", data, size, fuzz::logOptions(), fuzz::EventFiles::Raw);
    return 0;
}

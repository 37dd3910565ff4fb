// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the input as an MLflow SQLite store (mlflow.db), read read-only by MlflowSqliteImporter.
#include "ImportTargets.h"
#include "SweepInvariants.h"
#include "core/io/logs/MlflowSqliteImporter.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const core::MlflowSqliteImporter importer;
    fuzz::readFileInput(importer, "mlflow.db", data, size, fuzz::logOptions());
    return 0;
}

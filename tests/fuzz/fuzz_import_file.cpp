// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the registry as the GUI and the CLI use it: core::importerFor sniffs the file
// and picks the importer, whose preview (the GUI's column-mapping dialog) is taken, then
// core::importFile reads it. The first input byte picks the file name (extension and well-known
// names steer the sniffing), the rest is the file.
#include "FuzzScratch.h"
#include "SweepInvariants.h"
#include "core/io/Importers.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static constexpr std::array<const char*, 12> kNames = {
        "runs.csv",           "runs.tsv",        "runs.txt",           "runs.jsonl",
        "history.ndjson",     "wandb-history.jsonl", "trainer_state.json", "results.json",
        "mlflow.db",          "events.out.tfevents.1700000000.host.1.v2", "export.csv", "noextension"};
    if (size == 0)
        return 0;
    const char* name = kNames[data[0] % kNames.size()];
    const std::string path = fuzz::FuzzScratch::instance().writeFile(name, {data + 1, size - 1});
    if (auto importer = core::importerFor(path)) {
        if (auto preview = (*importer)->preview(path, fuzz::logOptions(), 20); !preview)
            fuzz::check(preview.error());
    } else {
        fuzz::check(importer.error());
    }
    fuzz::check(core::importFile(path, fuzz::logOptions(), fuzz::checkedProgress()));
    return 0;
}

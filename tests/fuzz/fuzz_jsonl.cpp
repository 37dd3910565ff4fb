// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the input as a JSON Lines run table, read by JsonLinesImporter (preview and read).
#include "FuzzScratch.h"
#include "SweepInvariants.h"
#include "core/io/JsonLinesImporter.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const core::JsonLinesImporter importer;
    const std::string path = fuzz::FuzzScratch::instance().writeFile("runs.jsonl", {data, size});
    const core::ImportOptions options;
    if (auto preview = importer.preview(path, options, 20); !preview)
        fuzz::check(preview.error());
    fuzz::check(importer.read(path, options, fuzz::checkedProgress()));
    return 0;
}

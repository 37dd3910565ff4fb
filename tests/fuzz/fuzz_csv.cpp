// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the input as a CSV/TSV run table, read by DelimitedImporter: preview, the
// sequential read, and the parallel read forced on (2 parts, no size threshold), which must give
// exactly the sequential result or error (DelimitedImporter's documented contract).
#include "FuzzScratch.h"
#include "SweepInvariants.h"
#include "core/io/DelimitedImporter.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const core::DelimitedImporter sequential(core::DelimitedParallelism{1, 0});
    static const core::DelimitedImporter parallel(core::DelimitedParallelism{2, 0});
    const std::string path = fuzz::FuzzScratch::instance().writeFile("runs.csv", {data, size});
    const core::ImportOptions options;
    if (auto preview = sequential.preview(path, options, 20); !preview)
        fuzz::check(preview.error());
    const auto one = sequential.read(path, options, fuzz::checkedProgress());
    fuzz::check(one);
    const auto two = parallel.read(path, options, fuzz::checkedProgress());
    if (const std::string diff = fuzz::difference(one, two); !diff.empty())
        fuzz::fail("parallel read differs from the sequential one: " + diff);
    return 0;
}

// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the input as length-prefixed TensorBoard Event messages, framed with correct
// CRCs (EventFraming) into an event file read by TensorBoardImporter, so mutations reach the
// Event, Summary, TensorProto and hparams decoders.
#include "EventFraming.h"
#include "FuzzScratch.h"
#include "SweepInvariants.h"
#include "core/io/logs/TensorBoardImporter.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const core::TensorBoardImporter importer;
    const std::string file = fuzz::frameEvents({data, size});
    const std::string path = fuzz::FuzzScratch::instance().writeFile(
        "events.out.tfevents.1700000000.host.1.v2",
        {reinterpret_cast<const std::uint8_t*>(file.data()), file.size()});
    fuzz::check(importer.read(path, fuzz::logOptions(), fuzz::checkedProgress()));
    return 0;
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImportTargets.h"

#include "EventFraming.h"
#include "FuzzScratch.h"
#include "FuzzTree.h"
#include "SweepInvariants.h"

#include <span>
#include <string>

namespace fuzz {

void readFileInput(const core::Importer& importer, std::string_view name, const std::uint8_t* data,
                   std::size_t size, const core::ImportOptions& options)
{
    const std::string path = FuzzScratch::instance().writeFile(name, {data, size});
    check(importer.read(path, options, checkedProgress()));
}

void readTreeInput(const core::Importer& importer, std::string_view dirName, const std::uint8_t* data,
                   std::size_t size, const core::ImportOptions& options, EventFiles events)
{
    const std::filesystem::path dir = FuzzScratch::instance().freshDirectory(dirName);
    const FuzzTree tree = FuzzTree::parse({data, size});
    if (events == EventFiles::Framed)
        tree.write(dir, [](const std::string& path, const std::string& bytes) {
            if (path.find("tfevents") == std::string::npos)
                return bytes;
            return frameEvents({reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()});
        });
    else
        tree.write(dir);
    check(importer.read(dir.string(), options, checkedProgress()));
}

} // namespace fuzz

// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/logs/DirectoryListing.h"

#include <algorithm>
#include <string>
#include <system_error>

namespace fs = std::filesystem;

namespace core {

std::vector<fs::path> listDirectory(const fs::path& dir,
                                    const std::function<bool(const fs::directory_entry&)>& keep,
                                    const ListingOptions& options)
{
    std::vector<fs::path> out;
    std::error_code ec;
    fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
    for (std::size_t looked = 0; !ec && it != fs::directory_iterator() && looked < options.maxEntries
                                 && out.size() < options.maxKept;
         it.increment(ec), ++looked) {
        if (options.skipHidden) {
            const std::string name = it->path().filename().string();
            if (!name.empty() && name.front() == '.')
                continue;
        }
        if (!keep || keep(*it))
            out.push_back(it->path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

bool isDirectoryEntry(const fs::directory_entry& entry)
{
    std::error_code ec;
    return entry.is_directory(ec);
}

bool isRegularFileEntry(const fs::directory_entry& entry)
{
    std::error_code ec;
    return entry.is_regular_file(ec);
}

bool isDirectory(const fs::path& path)
{
    std::error_code ec;
    return fs::is_directory(path, ec);
}

bool isRegularFile(const fs::path& path)
{
    std::error_code ec;
    return fs::is_regular_file(path, ec);
}

} // namespace core

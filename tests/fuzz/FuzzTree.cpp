// SPDX-License-Identifier: GPL-3.0-or-later
#include "FuzzTree.h"

#include <algorithm>
#include <fstream>
#include <string_view>
#include <system_error>

namespace fuzz {

namespace {

constexpr std::string_view kHeader = "@@ ";
constexpr std::size_t kMaxEntries = 64;
constexpr std::size_t kMaxComponents = 6;
constexpr std::size_t kMaxComponentBytes = 100;

/// `raw` with unsafe components dropped and limits applied; "" when nothing is left.
std::string safePath(std::string_view raw)
{
    const bool directory = !raw.empty() && raw.back() == '/';
    std::string out;
    std::size_t components = 0;
    std::size_t start = 0;
    while (start <= raw.size() && components < kMaxComponents) {
        std::size_t end = raw.find('/', start);
        if (end == std::string_view::npos)
            end = raw.size();
        std::string_view part = raw.substr(start, end - start);
        start = end + 1;
        if (part.empty() || part == "." || part == ".." || part.find('\0') != std::string_view::npos)
            continue;
        if (!out.empty())
            out += '/';
        out += part.substr(0, kMaxComponentBytes);
        ++components;
    }
    if (!out.empty() && directory)
        out += '/';
    return out;
}

} // namespace

FuzzTree FuzzTree::parse(std::span<const std::uint8_t> input)
{
    const std::string_view text(reinterpret_cast<const char*>(input.data()), input.size());
    FuzzTree tree;
    std::size_t header = text.substr(0, kHeader.size()) == kHeader ? 0 : text.find("\n@@ ");
    if (header != 0 && header != std::string_view::npos)
        ++header; // skip the '\n' before it
    while (header != std::string_view::npos && tree.m_entries.size() < kMaxEntries) {
        const std::size_t nameStart = header + kHeader.size();
        const std::size_t nameEnd = text.find('\n', nameStart);
        const std::string_view name =
            text.substr(nameStart, (nameEnd == std::string_view::npos ? text.size() : nameEnd) - nameStart);
        const std::size_t bodyStart = nameEnd == std::string_view::npos ? text.size() : nameEnd + 1;
        const std::size_t next = text.find("\n@@ ", bodyStart == 0 ? 0 : bodyStart - 1);
        const std::size_t bodyEnd = next == std::string_view::npos ? text.size() : std::max(next, bodyStart);
        std::string path = safePath(name);
        if (!path.empty()) {
            std::string bytes = path.back() == '/' ? std::string() : std::string(text.substr(bodyStart, bodyEnd - bodyStart));
            tree.m_entries.push_back({std::move(path), std::move(bytes)});
        }
        header = next == std::string_view::npos ? next : next + 1;
    }
    return tree;
}

void FuzzTree::write(const std::filesystem::path& root,
                     const std::function<std::string(const std::string&, const std::string&)>& transform) const
{
    for (const Entry& entry : m_entries) {
        const std::filesystem::path path = root / entry.path;
        std::error_code ec;
        if (entry.path.back() == '/') {
            std::filesystem::create_directories(path, ec);
            continue; // a collision leaves it out
        }
        std::filesystem::create_directories(path.parent_path(), ec);
        if (ec || std::filesystem::is_directory(path, ec))
            continue;
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        const std::string bytes = transform ? transform(entry.path, entry.bytes) : entry.bytes;
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    }
}

} // namespace fuzz

// SPDX-License-Identifier: GPL-3.0-or-later
#include "FuzzScratch.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <system_error>

namespace fuzz {

namespace {

[[noreturn]] void fail(const std::string& what)
{
    std::fprintf(stderr, "fuzz scratch: %s\n", what.c_str());
    std::abort();
}

} // namespace

FuzzScratch& FuzzScratch::instance()
{
    static FuzzScratch scratch;
    return scratch;
}

FuzzScratch::FuzzScratch()
{
    std::error_code ec;
    const std::filesystem::path tmp = std::filesystem::temp_directory_path(ec);
    if (ec)
        fail("no temp directory: " + ec.message());
    m_root = tmp / ("scalelab-fuzz-" + std::to_string(::getpid()));
    std::filesystem::remove_all(m_root, ec);
    std::filesystem::create_directories(m_root, ec);
    if (ec)
        fail("cannot create " + m_root.string() + ": " + ec.message());
}

FuzzScratch::~FuzzScratch()
{
    std::error_code ec;
    std::filesystem::remove_all(m_root, ec);
}

std::string FuzzScratch::writeFile(std::string_view name, std::span<const std::uint8_t> bytes)
{
    const std::filesystem::path path = m_root / name;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out)
        fail("cannot write " + path.string());
    return path.string();
}

std::filesystem::path FuzzScratch::freshDirectory(std::string_view name)
{
    const std::filesystem::path dir = m_root / name;
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
    if (ec)
        fail("cannot empty " + dir.string() + ": " + ec.message());
    std::filesystem::create_directories(dir, ec);
    if (ec)
        fail("cannot create " + dir.string() + ": " + ec.message());
    return dir;
}

} // namespace fuzz

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/Error.h"

#include <tl/expected.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace core {

/// Sequential reading of a file through one reused buffer (read(2) in chunks, never the whole
/// file in memory). The window [begin(), end()) holds the bytes not yet discarded; refill()
/// drops everything before a given point, moves the rest to the front and reads more, growing
/// the buffer only when a single record does not fit. Pointers into the window are invalidated
/// by refill(). A buffer may cover only a byte range of the file (pread(2), so several buffers
/// on one file read independently): the range's end then looks like the end of the file.
/// Owns the file descriptor; move-only; not thread-safe (one buffer per thread).
class FileBuffer {
public:
    static constexpr std::size_t kDefaultChunk = std::size_t{1024} << 10; ///< 1024 KiB

    /// Opens `path` and reads the first chunk. Error (naming the file) when it cannot be opened.
    [[nodiscard]] static tl::expected<FileBuffer, Error> open(const std::string& path,
                                                              std::size_t chunk = kDefaultChunk);
    /// Opens `path` for the bytes [from, to) only (clamped to the file size).
    [[nodiscard]] static tl::expected<FileBuffer, Error>
    openRange(const std::string& path, std::uint64_t from, std::uint64_t to,
              std::size_t chunk = kDefaultChunk);
    FileBuffer(FileBuffer&& other) noexcept;
    FileBuffer& operator=(FileBuffer&& other) noexcept;
    FileBuffer(const FileBuffer&) = delete;
    FileBuffer& operator=(const FileBuffer&) = delete;
    ~FileBuffer();

    [[nodiscard]] const char* begin() const { return m_buffer.data(); }
    [[nodiscard]] const char* end() const { return m_buffer.data() + m_filled; }
    /// True when the whole file has been read into (or past) the window.
    [[nodiscard]] bool eof() const { return m_eof; }
    /// Keeps [keep, end()), reads more after it. Error on a read failure.
    [[nodiscard]] tl::expected<void, Error> refill(const char* keep);
    /// File offset of a pointer into the window.
    [[nodiscard]] std::uint64_t offsetOf(const char* p) const
    {
        return m_windowOffset + static_cast<std::uint64_t>(p - begin());
    }
    /// File size in bytes at open (0 for pipes and the like).
    [[nodiscard]] std::uint64_t size() const { return m_size; }

private:
    FileBuffer() = default;
    [[nodiscard]] static tl::expected<FileBuffer, Error> openFd(const std::string& path);
    [[nodiscard]] tl::expected<void, Error> readMore();

    std::string m_path;
    int m_fd = -1;
    std::vector<char> m_buffer;
    std::size_t m_filled = 0;
    std::uint64_t m_windowOffset = 0;
    std::uint64_t m_size = 0;
    std::uint64_t m_rangeEnd = 0; ///< with m_ranged: read no further than this offset
    bool m_ranged = false;
    bool m_eof = false;
};

} // namespace core

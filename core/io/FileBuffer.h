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

    [[nodiscard]] const char* begin() const { return buffer_.data(); }
    [[nodiscard]] const char* end() const { return buffer_.data() + filled_; }
    /// True when the whole file has been read into (or past) the window.
    [[nodiscard]] bool eof() const { return eof_; }
    /// Keeps [keep, end()), reads more after it. Error on a read failure.
    [[nodiscard]] tl::expected<void, Error> refill(const char* keep);
    /// File offset of a pointer into the window.
    [[nodiscard]] std::uint64_t offsetOf(const char* p) const
    {
        return windowOffset_ + static_cast<std::uint64_t>(p - begin());
    }
    /// File size in bytes at open (0 for pipes and the like).
    [[nodiscard]] std::uint64_t size() const { return size_; }

private:
    FileBuffer() = default;
    [[nodiscard]] static tl::expected<FileBuffer, Error> openFd(const std::string& path);
    [[nodiscard]] tl::expected<void, Error> readMore();

    std::string path_;
    int fd_ = -1;
    std::vector<char> buffer_;
    std::size_t filled_ = 0;
    std::uint64_t windowOffset_ = 0;
    std::uint64_t size_ = 0;
    std::uint64_t rangeEnd_ = 0; ///< with ranged_: read no further than this offset
    bool ranged_ = false;
    bool eof_ = false;
};

} // namespace core

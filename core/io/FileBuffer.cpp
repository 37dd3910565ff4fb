// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/FileBuffer.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace core {

namespace {

Error fileError(const std::string& path, const std::string& what)
{
    Error error;
    error.file = path;
    error.message = what + ": " + std::strerror(errno);
    return error;
}

} // namespace

tl::expected<FileBuffer, Error> FileBuffer::openFd(const std::string& path)
{
    FileBuffer f;
    f.path_ = path;
    f.fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (f.fd_ < 0)
        return tl::unexpected(fileError(path, "cannot open the file"));
    struct stat st {};
    if (::fstat(f.fd_, &st) == 0) {
        if (S_ISDIR(st.st_mode)) {
            errno = EISDIR;
            return tl::unexpected(fileError(path, "cannot read the file"));
        }
        if (S_ISREG(st.st_mode))
            f.size_ = static_cast<std::uint64_t>(st.st_size);
    }
#ifdef POSIX_FADV_SEQUENTIAL
    ::posix_fadvise(f.fd_, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
    return f;
}

tl::expected<FileBuffer, Error> FileBuffer::open(const std::string& path, std::size_t chunk)
{
    auto f = openFd(path);
    if (!f)
        return f;
    // A small file gets a buffer just big enough (plus one byte to see EOF in one read).
    std::size_t initial = chunk;
    if (f->size_ > 0 && f->size_ + 1 < chunk)
        initial = static_cast<std::size_t>(f->size_) + 1;
    f->buffer_.resize(std::max<std::size_t>(initial, 64));
    if (auto r = f->readMore(); !r)
        return tl::unexpected(r.error());
    return f;
}

tl::expected<FileBuffer, Error> FileBuffer::openRange(const std::string& path, std::uint64_t from,
                                                      std::uint64_t to, std::size_t chunk)
{
    auto f = openFd(path);
    if (!f)
        return f;
    f->ranged_ = true;
    f->rangeEnd_ = std::min(to, f->size_);
    f->windowOffset_ = std::min(from, f->rangeEnd_);
    const std::uint64_t length = f->rangeEnd_ - f->windowOffset_;
    f->buffer_.resize(std::max<std::size_t>(
        length + 1 < chunk ? static_cast<std::size_t>(length) + 1 : chunk, 64));
    if (auto r = f->readMore(); !r)
        return tl::unexpected(r.error());
    return f;
}

FileBuffer::FileBuffer(FileBuffer&& other) noexcept
    : path_(std::move(other.path_)), fd_(std::exchange(other.fd_, -1)),
      buffer_(std::move(other.buffer_)), filled_(other.filled_),
      windowOffset_(other.windowOffset_), size_(other.size_), rangeEnd_(other.rangeEnd_),
      ranged_(other.ranged_), eof_(other.eof_)
{
}

FileBuffer& FileBuffer::operator=(FileBuffer&& other) noexcept
{
    if (this != &other) {
        if (fd_ >= 0)
            ::close(fd_);
        path_ = std::move(other.path_);
        fd_ = std::exchange(other.fd_, -1);
        buffer_ = std::move(other.buffer_);
        filled_ = other.filled_;
        windowOffset_ = other.windowOffset_;
        size_ = other.size_;
        rangeEnd_ = other.rangeEnd_;
        ranged_ = other.ranged_;
        eof_ = other.eof_;
    }
    return *this;
}

FileBuffer::~FileBuffer()
{
    if (fd_ >= 0)
        ::close(fd_);
}

tl::expected<void, Error> FileBuffer::readMore()
{
    while (!eof_ && filled_ < buffer_.size()) {
        std::size_t want = buffer_.size() - filled_;
        ssize_t n = 0;
        if (ranged_) {
            const std::uint64_t at = windowOffset_ + filled_;
            want = static_cast<std::size_t>(std::min<std::uint64_t>(want, rangeEnd_ - at));
            n = want == 0 ? 0 : ::pread(fd_, buffer_.data() + filled_, want, static_cast<off_t>(at));
        } else {
            n = ::read(fd_, buffer_.data() + filled_, want);
        }
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return tl::unexpected(fileError(path_, "cannot read the file"));
        }
        if (n == 0)
            eof_ = true;
        filled_ += static_cast<std::size_t>(n);
    }
    return {};
}

tl::expected<void, Error> FileBuffer::refill(const char* keep)
{
    const std::size_t start = static_cast<std::size_t>(keep - begin());
    const std::size_t kept = filled_ - start;
    if (start > 0 && kept > 0)
        std::memmove(buffer_.data(), buffer_.data() + start, kept);
    windowOffset_ += start;
    filled_ = kept;
    if (filled_ == buffer_.size()) // one record fills the whole buffer: grow
        buffer_.resize(buffer_.size() * 2);
    return readMore();
}

} // namespace core

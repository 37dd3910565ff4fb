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
    f.m_path = path;
    f.m_fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (f.m_fd < 0)
        return tl::unexpected(fileError(path, "cannot open the file"));
    struct stat st {};
    if (::fstat(f.m_fd, &st) == 0) {
        if (S_ISDIR(st.st_mode)) {
            errno = EISDIR;
            return tl::unexpected(fileError(path, "cannot read the file"));
        }
        if (S_ISREG(st.st_mode))
            f.m_size = static_cast<std::uint64_t>(st.st_size);
    }
#ifdef POSIX_FADV_SEQUENTIAL
    ::posix_fadvise(f.m_fd, 0, 0, POSIX_FADV_SEQUENTIAL);
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
    if (f->m_size > 0 && f->m_size + 1 < chunk)
        initial = static_cast<std::size_t>(f->m_size) + 1;
    f->m_buffer.resize(std::max<std::size_t>(initial, 64));
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
    f->m_ranged = true;
    f->m_rangeEnd = std::min(to, f->m_size);
    f->m_windowOffset = std::min(from, f->m_rangeEnd);
    const std::uint64_t length = f->m_rangeEnd - f->m_windowOffset;
    f->m_buffer.resize(std::max<std::size_t>(
        length + 1 < chunk ? static_cast<std::size_t>(length) + 1 : chunk, 64));
    if (auto r = f->readMore(); !r)
        return tl::unexpected(r.error());
    return f;
}

FileBuffer::FileBuffer(FileBuffer&& other) noexcept
    : m_path(std::move(other.m_path)), m_fd(std::exchange(other.m_fd, -1)),
      m_buffer(std::move(other.m_buffer)), m_filled(other.m_filled),
      m_windowOffset(other.m_windowOffset), m_size(other.m_size), m_rangeEnd(other.m_rangeEnd),
      m_ranged(other.m_ranged), m_eof(other.m_eof)
{
}

FileBuffer& FileBuffer::operator=(FileBuffer&& other) noexcept
{
    if (this != &other) {
        if (m_fd >= 0)
            ::close(m_fd);
        m_path = std::move(other.m_path);
        m_fd = std::exchange(other.m_fd, -1);
        m_buffer = std::move(other.m_buffer);
        m_filled = other.m_filled;
        m_windowOffset = other.m_windowOffset;
        m_size = other.m_size;
        m_rangeEnd = other.m_rangeEnd;
        m_ranged = other.m_ranged;
        m_eof = other.m_eof;
    }
    return *this;
}

FileBuffer::~FileBuffer()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

tl::expected<void, Error> FileBuffer::readMore()
{
    while (!m_eof && m_filled < m_buffer.size()) {
        std::size_t want = m_buffer.size() - m_filled;
        ssize_t n = 0;
        if (m_ranged) {
            const std::uint64_t at = m_windowOffset + m_filled;
            want = static_cast<std::size_t>(std::min<std::uint64_t>(want, m_rangeEnd - at));
            n = want == 0 ? 0 : ::pread(m_fd, m_buffer.data() + m_filled, want, static_cast<off_t>(at));
        } else {
            n = ::read(m_fd, m_buffer.data() + m_filled, want);
        }
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return tl::unexpected(fileError(m_path, "cannot read the file"));
        }
        if (n == 0)
            m_eof = true;
        m_filled += static_cast<std::size_t>(n);
    }
    return {};
}

tl::expected<void, Error> FileBuffer::refill(const char* keep)
{
    const std::size_t start = static_cast<std::size_t>(keep - begin());
    const std::size_t kept = m_filled - start;
    if (start > 0 && kept > 0)
        std::memmove(m_buffer.data(), m_buffer.data() + start, kept);
    m_windowOffset += start;
    m_filled = kept;
    if (m_filled == m_buffer.size()) // one record fills the whole buffer: grow
        m_buffer.resize(m_buffer.size() * 2);
    return readMore();
}

} // namespace core

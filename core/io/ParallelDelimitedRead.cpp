// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/ParallelDelimitedRead.h"

#include "core/io/DelimitedRows.h"
#include "core/io/FileBuffer.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace core {

namespace {

constexpr unsigned kMaxDefaultThreads = 8;
/// Rows between two updates of a part's byte count (and checks for stop/progress): the count
/// is read by another core, so touching it on every row would bounce its cache line.
constexpr unsigned kRowsPerCheck = 4096;

/// One byte range of the data and what parsing it gave.
struct Part {
    explicit Part(const TableBuilder& fresh) : builder(fresh) {}

    std::uint64_t from = 0;
    std::uint64_t to = 0;
    TableBuilder builder;
    DelimitedRowsEnd end;
    std::size_t lines = 0;               ///< newlines consumed (valid when end.kind == Done)
    alignas(64) std::atomic<std::uint64_t> done{0}; ///< bytes parsed so far, for progress
};

/// Offset just past the first '\n' at or after `at`, or `size` when there is none.
tl::expected<std::uint64_t, Error> lineStartFrom(const std::string& path, std::uint64_t at,
                                                 std::uint64_t size)
{
    auto file = FileBuffer::openRange(path, at, size, std::size_t{64} << 10);
    if (!file)
        return tl::unexpected(file.error());
    for (;;) {
        const char* const begin = file->begin();
        const auto* nl = static_cast<const char*>(
            std::memchr(begin, '\n', static_cast<std::size_t>(file->end() - begin)));
        if (nl != nullptr)
            return file->offsetOf(nl) + 1;
        if (file->eof())
            return size;
        if (auto r = file->refill(file->end()); !r)
            return tl::unexpected(r.error());
    }
}

/// Parses one part on the current thread; `keepGoing(bytesConsumed)` as in readDelimitedRows().
template <class KeepGoing>
void readPart(const std::string& path, char delimiter, std::size_t fieldCount, Part& part,
              KeepGoing&& keepGoing)
{
    try {
        auto reader = DelimitedRecordReader::openRange(path, delimiter, part.from, part.to);
        if (!reader) {
            part.end.kind = DelimitedRowsEnd::Failed;
            part.end.error = reader.error();
            return;
        }
        unsigned rows = 0;
        part.end = readDelimitedRows(*reader, part.builder, fieldCount, path, true,
                                     [&](std::uint64_t consumed) {
                                         if (++rows < kRowsPerCheck)
                                             return true;
                                         rows = 0;
                                         part.done.store(consumed - part.from,
                                                         std::memory_order_relaxed);
                                         return keepGoing();
                                     });
        part.done.store(reader->bytesConsumed() - part.from, std::memory_order_relaxed);
        part.lines = reader->line() - 1;
    } catch (const std::exception& e) { // e.g. std::bad_alloc: report it, never terminate
        part.end.kind = DelimitedRowsEnd::Failed;
        part.end.error.file = path;
        part.end.error.message = std::string("cannot read the file: ") + e.what();
    }
}

unsigned threadCount(const DelimitedParallelism& parallelism)
{
    if (parallelism.threads != 0)
        return parallelism.threads;
    return std::clamp(std::thread::hardware_concurrency(), 1u, kMaxDefaultThreads);
}

} // namespace

std::optional<tl::expected<Sweep, Error>>
ParallelDelimitedRead::read(const std::string& path, const DelimitedRecordReader& header,
                            const TableBuilder& fresh, std::size_t fieldCount,
                            const DelimitedParallelism& parallelism, ProgressThrottle& throttle)
{
    const unsigned count = threadCount(parallelism);
    const std::uint64_t size = header.fileSize();
    const std::uint64_t dataStart = header.bytesConsumed();
    if (count < 2 || size < parallelism.minBytes || size <= dataStart || !fresh.mergeable()
        || header.quoteAhead())
        return std::nullopt;

    std::vector<std::unique_ptr<Part>> parts;
    std::uint64_t from = dataStart;
    for (unsigned k = 0; k < count; ++k) {
        std::uint64_t to = size;
        if (k + 1 < count) {
            const std::uint64_t target = dataStart + (size - dataStart) / count * (k + 1);
            auto start = lineStartFrom(path, std::max(target, from), size);
            if (!start)
                return tl::unexpected(start.error());
            to = *start;
        }
        auto part = std::make_unique<Part>(fresh);
        part->from = from;
        part->to = to;
        parts.push_back(std::move(part));
        from = to;
    }

    std::atomic<bool> stop{false};
    std::mutex mutex;
    std::condition_variable finishedChanged;
    std::size_t finished = 0;
    const auto doneBytes = [&parts, dataStart] {
        std::uint64_t sum = dataStart;
        for (const auto& part : parts)
            sum += part->done.load(std::memory_order_relaxed);
        return sum;
    };
    const char delimiter = header.delimiter();
    bool cancelled = false;
    {
        std::vector<std::jthread> workers;
        try {
            for (std::size_t k = 1; k < parts.size(); ++k)
                workers.emplace_back([&, k] {
                    readPart(path, delimiter, fieldCount, *parts[k],
                             [&stop] { return !stop.load(std::memory_order_relaxed); });
                    const std::lock_guard lock(mutex);
                    ++finished;
                    finishedChanged.notify_one();
                });
        } catch (const std::system_error&) { // no thread to be had: read on this one
            stop = true;
            return std::nullopt; // the jthreads started so far are joined on the way out
        }
        Part& first = *parts.front();
        readPart(path, delimiter, fieldCount, first,
                 [&throttle, &doneBytes] { return throttle.check(doneBytes()); });
        if (first.end.kind == DelimitedRowsEnd::Stopped)
            cancelled = true;
        if (first.end.kind != DelimitedRowsEnd::Done)
            stop = true; // the other parts no longer matter
        std::unique_lock lock(mutex);
        while (finished + 1 < parts.size()) {
            finishedChanged.wait_for(lock, std::chrono::milliseconds(20));
            if (stop)
                continue;
            lock.unlock();
            if (!throttle.check(doneBytes())) {
                cancelled = true;
                stop = true;
            }
            lock.lock();
        }
    }
    if (cancelled)
        return tl::unexpected(ProgressThrottle::cancelled(path));

    TableBuilder merged = fresh;
    std::size_t lineOffset = header.line() - 1;
    for (const auto& part : parts) {
        switch (part->end.kind) {
        case DelimitedRowsEnd::Done: break;
        case DelimitedRowsEnd::Failed: {
            Error error = std::move(part->end.error);
            if (error.line > 0)
                error.line += lineOffset;
            return tl::unexpected(std::move(error));
        }
        case DelimitedRowsEnd::Quote:
        case DelimitedRowsEnd::Stopped: return std::nullopt;
        }
        merged.merge(std::move(part->builder), lineOffset);
        lineOffset += part->lines;
    }
    return merged.finish();
}

} // namespace core

// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/util/ParallelFor.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace core {

bool parallelFor(std::size_t count, unsigned threads,
                 const std::function<void(std::size_t, const std::function<bool()>&)>& body, const Progress& progress)
{
    if (count == 0)
        return !progress || progress(1.0);
    std::atomic<std::size_t> next{0};
    std::size_t done = 0;
    std::atomic<bool> stop{false};
    std::mutex mutex;
    std::condition_variable wake;
    const std::function<bool()> stopped = [&stop] { return stop.load(std::memory_order_relaxed); };
    auto work = [&] {
        for (std::size_t i = next++; i < count && !stop; i = next++) {
            body(i, stopped);
            {
                const std::lock_guard lock(mutex);
                ++done;
            }
            wake.notify_one();
        }
    };
    if (threads == 0)
        threads = std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, count));
    {
        std::vector<std::jthread> pool;
        for (unsigned t = progress ? 0u : 1u; t < threads; ++t)
            pool.emplace_back(work);
        if (!progress) {
            work();
        } else {
            // progress is called at least once, the last time with 1 when every index is done (the
            // workers may finish before this thread first looks), so returning false always cancels.
            std::unique_lock lock(mutex);
            for (bool finished = false; !finished && !stop;) {
                if (done < count)
                    wake.wait_for(lock, std::chrono::milliseconds(50));
                finished = done == count;
                const double fraction = static_cast<double>(done) / static_cast<double>(count);
                lock.unlock();
                if (!progress(fraction))
                    stop = true;
                lock.lock();
            }
        }
    }
    return !stop;
}

} // namespace core

#pragma once
/// Work shared between threads in contiguous ranges, so that what comes back is in order and the
/// same whatever the count.
#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <mutex>
#include <string>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

namespace notional {

/// The threads to share `items` between: `asked`, or one per core when 0, never more than the
/// items nor more than 4 a core.
[[nodiscard]] inline std::size_t thread_count(unsigned asked, std::size_t items) {
    const std::size_t cores = std::max(1U, std::thread::hardware_concurrency());
    return std::clamp<std::size_t>(asked != 0 ? asked : cores, 1,
                                   std::max<std::size_t>(1, std::min(items, 4 * cores)));
}

/// Share `t` of `shares` of [0, items): [begin, end).
struct Range {
    std::size_t begin = 0, end = 0;
};
[[nodiscard]] inline Range range_of(std::size_t t, std::size_t shares, std::size_t items) {
    return {items * t / shares, items * (t + 1) / shares};
}

/// Runs `work(t)` for every share t in [0, shares), share 0 on the calling thread, and waits for
/// them all; out of threads, the shares not started run on the calling thread. The error of the
/// lowest share that failed is rethrown: the same error whatever the timing.
template <typename Work>
void run_shares(std::size_t shares, const Work& work) {
    std::vector<std::exception_ptr> errors(shares);
    auto guarded = [&](std::size_t t) {
        try {
            work(t);
        } catch (...) {
            errors[t] = std::current_exception();
        }
    };
    {
        std::vector<std::jthread> pool;  // joined when the block ends, whatever happens
        for (std::size_t t = 1; t < shares; ++t) {
            try {
                pool.emplace_back(guarded, t);
            } catch (const std::system_error&) {
                for (std::size_t rest = t; rest < shares; ++rest) guarded(rest);
                break;
            }
        }
        if (shares > 0) guarded(0);
    }
    for (const auto& error : errors) {
        if (error) std::rethrow_exception(error);
    }
}

/// Calls `work(worker, i)` for every i in [0, count), the indices taken in turn by `workers`
/// threads (worker 0 the calling one), so that a slow item holds up its own thread only; waits
/// for them all. A worker stops at its first error; the error of the lowest index that failed
/// is rethrown, the same whatever the timing (every lower index was handed out, and done).
template <typename Work>
void for_each_index(std::size_t count, std::size_t workers, const Work& work) {
    std::atomic<std::size_t> next{0};
    std::vector<std::pair<std::size_t, std::exception_ptr>> failed(workers, {count, nullptr});
    run_shares(workers, [&](std::size_t w) {
        for (std::size_t i = next++; i < count; i = next++) {
            try {
                work(w, i);
            } catch (...) {
                failed[w] = {i, std::current_exception()};
                return;
            }
        }
    });
    const auto first =
        std::min_element(failed.begin(), failed.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
    if (first != failed.end() && first->second) std::rethrow_exception(first->second);
}

/// Makes the text of every chunk in [0, count) with `make(worker, chunk, text)` on up to
/// `workers` threads (worker 0 the calling one) and hands each, in order, to `take(text)` on the
/// calling thread as soon as it and every chunk before it are made; at most `ahead` chunks are
/// made and not yet taken, so the texts held are a window, not the whole. Out of threads, the
/// calling thread makes them all. The error of the first chunk (in order) that failed, or of
/// `take`, is rethrown, and nothing after it is taken: the same whatever the timing.
template <typename Make, typename Take>
void make_in_order(std::size_t count, std::size_t workers, std::size_t ahead, const Make& make,
                   const Take& take) {
    ahead = std::max<std::size_t>(1, ahead);
    std::vector<std::string> texts(count);
    std::vector<char> made(count, 0);
    std::vector<std::exception_ptr> errors(count);
    std::mutex mutex;
    std::condition_variable changed;
    std::size_t next = 0;   // the next chunk to make
    std::size_t taken = 0;  // the chunks taken so far
    bool stop = false;
    // Makes chunk `k` (handed out under the lock, which is released meanwhile).
    auto make_one = [&](std::unique_lock<std::mutex>& lock, std::size_t worker, std::size_t k) {
        lock.unlock();
        try {
            make(worker, k, texts[k]);
        } catch (...) {
            errors[k] = std::current_exception();
        }
        lock.lock();
        made[k] = 1;
        changed.notify_all();
    };
    auto work = [&](std::size_t worker) {
        std::unique_lock lock(mutex);
        for (;;) {
            changed.wait(lock, [&] { return stop || next >= count || next < taken + ahead; });
            if (stop || next >= count) return;
            make_one(lock, worker, next++);
        }
    };
    {
        std::vector<std::jthread> pool;  // joined when the block ends, whatever happens
        auto finish = [&] {
            const std::lock_guard lock(mutex);
            stop = true;
            changed.notify_all();
        };
        for (std::size_t w = 1; w < workers; ++w) {
            try {
                pool.emplace_back(work, w);
            } catch (const std::system_error&) {
                break;
            }
        }
        try {
            for (std::size_t t = 0; t < count; ++t) {
                {
                    std::unique_lock lock(mutex);
                    while (!made[t]) {
                        if (next < count && next < t + ahead) {
                            make_one(lock, 0, next++);  // the calling thread makes one too
                        } else {
                            changed.wait(lock);
                        }
                    }
                }
                if (errors[t]) std::rethrow_exception(errors[t]);
                take(texts[t]);
                std::string().swap(texts[t]);
                const std::lock_guard lock(mutex);
                taken = t + 1;
                changed.notify_all();
            }
        } catch (...) {
            finish();
            throw;
        }
        finish();
    }
}

}  // namespace notional

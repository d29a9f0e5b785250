#pragma once
// Runs work(i) for i in [0, count) on `jobs` threads and hands the results to
// sink(i, result) on the calling thread in index order. At most `window`
// results wait at once (plus the one in the sink), so memory stays bounded however large `count` is, and
// outputs come out in input order (deterministic) whatever the thread timing.
#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>
#include <vector>

namespace sheetgen::commands {

// Returns how many results were sunk (less than count when `stop` was set).
// *started (when given) receives the number of worker threads that could be
// created: 0 means the calling thread did all the work.
template <class Result, class Work, class Sink>
size_t run_ordered(size_t count, unsigned jobs, size_t window, Work work, Sink sink,
                   const std::atomic<bool>* stop = nullptr, unsigned* started = nullptr) {
    jobs = std::max(1u, jobs);
    window = std::max<size_t>(window, jobs);
    std::mutex m;
    std::condition_variable space_cv, ready_cv;
    std::vector<std::optional<Result>> slots(window);
    size_t next_claim = 0, next_sink = 0;
    bool abort = false;
    std::exception_ptr error;

    auto stopping = [&] { return abort || (stop && stop->load()); };
    auto worker = [&] {
        for (;;) {
            size_t i;
            {
                std::unique_lock<std::mutex> lock(m);
                space_cv.wait(lock, [&] { return stopping() || next_claim >= count || next_claim < next_sink + window; });
                if (stopping() || next_claim >= count) return;
                i = next_claim++;
            }
            std::optional<Result> r;
            std::exception_ptr e;
            try {
                r.emplace(work(i));
            } catch (...) {
                e = std::current_exception();
            }
            std::lock_guard<std::mutex> lock(m);
            if (e) {
                if (!error) error = e;
                abort = true;
            } else {
                slots[i % window] = std::move(r);
            }
            ready_cv.notify_all();
            space_cv.notify_all();
        }
    };
    // A thread the system refuses (ulimit -u / -v) is not fatal: run with
    // the ones that started; with none, the calling thread does the work.
    std::vector<std::thread> threads;
    for (unsigned t = 0; t < jobs; ++t) {
        try {
            threads.emplace_back(worker);
        } catch (const std::system_error&) {
            break;
        }
    }
    if (started) *started = static_cast<unsigned>(threads.size());
    if (threads.empty()) {
        size_t sunk = 0;
        for (size_t i = 0; i < count && !(stop && stop->load()); ++i) {
            sink(i, work(i));
            ++sunk;
        }
        return sunk;
    }

    size_t sunk = 0;
    try {
        for (size_t i = 0; i < count; ++i) {
            std::optional<Result> r;
            {
                std::unique_lock<std::mutex> lock(m);
                ready_cv.wait(lock, [&] { return slots[i % window].has_value() || abort || (stop && stop->load() && next_claim <= i); });
                if (!slots[i % window].has_value()) break;  // aborted or stopped before this item was claimed
                r = std::move(slots[i % window]);
                slots[i % window].reset();
                next_sink = i + 1;
            }
            space_cv.notify_all();
            sink(i, std::move(*r));
            ++sunk;
        }
    } catch (...) {
        std::lock_guard<std::mutex> lock(m);
        if (!error) error = std::current_exception();
        abort = true;
    }
    {
        std::lock_guard<std::mutex> lock(m);
        abort = true;
    }
    space_cv.notify_all();
    for (auto& t : threads) t.join();
    if (error) std::rethrow_exception(error);
    return sunk;
}

}  // namespace sheetgen::commands

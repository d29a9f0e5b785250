#pragma once
// What every command's library function shares: where it writes messages,
// the error for options that contradict each other, and the wall/CPU clocks
// behind --timings.
#include <atomic>
#include <chrono>
#include <iosfwd>
#include <stdexcept>

#include "common/atomic_file.hpp"

namespace sheetgen::commands {

// Where a command writes: `out` for results and summaries, `err` for
// located problems and progress. A library caller may pass string streams.
struct Streams {
    std::ostream& out;
    std::ostream& err;
    bool err_is_tty = false;  // progress bars only on a terminal
};

// How a command runs, the same for every command: worker threads, the
// mode of what it creates, a progress bar, and the flag an interrupt sets
// (polled between households).
struct RunSettings {
    unsigned jobs = 1;
    OutputOptions output;
    bool progress = false;  // a progress bar on Streams::err
    const std::atomic<bool>* interrupted = nullptr;
    bool stop_requested() const { return interrupted && interrupted->load(); }
};

// The options given cannot work together (a missing required input, an
// output that is an input, another output, a link or a device). The CLI
// maps it to exit 2; a library caller sees what() naming the option.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Wall time since construction (nanoseconds).
struct PhaseClock {
    std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
    long long elapsed_ns() const {
        return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start).count();
    }
};

// CPU time of the calling thread since construction (nanoseconds): phase
// figures stay honest when the machine is shared and threads get preempted.
struct ThreadCpuClock {
    long long start = now();
    long long elapsed_ns() const { return now() - start; }
    static long long now();
};

}  // namespace sheetgen::commands

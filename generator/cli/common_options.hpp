#pragma once
// Options and steps shared by the commands that read profiles and hazards.
#include <chrono>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "cli/args.hpp"
#include "common/atomic_file.hpp"
#include "common/date.hpp"

namespace sheetgen::cli {

// --date YYYY-MM-DD, else today's local date. Throws UsageError.
Date as_of_date(const Args& args);
// --jobs N (1..256), default: the number of cores.
unsigned job_count(const Args& args);
// 0600 files / 0700 directories, or 0640 / 0750 with --group-readable.
OutputOptions output_options(const Args& args);

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

}  // namespace sheetgen::cli

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

// Accumulates wall time of a phase across threads (nanoseconds).
struct PhaseClock {
    std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
    long long elapsed_ns() const {
        return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start).count();
    }
};

}  // namespace sheetgen::cli

#include "cli/common_options.hpp"

#include <ctime>
#include <time.h>
#include <thread>

namespace sheetgen::cli {

Date as_of_date(const Args& args) {
    if (auto v = args.value("--date")) {
        auto d = parse_iso_date(*v);
        if (!d) throw UsageError("--date needs a real date as YYYY-MM-DD, got '" + *v + "'");
        return *d;
    }
    std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

unsigned job_count(const Args& args) {
    if (auto n = args.integer("--jobs", 1, 256)) return static_cast<unsigned>(*n);
    unsigned hw = std::thread::hardware_concurrency();
    return hw == 0 ? 1 : hw;
}

long long ThreadCpuClock::now() {
    timespec ts{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<long long>(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
}

OutputOptions output_options(const Args& args) {
    OutputOptions o;
    if (args.flag("--group-readable")) {
        o.file_mode = 0640;
        o.dir_mode = 0750;
    }
    return o;
}

}  // namespace sheetgen::cli

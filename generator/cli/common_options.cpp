#include "cli/common_options.hpp"

#include "cli/interrupt.hpp"

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <thread>

namespace sheetgen::cli {

OptionSpec hazards_option() { return {"--hazards", "", "CONFIG", "hazard configuration (geodata/*.yaml), required"}; }
OptionSpec jobs_option() { return {"--jobs", "", "N", "worker threads (default: number of cores)"}; }
OptionSpec group_readable_option() {
    return {"--group-readable", "", "", "create outputs 0640 / directories 0750 instead of 0600 / 0700"};
}
OptionSpec timings_option() { return {"--timings", "", "", "print phase timings to stderr"}; }
OptionSpec quiet_option() { return {"--quiet", "-q", "", "no progress bar"}; }

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

OutputOptions output_options(const Args& args) {
    OutputOptions o;
    if (args.flag("--group-readable")) {
        o.file_mode = 0640;
        o.dir_mode = 0750;
    }
    return o;
}

commands::RunSettings run_settings(const Args& args) {
    commands::RunSettings run;
    run.jobs = job_count(args);
    run.output = output_options(args);
    return run;
}

void arm(commands::RunSettings& run, const Streams& io, bool quiet) {
    run.progress = io.err_is_tty && !quiet;
    run.interrupted = &install_interrupt_handlers();
}

std::string font_option(const Args& args) {
    std::string font = value_or_empty(args, "--font");
    if (!font.empty()) return font;
    const char* env = std::getenv("SHEETGEN_FONT");
    return env && *env ? env : SHEETGEN_DEFAULT_FONT;
}

std::string leaflet_dir(const std::string& default_dir) {
    const char* env = std::getenv("SHEETGEN_LEAFLET_DIR");
    return env && *env ? env : default_dir;
}

std::string value_or_empty(const Args& args, const std::string& name) { return args.value(name).value_or(""); }

std::string format_ms(long long ns) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", ns / 1e6);
    return buf;
}

}  // namespace sheetgen::cli

#pragma once
// Options shared by the commands that read profiles and hazards: their table
// rows (declared once) and their conversion into typed values.
#include <string>

#include "cli/args.hpp"
#include "cli/command.hpp"
#include "common/atomic_file.hpp"
#include "common/date.hpp"

namespace sheetgen::cli {

// Table rows shared by several commands (functions, not globals: the
// commands' tables are built from them during static initialisation).
OptionSpec hazards_option();         // --hazards CONFIG
OptionSpec jobs_option();            // --jobs N
OptionSpec group_readable_option();  // --group-readable
OptionSpec timings_option();         // --timings
OptionSpec quiet_option();           // -q, --quiet

// --date YYYY-MM-DD, else today's local date. Throws UsageError.
Date as_of_date(const Args& args);
// --jobs N (1..256), default: the number of cores.
unsigned job_count(const Args& args);
// 0600 files / 0700 directories, or 0640 / 0750 with --group-readable.
OutputOptions output_options(const Args& args);
// --jobs and --group-readable as the library's RunSettings.
commands::RunSettings run_settings(const Args& args);
// Just before the run: a progress bar when stderr is a terminal and not
// --quiet, and the interrupt handlers whose flag the library polls.
void arm(commands::RunSettings& run, const Streams& io, bool quiet);
// --font, else $SHEETGEN_FONT, else IPAexGothic.
std::string font_option(const Args& args);
// Where the map page (flag --html, diff --html) reads Leaflet from:
// $SHEETGEN_LEAFLET_DIR when set and not empty, else `default_dir` (Debian's
// libjs-leaflet).
std::string leaflet_dir(const std::string& default_dir);
// The named option's value, or "" when absent.
std::string value_or_empty(const Args& args, const std::string& name);

// "timings: households=... jobs=..." lines are built from key=value pairs.
std::string format_ms(long long ns);

}  // namespace sheetgen::cli

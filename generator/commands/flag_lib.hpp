#pragma once
// sheetgen flag as a library: profiles + hazard layers -> verdicts -> the
// at-risk list (CSV, and GeoJSON / GeoPackage / an HTML map page).
#include <atomic>
#include <optional>
#include <string>
#include <vector>

#include "commands/command_io.hpp"
#include "commands/household.hpp"
#include "common/atomic_file.hpp"
#include "common/date.hpp"
#include "report/flag_report.hpp"
#include "report/html_map.hpp"

namespace sheetgen::commands {

struct FlagOptions {
    std::string hazards_config;               // geodata/*.yaml
    std::vector<std::string> profile_paths;   // files or directories
    std::string out_csv;                      // required
    std::optional<std::string> geojson, gpkg, html;
    HtmlMapOptions html_map;                  // tiles, no names (as_of and hazards name are filled in)
    std::optional<std::string> pdf_dir;      // link households to DIR/<id>.pdf from the page
    std::string leaflet_dir = kLeafletDir;   // libjs-leaflet, inlined into the page
    Date as_of;                               // "today" for the review rule
    RunSettings run;
};

struct FlagResult {
    LevelCounts counts;          // households listed, per priority
    size_t skipped = 0;          // invalid profiles, duplicate ids, unusable paths
    size_t households_seen = 0;  // profiles handled before the end (or the interrupt)
    size_t profile_files = 0;
    bool interrupted = false;    // nothing was written
    long long zone_polygons = 0;
    // --timings
    long long load_ns = 0, write_ns = 0, total_ns = 0;
    PipelineCpu cpu;
};

// Checks the options and every input/output pairing before any work (throws
// UsageError), loads the hazards (throws InputError), then streams the
// households through the pipeline and writes every output atomically
// (throws OutputError). Located profile problems go to io.err.
FlagResult flag_households(const FlagOptions& options, Streams io);

// --html-tiles, --html-no-names and --pdf-dir need --html; a tile URL is
// http(s). Throws UsageError (flag and diff write the same page).
void check_html_page_options(bool html, const HtmlMapOptions& page, bool pdf_dir);

}  // namespace sheetgen::commands

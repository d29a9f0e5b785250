#pragma once
// sheetgen diff as a library call: every household against two hazard
// configs (or against a list an earlier `flag` saved), in one run. Each
// profile goes through the shared household pipeline (commands/household.hpp)
// and is parsed once; each config is loaded once. The outputs are written to
// temporaries and published only when all of them are complete.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "commands/command_io.hpp"
#include "commands/household.hpp"
#include "common/date.hpp"
#include "report/html_map.hpp"

namespace sheetgen::commands {

struct DiffOptions {
    // Exactly one of the two "before" sources.
    std::string before_config;  // a hazard config (geodata/*.yaml)
    std::string before_list;    // flag's CSV, GeoJSON or GeoPackage
    std::string after_config;
    std::vector<std::string> profile_paths;  // files or directories (expand_profile_paths)
    std::string out_csv;
    std::optional<std::string> geojson;
    std::optional<std::string> gpkg;  // layer "changes", the GeoJSON's fields
    // The map page of `flag --html`, with what changed for each household
    // (its verdict after the revision; households removed are counted only).
    std::optional<std::string> html;
    HtmlMapOptions html_map;                 // tiles, no names (the rest is filled in)
    std::string leaflet_dir = kLeafletDir;   // libjs-leaflet, inlined into the page
    Date as_of;
    RunSettings run;  // jobs, output mode, progress, interrupt flag
};

struct DiffResult {
    std::map<std::string, long> counts;  // change code -> households carrying it
    std::vector<std::string> redo_ids;   // plans to redo now, most urgent first
    size_t households = 0;               // rows written
    size_t skipped = 0;                  // invalid profiles, duplicate ids, unusable paths
    size_t households_seen = 0;          // profiles handled before the end (or the interrupt)
    size_t profile_files = 0;
    size_t before_list_problems = 0;     // rows of the earlier list reported and skipped
    size_t shelter_changes = 0;
    std::string shelters_csv;            // written when both sides are configs
    bool interrupted = false;            // nothing was written
    PipelineCpu cpu;
};

// `-o changes.csv` -> `changes-shelters.csv`.
std::string shelters_csv_path(const std::string& out_csv);

// Checks the options and every input/output pairing before any work (throws
// UsageError), loads both configs or the earlier list (throws InputError),
// runs every household through the pipeline against both sides, writes the
// outputs (throws OutputError; nothing is published then) and the summary
// (counts per code, the plans to redo now, by id) to io.out. Located
// profile problems go to io.err; a bad household is skipped.
DiffResult diff_households(const DiffOptions& options, Streams io);

}  // namespace sheetgen::commands

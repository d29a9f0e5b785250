#pragma once
// sheetgen diff as a library call: every household against two hazard
// configs (or against a list an earlier `flag` saved), in one run. Each
// profile is parsed once, each config loaded once; the outputs are written
// atomically, all of them or none.
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/atomic_file.hpp"
#include "common/date.hpp"
#include "common/error.hpp"

namespace sheetgen {

struct DiffOptions {
    // Exactly one of the two "before" sources.
    std::string before_config;  // a hazard config (geodata/*.yaml)
    std::string before_list;    // flag's CSV, GeoJSON or GeoPackage
    std::string after_config;
    std::vector<std::string> profile_paths;  // files or directories (expand_profile_paths)
    std::string out_csv;
    std::optional<std::string> geojson;
    std::optional<std::string> gpkg;  // not supported yet: refused with std::invalid_argument
    Date as_of;
    unsigned jobs = 1;
    OutputOptions output;
};

struct DiffResult {
    std::map<std::string, long> counts;  // change code -> households carrying it
    std::vector<std::string> redo_ids;   // plans to redo now, most urgent first
    long households = 0;                 // rows written
    long invalid = 0;                    // profiles reported and skipped
    long shelter_changes = 0;
    std::string shelters_csv;            // written when both sides are configs
    std::vector<Diagnostic> problems;    // every problem reported (also written to `err`)
};

// `-o changes.csv` -> `changes-shelters.csv`.
std::string shelters_csv_path(const std::string& out_csv);

// Throws std::invalid_argument for inconsistent options, InputError for an
// unusable config or earlier list, OutputError when an output cannot be
// written (nothing is then left behind). Bad profiles are reported on `err`
// by file:line:column and skipped. The summary goes to `out`.
DiffResult run_diff(const DiffOptions& options, std::ostream& out, std::ostream& err);

}  // namespace sheetgen

#pragma once
// sheetgen review as a library: the upkeep list (reviews and consents due,
// drafts to finish) from the profiles alone; no hazard data needed.
#include <map>
#include <string>
#include <vector>

#include "commands/command_io.hpp"
#include "report/review_list.hpp"

namespace sheetgen::commands {

struct ReviewOptions {
    std::vector<std::string> profile_paths;
    std::string out_csv;
    ReviewPolicy policy;
    RunSettings run;  // output mode and the interrupt flag
};

struct ReviewResult {
    size_t profiles = 0, households_listed = 0, skipped = 0;
    std::map<std::string, size_t> per_code;
    bool interrupted = false;
};

ReviewResult review_profiles(const ReviewOptions& options, Streams io);

}  // namespace sheetgen::commands

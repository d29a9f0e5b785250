#pragma once
// sheetgen roster as a library: supporter rosters per district or per named
// supporter, with only consenting households and only what supporters need.
#include <map>
#include <string>
#include <vector>

#include "commands/command_io.hpp"
#include "common/date.hpp"
#include "report/roster.hpp"

namespace sheetgen::commands {

struct RosterOptions {
    std::string hazards_config;
    std::vector<std::string> profile_paths;
    RosterGrouping by = RosterGrouping::District;
    std::string out_dir;     // DIR/roster-<group>.csv and .pdf, DIR/staff-summary.csv
    std::string font;        // for the PDFs
    Date as_of;              // 作成日 and the review rule
    RunSettings run;
};

struct RosterGroupSummary {
    std::string label;
    size_t listed = 0;         // consenting households in the roster
    size_t without_consent = 0;  // counted, never named
};

struct RosterResult {
    std::vector<RosterGroupSummary> groups;  // in file order (by label)
    size_t households = 0, listed = 0, without_consent = 0, skipped = 0;
    size_t rosters = 0;                      // groups that got a roster (PDF + CSV); fewer than groups
                                             // when a group has no consenting household
    std::vector<std::string> files;          // written, in order
    bool interrupted = false;
};

// Throws UsageError, InputError (config, font), OutputError.
RosterResult make_rosters(const RosterOptions& options, Streams io);

}  // namespace sheetgen::commands

#pragma once
// sheetgen validate as a library: check family profiles, one located line
// per problem.
#include <string>
#include <vector>

#include "commands/command_io.hpp"

namespace sheetgen::commands {

struct ValidateOptions {
    std::vector<std::string> paths;  // files or directories (not recursive)
};

struct ValidateResult {
    size_t files = 0, valid = 0, invalid = 0, warnings = 0;
    size_t unusable_paths = 0;  // not found or not listable
    bool all_valid() const { return invalid == 0 && unusable_paths == 0; }
};

// Problems go to io.out as file:line:column: message (they are the result).
// Throws UsageError when no path is given.
ValidateResult validate_profiles(const ValidateOptions& options, Streams io);

}  // namespace sheetgen::commands

#pragma once
// A small argument parser: long options with values, flags, positionals.
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "commands/command_io.hpp"

namespace sheetgen::cli {

using commands::UsageError;

class Args {
public:
    // value_options take a value (--out DIR or --out=DIR); flag_options do not.
    // Short aliases map e.g. "-o" to "--out". Throws UsageError.
    Args(const std::vector<std::string>& argv, const std::set<std::string>& value_options,
         const std::set<std::string>& flag_options, const std::map<std::string, std::string>& aliases = {});

    bool flag(const std::string& name) const { return flags_.count(name) > 0; }
    std::optional<std::string> value(const std::string& name) const;
    std::vector<std::string> values(const std::string& name) const;  // repeatable
    const std::vector<std::string>& positionals() const { return positionals_; }
    // --jobs style positive integer, with bounds.
    std::optional<long> integer(const std::string& name, long min, long max) const;

private:
    std::set<std::string> flags_;
    std::multimap<std::string, std::string> values_;
    std::vector<std::string> positionals_;
};

}  // namespace sheetgen::cli

#include "commands/validate_lib.hpp"

#include <ostream>

#include "profile/parse.hpp"

namespace sheetgen::commands {

ValidateResult validate_profiles(const ValidateOptions& options, Streams io) {
    if (options.paths.empty()) throw UsageError("no profile paths given");
    ValidateResult result;
    std::vector<Diagnostic> path_problems;
    const std::vector<std::string> files = expand_profile_paths(options.paths, path_problems);
    for (const auto& d : path_problems) io.out << format_diagnostic(d) << "\n";
    result.unusable_paths = path_problems.size();
    result.files = files.size();
    IdRegistry ids;
    for (const auto& file : files) {
        ProfileResult r = load_profile_file(file);
        bool ok = r.ok();
        if (ok) {
            if (auto dup = ids.add(r)) {
                r.diagnostics.push_back(*dup);
                ok = false;
            }
        }
        for (const auto& d : r.diagnostics) {
            io.out << format_diagnostic(d) << "\n";
            if (d.severity == Severity::Warning) ++result.warnings;
        }
        ++(ok ? result.valid : result.invalid);
    }
    io.out.flush();
    return result;
}

}  // namespace sheetgen::commands

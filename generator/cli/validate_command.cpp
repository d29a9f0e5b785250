// sheetgen validate PATH...: check family profiles, one line per problem.
#include <ostream>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "common/error.hpp"
#include "profile/parse.hpp"

namespace sheetgen::cli {

namespace {
const char* kValidateUsage =
    "usage: sheetgen validate [--quiet] PATH...\n"
    "\n"
    "Checks family profiles (YAML, schema sheetgen/profile-v1). PATH is a file or a\n"
    "directory; a directory's *.yaml / *.yml files are checked (not its subdirectories).\n"
    "Prints one line per problem as file:line:column: message, then a summary on stderr.\n"
    "\n"
    "options:\n"
    "  -q, --quiet   no summary line (problems are still printed)\n"
    "  -h, --help    this help\n"
    "\n"
    "exit codes: 0 all valid, 1 some invalid (or duplicate ids, or a path not found),\n"
    "            2 usage error\n";
}  // namespace

int run_validate(const std::vector<std::string>& argv, Streams io) {
    std::vector<std::string> paths;
    bool quiet = false;
    try {
        Args args(argv, {}, {"--help", "--quiet"}, {{"-h", "--help"}, {"-q", "--quiet"}});
        if (args.flag("--help")) {
            io.out << kValidateUsage;
            return kExitOk;
        }
        quiet = args.flag("--quiet");
        paths = args.positionals();
        if (paths.empty()) throw UsageError("no profile paths given");
    } catch (const UsageError& e) {
        io.err << "sheetgen validate: " << e.what() << "\n\n" << kValidateUsage;
        return kExitUsage;
    }

    std::vector<Diagnostic> path_problems;
    std::vector<std::string> files = expand_profile_paths(paths, path_problems);
    for (const auto& d : path_problems) io.out << format_diagnostic(d) << "\n";

    IdRegistry ids;
    size_t valid = 0, invalid = 0, warnings = 0;
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
            if (d.severity == Severity::Warning) ++warnings;
        }
        ++(ok ? valid : invalid);
    }
    io.out.flush();

    if (!quiet) {
        io.err << files.size() << (files.size() == 1 ? " profile" : " profiles") << " checked: ";
        io.err << valid << " valid";
        if (invalid) io.err << ", " << invalid << " invalid";
        if (warnings) io.err << ", " << warnings << (warnings == 1 ? " warning" : " warnings");
        if (!path_problems.empty())
            io.err << "; " << path_problems.size() << (path_problems.size() == 1 ? " path" : " paths")
                   << " not usable";
        io.err << "\n";
    }
    return (invalid == 0 && path_problems.empty()) ? kExitOk : kExitInvalidInput;
}

}  // namespace sheetgen::cli

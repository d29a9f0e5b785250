// sheetgen validate: the command line of commands::validate_profiles.
#include <ostream>

#include "cli/command.hpp"
#include "cli/common_options.hpp"
#include "cli/exit_codes.hpp"
#include "commands/validate_lib.hpp"

namespace sheetgen::cli {

namespace {

const CommandSpec kValidateSpec{
    "validate",
    "[--quiet] PATH...",
    "check family profiles (files or directories)",
    "Checks family profiles (YAML, schema sheetgen/profile-v1). PATH is a file or a\n"
    "directory; a directory's *.yaml / *.yml files are checked (not its subdirectories).\n"
    "Prints one line per problem as file:line:column: message, then a summary on stderr.",
    {{"--quiet", "-q", "", "no summary line (problems are still printed)"}},
    "",
    {kExitOk, kExitInvalidInput, kExitUsage, kExitResources, kExitInternal},
};

class ValidateCommand : public Command {
public:
    const CommandSpec& spec() const override { return kValidateSpec; }

    void setup(const Args& args) override {
        o_.paths = args.positionals();
        quiet_ = args.flag("--quiet");
        if (o_.paths.empty()) throw UsageError("no profile paths given");
    }

    int run(Streams io) override {
        const commands::ValidateResult r = commands::validate_profiles(o_, io);
        if (!quiet_) print_summary(io.err, r);
        return r.all_valid() ? kExitOk : kExitInvalidInput;
    }

private:
    static void print_summary(std::ostream& err, const commands::ValidateResult& r) {
        err << r.files << (r.files == 1 ? " profile" : " profiles") << " checked: " << r.valid << " valid";
        if (r.invalid) err << ", " << r.invalid << " invalid";
        if (r.warnings) err << ", " << r.warnings << (r.warnings == 1 ? " warning" : " warnings");
        if (r.unusable_paths)
            err << "; " << r.unusable_paths << (r.unusable_paths == 1 ? " path" : " paths") << " not usable";
        err << "\n";
    }

    commands::ValidateOptions o_;
    bool quiet_ = false;
};

}  // namespace

std::unique_ptr<Command> make_validate_command() { return std::make_unique<ValidateCommand>(); }

}  // namespace sheetgen::cli

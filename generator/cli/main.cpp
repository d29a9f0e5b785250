// sheetgen: thin dispatcher over the command table (cli/command.hpp).
#include <iostream>
#include <string>
#include <unistd.h>
#include <vector>

#include "cli/command.hpp"
#include "cli/exit_codes.hpp"
#include "cli/guarded.hpp"
#include "cli/interrupt.hpp"

namespace {

int dispatch(const std::string& name, const std::vector<std::string>& args) {
    using namespace sheetgen::cli;
    Streams io{std::cout, std::cerr, ::isatty(STDERR_FILENO) == 1};
    for (const auto& entry : command_table()) {
        if (name != entry.name) continue;
        auto command = entry.make();
        return run_command(*command, args, io);
    }
    std::cerr << "sheetgen: unknown command '" << name << "'\n\n" << format_main_help();
    return kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace sheetgen::cli;
    // First of all: a crash must never leave a core file full of medical data.
    disable_core_dumps();
    std::vector<std::string> args(argv + 1, argv + argc);
    // Everything below runs guarded: what escapes the commands' own error
    // mapping is the system refusing resources (exit 5) or a bug (exit 70),
    // one line and a documented code, never std::terminate.
    return run_guarded(
        [&] {
            if (args.empty()) {
                std::cerr << format_main_help();
                return kExitUsage;
            }
            const std::string name = args.front();
            if (name == "-h" || name == "--help" || name == "help") {
                std::cout << format_main_help();
                return kExitOk;
            }
            if (name == "--version") {
                std::cout << "sheetgen " << SHEETGEN_VERSION << "\n";
                return kExitOk;
            }
            args.erase(args.begin());
            return dispatch(name, args);
        },
        std::cerr, args.empty() ? "" : args.front());
}

// sheetgen: thin dispatcher over the command library.
#include <cstring>
#include <iostream>
#include <string>
#include <unistd.h>
#include <vector>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/guarded.hpp"
#include "cli/interrupt.hpp"

namespace {

const char* kUsage =
    "usage: sheetgen COMMAND [OPTIONS] ...\n"
    "\n"
    "Disaster support sheets for people living at home with medical care.\n"
    "\n"
    "commands:\n"
    "  validate PATH...            check family profiles (files or directories)\n"
    "  flag --hazards CONFIG ...   overlay households on hazard layers, list who is at risk\n"
    "  render --hazards CONFIG ... render support sheets and ventilator plans as PDF\n"
    "\n"
    "options:\n"
    "  -h, --help      this help (sheetgen COMMAND --help for a command's options)\n"
    "  --version       print the version\n"
    "\n"
    "exit codes: 0 ok, 1 some profiles invalid (reported, skipped), 2 usage error,\n"
    "            3 hazard config/layer/template/font unusable, 4 output not written,\n"
    "            5 out of memory or another resource refused (ulimit -v); refused\n"
    "              worker threads only slow the run (down to the main thread alone),\n"
    "            6 a document library (libharu/HarfBuzz/libqpdf) failed for a household,\n"
    "            70 internal error (a bug: please report it),\n"
    "            130 interrupted (one SIGINT/SIGTERM ends the run within ~2 s)\n";

}  // namespace

namespace {
int dispatch(const std::string& command, const std::vector<std::string>& args) {
    using namespace sheetgen::cli;
    Streams io{std::cout, std::cerr, ::isatty(STDERR_FILENO) == 1};
    if (command == "validate") return run_validate(args, io);
    if (command == "flag") return run_flag(args, io);
    if (command == "render") return run_render(args, io);
    std::cerr << "sheetgen: unknown command '" << command << "'\n\n" << kUsage;
    return kExitUsage;
}
}  // namespace

int main(int argc, char** argv) {
    using namespace sheetgen::cli;
    // First of all: a crash must never leave a core file full of medical data.
    disable_core_dumps();
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) {
        std::cerr << kUsage;
        return kExitUsage;
    }
    const std::string command = args.front();
    if (command == "-h" || command == "--help" || command == "help") {
        std::cout << kUsage;
        return kExitOk;
    }
    if (command == "--version") {
        std::cout << "sheetgen " << SHEETGEN_VERSION << "\n";
        return kExitOk;
    }
    args.erase(args.begin());
    // The commands turn bad input and failed writes into their exit codes;
    // what escapes them is the system refusing resources (exit 5) or a bug
    // (exit 70): one line and a documented code, never std::terminate.
    return run_guarded([&] { return dispatch(command, args); }, std::cerr, command);
}

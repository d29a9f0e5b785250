#pragma once
// The CLI front end of every command, osmium-tool style: one Command class
// per command with setup() (arguments -> the library's typed options) and
// run() (call the library, map its result to an exit code). Options are
// declared once, in a table that both parses the command line and writes
// --help, so the two cannot drift apart.
#include <memory>
#include <string>
#include <vector>

#include "cli/args.hpp"
#include "commands/command_io.hpp"

namespace sheetgen::cli {

using commands::Streams;

// One row of a command's option table.
struct OptionSpec {
    std::string name;        // "--hazards"
    std::string alias;       // "-o", or ""
    std::string value_name;  // "CONFIG"; empty for a flag (no value)
    std::string help;        // lines after the first are indented under it
};

struct CommandSpec {
    std::string name;         // "flag"
    std::string synopsis;     // what follows "sheetgen flag" in the usage line
    std::string summary;      // one line for `sheetgen --help`
    std::string description;  // the paragraph after the usage line
    std::vector<OptionSpec> options;  // --help / -h is added to every command
    std::string notes;        // rules that concern several options
    std::vector<int> exit_codes;  // the codes this command can return, explained from one table
};

// The help text of a command, from its table.
std::string format_help(const CommandSpec& spec);
// Parses argv against the table (throws UsageError for anything not in it).
Args parse_arguments(const CommandSpec& spec, const std::vector<std::string>& argv);

class Command {
public:
    virtual ~Command() = default;
    virtual const CommandSpec& spec() const = 0;
    // The parsed arguments into the library's options. Throws UsageError.
    virtual void setup(const Args& args) = 0;
    // Runs the library function; returns the exit code. Typed errors it
    // throws are mapped by run_command.
    virtual int run(Streams io) = 0;
};

// --help, setup, run; UsageError -> 2, InputError -> 3, OutputError -> 4,
// RenderError -> 6, each as one line naming the command.
int run_command(Command& command, const std::vector<std::string>& argv, Streams io);

// Every command main dispatches to, in the order `sheetgen --help` lists them.
struct CommandEntry {
    const char* name;
    std::unique_ptr<Command> (*make)();
};
const std::vector<CommandEntry>& command_table();

// `sheetgen --help`: the commands and every exit code.
std::string format_main_help();

// The factories (one per *_bin.cpp).
std::unique_ptr<Command> make_validate_command();
std::unique_ptr<Command> make_flag_command();
std::unique_ptr<Command> make_render_command();
std::unique_ptr<Command> make_roster_command();
std::unique_ptr<Command> make_review_command();
std::unique_ptr<Command> make_diff_command();
std::unique_ptr<Command> make_import_command();

}  // namespace sheetgen::cli

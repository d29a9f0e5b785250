#include "cli/command.hpp"

#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "cli/exit_codes.hpp"
#include "common/error.hpp"

namespace sheetgen::cli {

namespace {

const OptionSpec kHelpOption{"--help", "-h", "", "this help"};

// Column where option help starts: long enough for "--password-file FILE".
constexpr size_t kHelpColumn = 26;

std::string option_label(const OptionSpec& o) {
    std::string label = o.alias.empty() ? o.name : o.alias + ", " + o.name;
    if (!o.value_name.empty()) label += " " + o.value_name;
    return label;
}

void append_option(std::ostringstream& s, const OptionSpec& o) {
    std::string label = "  " + option_label(o);
    std::istringstream help(o.help);
    std::string line;
    bool first = true;
    while (std::getline(help, line)) {
        if (first && label.size() + 1 < kHelpColumn) {
            s << label << std::string(kHelpColumn - label.size(), ' ') << line << "\n";
        } else {
            if (first) s << label << "\n";
            s << std::string(kHelpColumn, ' ') << line << "\n";
        }
        first = false;
    }
}

void append_exit_codes(std::ostringstream& s, const std::vector<int>& codes) {
    s << "\nexit codes:\n";
    for (int code : codes) {
        std::string label = "  " + std::to_string(code);
        s << label << std::string(8 - label.size(), ' ') << exit_code_meaning(code) << "\n";
    }
}

}  // namespace

const std::vector<ExitCodeInfo>& exit_code_table() {
    static const std::vector<ExitCodeInfo> table = {
        {kExitOk, "done"},
        {kExitInvalidInput, "some profiles or ledger rows invalid: reported as file:line:column, skipped; the rest done"},
        {kExitUsage, "usage: a bad option, or an output that is an input, another output, a link or a device"},
        {kExitFatalInput, "hazard config, layer, mapping, template or font unusable: nothing done"},
        {kExitOutput, "an output could not be written (disk full, permissions)"},
        {kExitResources, "out of memory or another resource refused (ulimit -v); refused worker threads only slow the run"},
        {kExitRender, "a document library (libharu, HarfBuzz, libqpdf) failed for a household: named, the rest done"},
        {kExitInternal, "internal error (a bug: please report it); completed outputs kept"},
        {kExitInterrupted, "interrupted: one SIGINT/SIGTERM ends the run within ~2 s; completed outputs kept"},
    };
    return table;
}

std::string exit_code_meaning(int code) {
    for (const auto& e : exit_code_table())
        if (e.code == code) return e.meaning;
    return "";
}

std::string format_help(const CommandSpec& spec) {
    std::ostringstream s;
    s << "usage: sheetgen " << spec.name << " " << spec.synopsis << "\n\n" << spec.description << "\n\noptions:\n";
    for (const auto& o : spec.options) append_option(s, o);
    append_option(s, kHelpOption);
    if (!spec.notes.empty()) s << "\n" << spec.notes << "\n";
    append_exit_codes(s, spec.exit_codes);
    return s.str();
}

Args parse_arguments(const CommandSpec& spec, const std::vector<std::string>& argv) {
    std::set<std::string> values, flags{kHelpOption.name};
    std::map<std::string, std::string> aliases{{kHelpOption.alias, kHelpOption.name}};
    for (const auto& o : spec.options) {
        (o.value_name.empty() ? flags : values).insert(o.name);
        if (!o.alias.empty()) aliases[o.alias] = o.name;
    }
    return Args(argv, values, flags, aliases);
}

int run_command(Command& command, const std::vector<std::string>& argv, Streams io) {
    const std::string name = command.spec().name;
    try {
        Args args = parse_arguments(command.spec(), argv);
        if (args.flag("--help")) {
            io.out << format_help(command.spec());
            return kExitOk;
        }
        command.setup(args);
        return command.run(io);
    } catch (const UsageError& e) {
        io.err << "sheetgen " << name << ": " << e.what() << "\n(see sheetgen " << name << " --help)\n";
        return kExitUsage;
    } catch (const InputError& e) {
        io.err << e.what() << "\n";  // already file:line:column: message
        return kExitFatalInput;
    } catch (const OutputError& e) {
        io.err << "sheetgen " << name << ": " << e.what() << "\n";
        return kExitOutput;
    } catch (const RenderError& e) {
        io.err << "sheetgen " << name << ": document library failed: " << e.what() << "\n";
        return kExitRender;
    }
}

const std::vector<CommandEntry>& command_table() {
    static const std::vector<CommandEntry> table = {
        {"import", make_import_command},
        {"validate", make_validate_command},
        {"flag", make_flag_command},
        {"render", make_render_command},
        {"diff", make_diff_command},
        {"roster", make_roster_command},
        {"review", make_review_command},
    };
    return table;
}

std::string format_main_help() {
    std::ostringstream s;
    s << "usage: sheetgen COMMAND [OPTIONS] ...\n\n"
      << "Disaster support sheets for people living at home with medical care.\n\ncommands:\n";
    for (const auto& entry : command_table()) {
        const CommandSpec& spec = entry.make()->spec();
        std::string label = "  " + spec.name;
        s << label << std::string(kHelpColumn > label.size() ? kHelpColumn - label.size() : 1, ' ') << spec.summary
          << "\n";
    }
    s << "\noptions:\n";
    append_option(s, OptionSpec{"--help", "-h", "", "this help (sheetgen COMMAND --help for a command's options)"});
    append_option(s, OptionSpec{"--version", "", "", "print the version"});
    std::vector<int> all;
    for (const auto& e : exit_code_table()) all.push_back(e.code);
    append_exit_codes(s, all);
    return s.str();
}

}  // namespace sheetgen::cli

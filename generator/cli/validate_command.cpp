#include <ostream>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"

namespace sheetgen::cli {
int run_validate(const std::vector<std::string>&, Streams io) {
    io.err << "sheetgen validate: not built yet\n";
    return kExitUsage;
}
}  // namespace sheetgen::cli

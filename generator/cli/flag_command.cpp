#include <ostream>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"

namespace sheetgen::cli {
int run_flag(const std::vector<std::string>&, Streams io) {
    io.err << "sheetgen flag: not built yet\n";
    return kExitUsage;
}
}  // namespace sheetgen::cli

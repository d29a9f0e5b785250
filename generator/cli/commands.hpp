#pragma once
// One entry point per command; main.cpp only dispatches. Each returns an exit
// code (cli/exit_codes.hpp) and writes only to the given streams.
#include <iosfwd>
#include <string>
#include <vector>

namespace sheetgen::cli {

struct Streams {
    std::ostream& out;
    std::ostream& err;
    bool err_is_tty = false;  // progress bars only on a terminal
};

int run_validate(const std::vector<std::string>& args, Streams io);
int run_flag(const std::vector<std::string>& args, Streams io);
int run_render(const std::vector<std::string>& args, Streams io);

}  // namespace sheetgen::cli

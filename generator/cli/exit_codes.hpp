#pragma once
// Exit codes shared by every command (documented in README.md, and in each
// command's --help from kExitCodeTable).
#include <string>
#include <vector>

namespace sheetgen::cli {
inline constexpr int kExitOk = 0;
inline constexpr int kExitInvalidInput = 1;  // some profiles / ledger rows invalid: reported and skipped
inline constexpr int kExitUsage = 2;         // bad command line
inline constexpr int kExitFatalInput = 3;    // hazard config, layer, template or font unusable: nothing done
inline constexpr int kExitOutput = 4;        // an output could not be written
inline constexpr int kExitResources = 5;     // out of memory or another resource refused: nothing more done
inline constexpr int kExitRender = 6;        // a document library (libharu, HarfBuzz, libqpdf) failed for a household
inline constexpr int kExitInternal = 70;     // a bug: an unexpected exception (EX_SOFTWARE); completed outputs kept
inline constexpr int kExitInterrupted = 130; // SIGINT/SIGTERM: completed outputs kept

struct ExitCodeInfo {
    int code;
    const char* meaning;
};
// One line of explanation per code, for --help and the README.
const std::vector<ExitCodeInfo>& exit_code_table();
std::string exit_code_meaning(int code);
}  // namespace sheetgen::cli

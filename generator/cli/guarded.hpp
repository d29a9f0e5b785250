#pragma once
// The last line of defence around a command: an exception no command expects
// (a bug, std::bad_alloc, a library throwing something undocumented) becomes
// one line on stderr and exit code kExitInternal instead of std::terminate
// (abort, core dump, exit 134) with no word on what happened.
#include <functional>
#include <ostream>

namespace sheetgen::cli {

// Runs body() and returns its exit code; on an escaped exception prints
// "sheetgen: internal error: WHAT" to err and returns kExitInternal.
int run_guarded(const std::function<int()>& body, std::ostream& err);

}  // namespace sheetgen::cli

#pragma once
// The last line of defence around a command. The system refusing memory or a
// thread (std::bad_alloc, std::system_error: ulimit -v / -u) becomes one line
// and kExitResources; any other exception no command expects (a bug, a
// library throwing something undocumented) one line and kExitInternal.
// Never std::terminate (abort, exit 134) with no word on what happened.
#include <functional>
#include <ostream>
#include <string>

namespace sheetgen::cli {

// Runs body() and returns its exit code. `command` names the command in the
// resource messages ("sheetgen validate: out of memory ...").
int run_guarded(const std::function<int()>& body, std::ostream& err, const std::string& command = "");

}  // namespace sheetgen::cli

#pragma once
// SIGINT/SIGTERM/SIGHUP set a flag that long commands poll between
// households, so an interrupted run finishes the file in hand, keeps every
// completed output and says how far it got. Some phases cannot poll (GDAL
// opening a layer, GEOS checking a 400,000-vertex polygon): a watchdog thread
// then ends the process itself when the command has not returned within
// kInterruptGraceMs of the signal (or at once on a second signal), after
// removing every temporary file in flight, with exit code 130.
// Signal handlers can only reach static storage: this flag is the one piece
// of process-wide state, owned by the CLI.
#include <atomic>

namespace sheetgen::cli {

inline constexpr int kInterruptGraceMs = 2000;

// Installs the handlers and the watchdog (idempotent) and returns the flag.
// Without a watchdog thread (none could be created) the flag alone works.
const std::atomic<bool>& install_interrupt_handlers();
int interrupt_signal();  // the signal received, 0 if none

// Process-wide hardening done first thing in main(): no core dump may be
// written (it would hold medical data): RLIMIT_CORE 0 and not dumpable.
void disable_core_dumps();

}  // namespace sheetgen::cli

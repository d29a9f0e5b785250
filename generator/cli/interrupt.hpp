#pragma once
// SIGINT/SIGTERM set a flag that long commands poll between households, so
// an interrupted run finishes the file in hand, keeps every completed output
// and says how far it got. Signal handlers can only reach static storage:
// this flag is the one piece of process-wide state, owned by the CLI.
#include <atomic>

namespace sheetgen::cli {

// Installs the handlers (idempotent) and returns the flag.
const std::atomic<bool>& install_interrupt_handlers();
int interrupt_signal();  // the signal received, 0 if none

}  // namespace sheetgen::cli

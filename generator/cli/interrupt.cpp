#include "cli/interrupt.hpp"

#include <csignal>

namespace sheetgen::cli {

namespace {
std::atomic<bool> g_interrupted{false};
volatile std::sig_atomic_t g_signal = 0;

extern "C" void on_signal(int sig) {
    g_signal = sig;
    g_interrupted.store(true);
    // A second signal ends the process at once, the usual convention.
    std::signal(sig, SIG_DFL);
}
}  // namespace

const std::atomic<bool>& install_interrupt_handlers() {
    std::signal(SIGINT, on_signal);
    std::signal(SIGTERM, on_signal);
    return g_interrupted;
}

int interrupt_signal() { return g_signal; }

}  // namespace sheetgen::cli

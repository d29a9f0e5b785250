#include "cli/interrupt.hpp"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <mutex>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <thread>
#include <unistd.h>

#include "cli/exit_codes.hpp"
#include "common/atomic_file.hpp"

namespace sheetgen::cli {

namespace {
std::atomic<bool> g_interrupted{false};
volatile std::sig_atomic_t g_signal = 0;
int g_pipe[2] = {-1, -1};  // handler -> watchdog: one byte per signal

extern "C" void on_signal(int sig) {
    const int saved = errno;
    g_signal = sig;
    g_interrupted.store(true);
    if (g_pipe[1] >= 0) {
        char b = 1;
        ssize_t n = ::write(g_pipe[1], &b, 1);  // async-signal-safe
        (void)n;
    } else {
        std::signal(sig, SIG_DFL);  // no watchdog: a second signal ends the process at once
    }
    errno = saved;
}

void stop_now(const char* why) {
    const size_t removed = remove_registered_temporaries();
    char msg[256];
    std::snprintf(msg, sizeof msg,
                  "sheetgen: interrupted (%s); stopped at once, %zu temporary files removed; complete files are kept, "
                  "no list or bundle written; run again to redo the rest\n",
                  why, removed);
    ssize_t n = ::write(STDERR_FILENO, msg, std::strlen(msg));
    (void)n;
    ::_exit(kExitInterrupted);
}

// Waits for the first signal, then gives the command kInterruptGraceMs to
// return by itself; a second signal or the end of the grace time ends the
// process. A command that returns in time exits normally (130) before this.
void watchdog() {
    char b;
    for (;;) {
        ssize_t n = ::read(g_pipe[0], &b, 1);
        if (n == 1) break;
        if (n < 0 && errno == EINTR) continue;
        return;
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(kInterruptGraceMs);
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) stop_now("the current step did not stop within 2 s");
        // Poll the pipe for a second signal, with the remaining time as timeout.
        fd_set set;
        FD_ZERO(&set);
        FD_SET(g_pipe[0], &set);
        timeval tv{static_cast<time_t>(left.count() / 1000), static_cast<suseconds_t>((left.count() % 1000) * 1000)};
        int r = ::select(g_pipe[0] + 1, &set, nullptr, nullptr, &tv);
        if (r > 0) stop_now("second signal");
    }
}
}  // namespace

const std::atomic<bool>& install_interrupt_handlers() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (::pipe2(g_pipe, O_CLOEXEC) == 0) {
            try {
                std::thread(watchdog).detach();
            } catch (const std::system_error&) {
                // No thread to spare (ulimit -u): the flag still works between households.
                ::close(g_pipe[0]);
                ::close(g_pipe[1]);
                g_pipe[0] = g_pipe[1] = -1;
            }
        }
        struct sigaction sa {};
        sa.sa_handler = on_signal;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_RESTART;
        for (int sig : {SIGINT, SIGTERM, SIGHUP}) ::sigaction(sig, &sa, nullptr);
    });
    return g_interrupted;
}

int interrupt_signal() { return g_signal; }

void disable_core_dumps() {
    rlimit none{0, 0};
    ::setrlimit(RLIMIT_CORE, &none);
    ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

}  // namespace sheetgen::cli

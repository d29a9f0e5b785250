// run_guarded: main()'s last resort. An exception no command handles becomes
// one line and exit 70 (kExitInternal), not std::terminate and a core dump.
#include <catch2/catch.hpp>

#include <new>
#include <sstream>
#include <stdexcept>
#include <system_error>

#include "cli/exit_codes.hpp"
#include "cli/guarded.hpp"

using namespace sheetgen::cli;

TEST_CASE("run_guarded passes the command's exit code through", "[cli][exit]") {
    std::ostringstream err;
    CHECK(run_guarded([] { return 0; }, err) == 0);
    CHECK(run_guarded([] { return kExitOutput; }, err) == kExitOutput);
    CHECK(err.str().empty());
}

TEST_CASE("run_guarded turns an escaped exception into one line and exit 70", "[cli][exit]") {
    CHECK(kExitInternal == 70);
    std::ostringstream err;
    SECTION("std::exception") {
        CHECK(run_guarded([]() -> int { throw std::logic_error("slot index out of range"); }, err) == kExitInternal);
        CHECK(err.str() == "sheetgen: internal error: slot index out of range (please report this; exit 70)\n");
    }
    SECTION("std::bad_alloc is the system refusing memory: exit 5, not a bug") {
        CHECK(run_guarded([]() -> int { throw std::bad_alloc(); }, err, "flag") == kExitResources);
        CHECK(err.str() == "sheetgen flag: out of memory (check ulimit -v and free memory); stopped\n");
    }
    SECTION("std::system_error (a refused thread) is a resource too") {
        CHECK(run_guarded([]() -> int { throw std::system_error(std::make_error_code(std::errc::resource_unavailable_try_again)); },
                          err, "render") == kExitResources);
        CHECK(err.str().rfind("sheetgen render: the system refused a resource (", 0) == 0);
    }
    SECTION("something that is not a std::exception") {
        CHECK(run_guarded([]() -> int { throw 42; }, err) == kExitInternal);
        CHECK(err.str() == "sheetgen: internal error: unknown exception (please report this; exit 70)\n");
    }
}

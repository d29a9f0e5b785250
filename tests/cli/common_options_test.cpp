// Options and environment variables shared by several commands
// (cli/common_options.hpp).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <optional>
#include <string>

#include "cli/common_options.hpp"

using namespace sheetgen::cli;

namespace {

// Sets (or, with nullopt, unsets) an environment variable for one scope and
// puts the old value back, so the other tests in this process see it unchanged.
class ScopedEnv {
public:
    ScopedEnv(const char* name, std::optional<std::string> value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        if (value) ::setenv(name, value->c_str(), 1);
        else ::unsetenv(name);
    }
    ~ScopedEnv() {
        if (old_) ::setenv(name_, old_->c_str(), 1);
        else ::unsetenv(name_);
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    const char* name_;
    std::optional<std::string> old_;
};

}  // namespace

TEST_CASE("leaflet_dir: $SHEETGEN_LEAFLET_DIR when set and not empty, else the default", "[cli][html]") {
    const std::string fallback = "/usr/share/javascript/leaflet";
    {
        ScopedEnv env("SHEETGEN_LEAFLET_DIR", std::nullopt);
        CHECK(leaflet_dir(fallback) == fallback);
    }
    {
        ScopedEnv env("SHEETGEN_LEAFLET_DIR", std::string());  // set but empty: as if unset
        CHECK(leaflet_dir(fallback) == fallback);
    }
    {
        ScopedEnv env("SHEETGEN_LEAFLET_DIR", std::string("/opt/leaflet-1.7"));
        CHECK(leaflet_dir(fallback) == "/opt/leaflet-1.7");
    }
}

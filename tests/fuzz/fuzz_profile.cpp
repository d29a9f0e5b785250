// libFuzzer: profile parsing. parse_profile reports every problem as a
// diagnostic, so ANY exception escaping it is a bug (the CLI would die).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "profile/parse.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    sheetgen::ProfileResult r = sheetgen::parse_profile(text, "fuzz.yaml");
    // Touch the result so a half-built profile would be read by ASan.
    if (r.ok() && r.profile) {
        volatile size_t n = r.profile->id.size() + r.profile->devices.size();
        (void)n;
    }
    for (const auto& d : r.diagnostics) {
        volatile size_t n = sheetgen::format_diagnostic(d).size();
        (void)n;
    }
    return 0;
}

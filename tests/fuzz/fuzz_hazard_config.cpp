// libFuzzer: the hazard config loader. InputError is the expected answer to
// bad input; anything else escaping (or a crash, leak, UB) is a finding.
#include <cstddef>
#include <cstdint>

#include "fuzz_input.hpp"
#include "hazard/config.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    sheetgen::fuzz::MemFile file(data, size);
    try {
        sheetgen::HazardConfig cfg = sheetgen::load_hazard_config(file.path());
        for (const auto& layer : cfg.layers) {
            volatile size_t n = layer.resolved_source.size() + layer.classes.size();
            (void)n;
        }
    } catch (const sheetgen::InputError& e) {
        // Every collected problem, so a half-built diagnostic would be read by ASan.
        volatile size_t n = sheetgen::format_location(e.where()).size();
        for (const auto& d : e.diagnostics()) n = n + sheetgen::format_diagnostic(d).size();
        (void)n;
    }
    return 0;
}

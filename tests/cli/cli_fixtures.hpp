#pragma once
// Shared fixtures for end-to-end tests of the sheetgen binary.
#include <filesystem>
#include <string>
#include <sys/stat.h>

#include "test_support.hpp"

namespace sheetgen::test {

// A small valid profile; `id` and `extra` (appended YAML) vary per test.
inline std::string minimal_profile(const std::string& id = "t-001", double lat = 35.6305, double lon = 139.4480) {
    return "schema: sheetgen/profile-v1\n"
           "id: " + id + "\n"
           "updated: 2026-04-01\n"
           "person:\n"
           "  name: 多摩 花子\n"
           "  kana: たま はなこ\n"
           "  birthdate: 2019-06-15\n"
           "  sex: female\n"
           "  care_needs: [suction]\n"
           "household:\n"
           "  address: 東京都多摩市永山1-1-1\n"
           "  location: {lat: " + std::to_string(lat) + ", lon: " + std::to_string(lon) + "}\n"
           "  building: {type: detached, storeys: 2}\n"
           "  living_floor: 1\n"
           "devices:\n"
           "  - kind: suction\n"
           "    hours_per_day: 2\n"
           "    watts: 30\n"
           "    internal_battery_h: 1\n"
           "consent:\n"
           "  share_with_supporters: true\n"
           "  date: 2026-04-01\n";
}

inline std::string sample_hazards() { return source_path("geodata/tama-sample.yaml"); }

inline std::string q(const std::string& s) { return "'" + s + "'"; }

// Copies of everything a run as another user reads (binary, templates, hazard
// config and GeoPackage, one profile) in a world-readable temp folder laid out
// like an install (bin/, share/sheetgen/), so the test works wherever the
// checkout lives (a checkout under /root is unreadable to `nobody`).
struct ReadableInputs {
    std::string bin, hazards, profile;
};

inline ReadableInputs stage_readable_inputs(const std::string& root) {
    namespace fs = std::filesystem;
    const auto copy = [](const std::string& from, const std::string& to) {
        fs::create_directories(fs::path(to).parent_path());
        fs::copy_file(from, to, fs::copy_options::overwrite_existing);
    };
    copy(sheetgen_under_test(), root + "/bin/sheetgen");
    for (const char* t : {"documents.yaml", "support-sheet.yaml", "ventilator-plan.yaml", "help-card.yaml", "emergency-kit.yaml",
                          "support-sheet-en.yaml"})
        copy(source_path(std::string("templates/") + t), root + "/share/sheetgen/templates/" + t);
    copy(sample_hazards(), root + "/geodata/tama-sample.yaml");
    copy(source_path("geodata/tama-sample.gpkg"), root + "/geodata/tama-sample.gpkg");
    copy(source_path("geodata/tama-sample-coverage.geojson"), root + "/geodata/tama-sample-coverage.geojson");
    copy(source_path("samples/tama-001.yaml"), root + "/tama-001.yaml");
    // Directories 0755, files 0644 (the binary 0755): readable, not writable, by others.
    for (const auto& e : fs::recursive_directory_iterator(root))
        ::chmod(e.path().c_str(), e.is_directory() ? 0755 : 0644);
    ::chmod(root.c_str(), 0755);
    ::chmod((root + "/bin/sheetgen").c_str(), 0755);
    return {root + "/bin/sheetgen", root + "/geodata/tama-sample.yaml", root + "/tama-001.yaml"};
}

}  // namespace sheetgen::test

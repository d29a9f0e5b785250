#pragma once
// Shared fixtures for end-to-end tests of the sheetgen binary.
#include <string>

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

}  // namespace sheetgen::test

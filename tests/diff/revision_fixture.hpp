#pragma once
// Tiny synthetic hazard-map revision (GeoJSON written into a TempDir): an old
// and a new config over the same five households along lat 35.605, each in
// its own 0.006-degree cell. Used by the diff tests and, end to end, by the
// render --changes tests (tests/cli).
//   h-enter  outside -> inside a zone        h-left   inside -> outside
//   h-same   inside, same depth (unchanged)  h-deeper depth rank 2 -> 4
//   h-cover  outside the old coverage, inside the new one
// Sites: S1 第一公園 loses its flood designation, S2 第二公園 is removed, S3
// 第三公園 is added.
#include <string>
#include <sys/stat.h>
#include <vector>

#include "report/flag_report.hpp"
#include "test_support.hpp"

namespace sheetgen::test::revision {

inline std::string box(double lon0, double lat0, double lon1, double lat1) {
    auto pt = [](double x, double y) { return "[" + format_fixed(x, 4) + "," + format_fixed(y, 4) + "]"; };
    return "{\"type\":\"Polygon\",\"coordinates\":[[" + pt(lon0, lat0) + "," + pt(lon1, lat0) + "," + pt(lon1, lat1) +
           "," + pt(lon0, lat1) + "," + pt(lon0, lat0) + "]]}";
}

// A 0.006-degree square around a household cell centre.
inline std::string cell(double lon, double lat) { return box(lon - 0.003, lat - 0.003, lon + 0.003, lat + 0.003); }

inline std::string collection(const std::vector<std::string>& features) {
    std::string s = "{\"type\":\"FeatureCollection\",\"features\":[";
    for (size_t i = 0; i < features.size(); ++i) s += (i ? "," : "") + features[i];
    return s + "]}";
}

inline std::string zone(double lon, double lat, int rank) {
    return "{\"type\":\"Feature\",\"properties\":{\"A31a_205\":" + std::to_string(rank) + "},\"geometry\":" +
           cell(lon, lat) + "}";
}

inline std::string site(const std::string& id, const std::string& name, double lon, double lat, int flood) {
    return "{\"type\":\"Feature\",\"properties\":{\"共通ID\":\"" + id + "\",\"施設・場所名\":\"" + name +
           "\",\"住所\":\"多摩市\",\"洪水\":" + std::to_string(flood) +
           ",\"崖崩れ、土石流及び地滑り\":0,\"地震\":1,\"内水氾濫\":0},\"geometry\":{\"type\":\"Point\","
           "\"coordinates\":[" + format_fixed(lon, 4) + "," + format_fixed(lat, 4) + "]}}";
}

inline std::string config(const std::string& name) {
    return "name: " + name + "\ncoverage: " + name + "-coverage.geojson\nlayers:\n"
           "  - name: depth\n    source: " + name + "-depth.geojson\n    kind: flood_depth\n"
           "    scenario: 想定最大規模\n    field: A31a_205\n    preset: a31a_depth\n"
           "  - name: sites\n    source: " + name + "-sites.geojson\n    kind: shelters\n";
}

// Households: one per cell along lat 35.605.
inline const double kLat = 35.605;
struct Home {
    const char* id;
    double lon;
};
inline const Home kHomes[] = {{"h-enter", 139.405}, {"h-left", 139.415}, {"h-same", 139.425},
                       {"h-deeper", 139.435}, {"h-cover", 139.475}};

inline void write_fixture(const TempDir& dir) {
    write_file(dir.file("old-coverage.geojson"),
               collection({"{\"type\":\"Feature\",\"properties\":{},\"geometry\":" + box(139.40, 35.60, 139.45, 35.65) + "}"}));
    write_file(dir.file("new-coverage.geojson"),
               collection({"{\"type\":\"Feature\",\"properties\":{},\"geometry\":" + box(139.40, 35.60, 139.50, 35.65) + "}"}));
    write_file(dir.file("old-depth.geojson"),
               collection({zone(139.415, kLat, 2), zone(139.425, kLat, 2), zone(139.435, kLat, 2)}));
    write_file(dir.file("new-depth.geojson"),
               collection({zone(139.405, kLat, 2), zone(139.425, kLat, 2), zone(139.435, kLat, 4)}));
    write_file(dir.file("old-sites.geojson"),
               collection({site("S1", "第一公園", 139.44, 35.64, 1), site("S2", "第二公園", 139.43, 35.64, 1)}));
    write_file(dir.file("new-sites.geojson"),
               collection({site("S1", "第一公園", 139.44, 35.64, 0), site("S3", "第三公園", 139.42, 35.64, 1)}));
    write_file(dir.file("old.yaml"), config("old"));
    write_file(dir.file("new.yaml"), config("new"));
    ::mkdir(dir.file("profiles").c_str(), 0700);
    const std::string sample = read_file(source_path("samples/tama-004.yaml"));
    for (const Home& h : kHomes) {
        std::string text = sample;
        text.replace(text.find("id: tama-004"), 12, std::string("id: ") + h.id);
        const std::string loc = "location: {lat: 35.6305, lon: 139.4480}";
        text.replace(text.find(loc), loc.size(),
                     "location: {lat: " + format_fixed(kLat, 4) + ", lon: " + format_fixed(h.lon, 4) + "}");
        write_file(dir.file(std::string("profiles/") + h.id + ".yaml"), text);
    }
}


// One more household of the fixture's kind at `lon` (on kLat) whose plan
// names `shelter` (a site id).
inline void write_home(const TempDir& dir, const std::string& id, double lon, const std::string& shelter) {
    std::string text = read_file(source_path("samples/tama-004.yaml"));
    text.replace(text.find("id: tama-004"), 12, "id: " + id);
    const std::string loc = "location: {lat: 35.6305, lon: 139.4480}";
    text.replace(text.find(loc), loc.size(), "location: {lat: " + format_fixed(kLat, 4) + ", lon: " + format_fixed(lon, 4) + "}");
    const std::string planned = "shelter: E1322400004201";
    text.replace(text.find(planned), planned.size(), "shelter: " + shelter);
    write_file(dir.file("profiles/" + id + ".yaml"), text);
}

}  // namespace sheetgen::test::revision

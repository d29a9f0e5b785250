#include <catch2/catch.hpp>

#include "profile/parse.hpp"

using namespace sheetgen;

namespace {
const char* kDraft = R"(schema: sheetgen/profile-v1
id: imp-1
updated: 2026-11-01
draft: true
person:
  name: "テスト　花子"
  birthdate: 2016-04-12
household:
  location: {lat: 35.649282, lon: 139.449025}
  location_source: {method: gazetteer, level: town, gazetteer: "tama_13224_towns.geojson", date: 2026-10-01}
consent:
  share_with_supporters: false
)";
}

TEST_CASE("draft and household.location_source are read, a draft validates with a warning", "[profile]") {
    ProfileResult r = parse_profile(kDraft, "d.yaml");
    REQUIRE(r.ok());
    CHECK(r.profile->draft);
    REQUIRE(r.profile->household.location_source);
    CHECK(r.profile->household.location_source->method == "gazetteer");
    CHECK(r.profile->household.location_source->level == "town");
    CHECK(r.profile->household.location_source->date->iso() == "2026-10-01");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].severity == Severity::Warning);
    CHECK(r.diagnostics[0].where.line == 4);
    CHECK(r.diagnostics[0].message.find("devices") != std::string::npos);
    CHECK(r.diagnostics[0].message.find("contacts (doctor)") != std::string::npos);
}

TEST_CASE("location_source: method required, level is block or town", "[profile]") {
    std::string bad = kDraft;
    bad.replace(bad.find("level: town"), 11, "level: street");
    CHECK_FALSE(parse_profile(bad, "d.yaml").ok());
    std::string no_method = kDraft;
    no_method.replace(no_method.find("method: gazetteer, "), 19, "");
    CHECK_FALSE(parse_profile(no_method, "d.yaml").ok());
}

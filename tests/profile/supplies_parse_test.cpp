// The optional `supplies` mapping (ventilator plan stock), parsed with the
// same validation as every other field.
#include <catch2/catch.hpp>

#include "profile/parse.hpp"

using namespace sheetgen;

namespace {

const std::string kBase =
    "schema: sheetgen/profile-v1\n"
    "id: stock-1\n"
    "updated: 2026-04-01\n"
    "person: {name: テスト, birthdate: 2018-05-01}\n"
    "household: {location: {lat: 35.65, lon: 139.44}}\n"
    "consent: {share_with_supporters: true}\n";

std::string messages(const ProfileResult& r) {
    std::string out;
    for (const auto& d : r.diagnostics) out += format_diagnostic(d) + "\n";
    return out;
}

}  // namespace

TEST_CASE("profile supplies: absent means unknown", "[profile][plan]") {
    ProfileResult r = parse_profile(kBase, "t.yaml");
    REQUIRE(r.profile);
    CHECK_FALSE(r.profile->supplies.suction_per_day);
    CHECK_FALSE(r.profile->supplies.suction_catheters);
    CHECK_FALSE(r.profile->supplies.spare_circuits);
    CHECK_FALSE(r.profile->supplies.medication_days);
    // An empty key is an absent section.
    ProfileResult e = parse_profile(kBase + "supplies:\n", "t.yaml");
    REQUIRE(e.profile);
    CHECK_FALSE(e.profile->supplies.suction_per_day);
}

TEST_CASE("profile supplies: values are read", "[profile][plan]") {
    ProfileResult r = parse_profile(kBase +
                                        "supplies:\n"
                                        "  suction_per_day: 40\n"
                                        "  suction_catheters: 300\n"
                                        "  spare_circuits: 2\n"
                                        "  medication_days: 0\n",
                                    "t.yaml");
    INFO(messages(r));
    REQUIRE(r.profile);
    CHECK(*r.profile->supplies.suction_per_day == 40);
    CHECK(*r.profile->supplies.suction_catheters == 300);
    CHECK(*r.profile->supplies.spare_circuits == 2);
    CHECK(*r.profile->supplies.medication_days == 0);
}

TEST_CASE("profile supplies: bad values give file:line:column", "[profile][plan]") {
    ProfileResult r = parse_profile(kBase +
                                        "supplies:\n"
                                        "  suction_per_day: 1.5\n"
                                        "  spare_circuits: 101\n"
                                        "  medication_days: \"7\"\n"
                                        "  suction_catheter: 3\n",
                                    "t.yaml");
    CHECK_FALSE(r.profile);
    std::string m = messages(r);
    CHECK_THAT(m, Catch::Contains("t.yaml:8:20: supplies.suction_per_day must be a whole number, got '1.5'"));
    CHECK_THAT(m, Catch::Contains("t.yaml:9:19: supplies.spare_circuits must be a whole number from 0 to 100, got '101'"));
    CHECK_THAT(m, Catch::Contains("t.yaml:10:20: supplies.medication_days must be a whole number, got quoted text"));
    CHECK_THAT(m, Catch::Contains("t.yaml:11:3: unknown key 'suction_catheter' in supplies (did you mean 'suction_catheters'?)"));
    // A list where the mapping belongs.
    ProfileResult l = parse_profile(kBase + "supplies: [1, 2]\n", "t.yaml");
    CHECK_FALSE(l.profile);
    CHECK_THAT(messages(l), Catch::Contains("t.yaml:7:11: supplies must be a mapping"));
}

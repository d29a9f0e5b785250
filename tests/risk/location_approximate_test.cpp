#include <catch2/catch.hpp>

#include "profile/parse.hpp"
#include "risk/verdict.hpp"
#include "test_support.hpp"

using namespace sheetgen;

namespace {
Profile sample_with(const std::optional<LocationSource>& src) {
    ProfileResult r = load_profile_file(test::source_path("samples/tama-005.yaml"));
    REQUIRE(r.ok());
    Profile p = *r.profile;
    p.household.location_source = src;
    return p;
}
bool has_reason(const Verdict& v, const std::string& code, std::string* ja = nullptr) {
    for (const auto& r : v.reasons)
        if (r.code == code) {
            if (ja) *ja = r.ja;
            return true;
        }
    return false;
}
}  // namespace

TEST_CASE("a location from the address: radius by level, reason location_approximate", "[risk]") {
    RiskOptions opt;
    opt.as_of = Date{2026, 8, 1};
    CHECK_FALSE(location_uncertainty_m(sample_with(std::nullopt), opt));
    CHECK_FALSE(location_uncertainty_m(sample_with(LocationSource{"ledger", "", "", {}}), opt));
    CHECK_FALSE(location_uncertainty_m(sample_with(LocationSource{"survey", "", "", {}}), opt));
    CHECK(location_uncertainty_m(sample_with(LocationSource{"gazetteer", "town", "g", {}}), opt) == 500.0);
    CHECK(location_uncertainty_m(sample_with(LocationSource{"gazetteer", "block", "g", {}}), opt) == 50.0);
    opt.approx_radius_town_m = 300;  // configurable
    CHECK(location_uncertainty_m(sample_with(LocationSource{"gazetteer", "town", "g", {}}), opt) == 300.0);

    Exposure e;
    std::string ja;
    CHECK(has_reason(assess(sample_with(LocationSource{"gazetteer", "town", "g", {}}), e, {}, opt), "location_approximate", &ja));
    CHECK(ja == "住所から町丁目の代表点で位置を推定：現地で確認してください");
    CHECK_FALSE(has_reason(assess(sample_with(std::nullopt), e, {}, opt), "location_approximate"));
    CHECK_FALSE(has_reason(assess(sample_with(LocationSource{"ledger", "", "", {}}), e, {}, opt), "location_approximate"));
}

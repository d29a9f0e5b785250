#include <catch2/catch.hpp>

#include <sstream>
#include <sys/stat.h>

#include "cli/cli_fixtures.hpp"
#include "commands/review_lib.hpp"

using namespace sheetgen;
using namespace sheetgen::commands;
using sheetgen::test::TempDir;

TEST_CASE("review_profiles: the upkeep list, most urgent first, written 0600", "[commands][review]") {
    TempDir dir;
    std::string old = test::minimal_profile("old-1");
    old.replace(old.find("updated: 2026-04-01"), 19, "updated: 2025-01-10");
    std::string refused = test::minimal_profile("no-1");
    refused.replace(refused.find("share_with_supporters: true"), 27, "share_with_supporters: false");
    test::write_file(dir.file("a.yaml"), old);
    test::write_file(dir.file("b.yaml"), refused);
    test::write_file(dir.file("c.yaml"), test::minimal_profile("fine-1"));
    ReviewOptions o;
    o.profile_paths = {dir.path()};
    o.out_csv = dir.file("out/review.csv");
    o.policy.as_of = Date{2026, 11, 28};
    std::ostringstream out, err;
    const ReviewResult r = review_profiles(o, Streams{out, err, false});
    CHECK(r.profiles == 3);
    CHECK(r.households_listed == 2);
    CHECK(r.per_code.at("consent_missing") == 1);
    CHECK(r.per_code.at("review_overdue") == 1);
    const std::string csv = test::read_file(o.out_csv);
    const auto consent = csv.find("no-1,"), overdue = csv.find("old-1,");
    REQUIRE(consent != std::string::npos);
    REQUIRE(overdue != std::string::npos);
    CHECK(consent < overdue);  // consent_missing sorts first
    CHECK(csv.find("fine-1") == std::string::npos);
    CHECK(csv.find("2026-01-10,-322") != std::string::npos);  // due date and days overdue
    struct stat st {};
    REQUIRE(::stat(o.out_csv.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    o.out_csv = dir.file("a.yaml");  // an output over an input
    CHECK_THROWS_AS(review_profiles(o, Streams{out, err, false}), UsageError);
}

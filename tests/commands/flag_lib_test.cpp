#include <catch2/catch.hpp>

#include <sstream>
#include <sys/stat.h>

#include "cli/cli_fixtures.hpp"
#include "commands/flag_lib.hpp"
#include "common/error.hpp"

using namespace sheetgen;
using namespace sheetgen::commands;
using sheetgen::test::TempDir;

namespace {
FlagOptions sample_options(const TempDir& dir) {
    FlagOptions o;
    o.hazards_config = test::sample_hazards();
    o.profile_paths = {test::source_path("samples")};
    o.out_csv = dir.file("at-risk.csv");
    o.as_of = Date{2026, 11, 28};
    o.run.jobs = 2;
    return o;
}
}  // namespace

TEST_CASE("flag_households: called as a library, lists every sample household and writes the CSV 0600",
          "[commands][flag]") {
    TempDir dir;
    std::ostringstream out, err;
    FlagOptions o = sample_options(dir);
    o.geojson = dir.file("at-risk.geojson");
    const FlagResult r = flag_households(o, Streams{out, err, false});
    CHECK(r.counts.total() == 12);
    CHECK(r.skipped == 0);
    CHECK(r.profile_files == 12);
    CHECK_FALSE(r.interrupted);
    CHECK(out.str().empty());  // the library reports results, it prints no summary
    const std::string csv = test::read_file(o.out_csv);
    CHECK(csv.rfind("\xEF\xBB\xBF", 0) == 0);
    CHECK(csv.find("tama-012") != std::string::npos);
    struct stat st {};
    REQUIRE(::stat(o.out_csv.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(test::file_exists(*o.geojson));
}

TEST_CASE("flag_households: typed errors, nothing written", "[commands][flag]") {
    TempDir dir;
    std::ostringstream out, err;
    Streams io{out, err, false};
    FlagOptions o = sample_options(dir);
    SECTION("an output that is an input is refused before any work") {
        o.out_csv = test::source_path("samples/tama-001.yaml");
        CHECK_THROWS_AS(flag_households(o, io), UsageError);
    }
    SECTION("a missing hazard config is an InputError naming the file") {
        o.hazards_config = dir.file("missing.yaml");
        CHECK_THROWS_AS(flag_households(o, io), InputError);
        CHECK_FALSE(test::file_exists(o.out_csv));
    }
    SECTION("options for the page without the page") {
        o.html_map.no_names = true;
        CHECK_THROWS_WITH(flag_households(o, io), Catch::Contains("go with --html"));
    }
}

TEST_CASE("flag_households: an invalid profile is reported on err, skipped, the rest listed", "[commands][flag]") {
    TempDir dir;
    test::write_file(dir.file("good.yaml"), test::minimal_profile("good-1"));
    test::write_file(dir.file("bad.yaml"), "schema: sheetgen/profile-v1\nid: bad-1\n");
    std::ostringstream out, err;
    FlagOptions o = sample_options(dir);
    o.profile_paths = {dir.file("good.yaml"), dir.file("bad.yaml")};
    o.out_csv = dir.file("out/list.csv");
    const FlagResult r = flag_households(o, Streams{out, err, false});
    CHECK(r.counts.total() == 1);
    CHECK(r.skipped == 1);
    CHECK_THAT(err.str(), Catch::Contains(dir.file("bad.yaml") + ":"));
    CHECK(test::read_file(o.out_csv).find("good-1") != std::string::npos);
}

TEST_CASE("flag_households: an interrupt before the end writes no list", "[commands][flag]") {
    TempDir dir;
    std::ostringstream out, err;
    std::atomic<bool> stop{true};
    FlagOptions o = sample_options(dir);
    o.run.interrupted = &stop;
    const FlagResult r = flag_households(o, Streams{out, err, false});
    CHECK(r.interrupted);
    CHECK_FALSE(test::file_exists(o.out_csv));
}

#include <catch2/catch.hpp>

#include <sstream>

#include "cli/cli_fixtures.hpp"
#include "commands/validate_lib.hpp"

using namespace sheetgen;
using namespace sheetgen::commands;
using sheetgen::test::TempDir;

TEST_CASE("validate_profiles: counts valid, invalid, duplicates and unusable paths", "[commands][validate]") {
    TempDir dir;
    test::write_file(dir.file("a.yaml"), test::minimal_profile("dup-1"));
    test::write_file(dir.file("b.yaml"), test::minimal_profile("DUP-1"));
    test::write_file(dir.file("c.yaml"), "schema: sheetgen/profile-v1\nid: c\n");
    std::ostringstream out, err;
    const ValidateResult r =
        validate_profiles(ValidateOptions{{dir.path(), dir.file("missing")}}, Streams{out, err, false});
    CHECK(r.files == 3);
    CHECK(r.valid == 1);
    CHECK(r.invalid == 2);
    CHECK(r.unusable_paths == 1);
    CHECK_FALSE(r.all_valid());
    CHECK_THAT(out.str(), Catch::Contains(dir.file("b.yaml") + ":") && Catch::Contains(dir.file("c.yaml") + ":"));
    CHECK(err.str().empty());  // the summary is the front end's
}

TEST_CASE("validate_profiles: the samples are all valid, no path is a usage error", "[commands][validate]") {
    std::ostringstream out, err;
    const ValidateResult r =
        validate_profiles(ValidateOptions{{test::source_path("samples")}}, Streams{out, err, false});
    CHECK(r.files == 12);
    CHECK(r.all_valid());
    CHECK_THROWS_AS(validate_profiles(ValidateOptions{}, Streams{out, err, false}), UsageError);
}

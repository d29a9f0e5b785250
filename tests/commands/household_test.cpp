#include <catch2/catch.hpp>

#include <sstream>

#include "cli/cli_fixtures.hpp"
#include "commands/household.hpp"
#include "hazard/config.hpp"
#include "hazard/hazard_set.hpp"

using namespace sheetgen;
using namespace sheetgen::commands;
using sheetgen::test::TempDir;

namespace {
HazardSet sample_hazard_set() { return HazardSet::load(load_hazard_config(test::sample_hazards()), nullptr); }
}  // namespace

TEST_CASE("evaluate_household: one pipeline, parse -> expose -> assess, same verdict as calling each step",
          "[commands][household]") {
    const HazardSet hazards = sample_hazard_set();
    RiskOptions risk;
    risk.as_of = Date{2026, 11, 28};
    PipelineCpu cpu;
    EvaluatedHousehold h = evaluate_household(test::source_path("samples/tama-001.yaml"), hazards, risk, &cpu);
    REQUIRE(h.ok());
    CHECK(h.profile().id == "tama-001");
    const Verdict direct = assess(h.profile(), hazards.expose(h.profile().household.location), hazards.shelters(), risk);
    CHECK(h.verdict().level == direct.level);
    CHECK(h.verdict().action == direct.action);
    CHECK(h.assessed->exposure.in_flood_zone == hazards.expose(h.profile().household.location).in_flood_zone);
    CHECK(cpu.parse_ns > 0);
    CHECK(cpu.assess_ns > 0);
}

TEST_CASE("evaluate_household: an invalid profile comes back unassessed with its located problems",
          "[commands][household]") {
    const HazardSet hazards = sample_hazard_set();
    TempDir dir;
    test::write_file(dir.file("bad.yaml"), "schema: sheetgen/profile-v1\nid: x\nperson: 3\n");
    EvaluatedHousehold h = evaluate_household(dir.file("bad.yaml"), hazards, RiskOptions{});
    CHECK_FALSE(h.ok());
    REQUIRE_FALSE(h.parsed.diagnostics.empty());
    CHECK(h.parsed.diagnostics.front().where.file == dir.file("bad.yaml"));
    CHECK(h.parsed.diagnostics.front().where.line > 0);
}

TEST_CASE("Admission: prints diagnostics, admits each id once (case-insensitive), counts the rest",
          "[commands][household]") {
    std::ostringstream err;
    Admission admission(err);
    admission.skip(1);
    CHECK(admission.admit({}, true, "tama-001", SourceLocation{"a.yaml", 2, 5}));
    CHECK_FALSE(admission.admit({}, true, "TAMA-001", SourceLocation{"b.yaml", 2, 5}));
    CHECK_FALSE(admission.admit({Diagnostic{SourceLocation{"c.yaml", 3, 1}, "broken"}}, false, "", {}));
    CHECK(admission.skipped() == 3);
    CHECK_THAT(err.str(), Catch::Contains("b.yaml:2:5") && Catch::Contains("a.yaml") &&
                              Catch::Contains("(household skipped)") && Catch::Contains("c.yaml:3:1: broken"));
}

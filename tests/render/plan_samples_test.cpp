// The shipped ventilator-plan template on every sample ventilator user:
// parse, overlay, assess, render, read back with poppler.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <regex>

#include "hazard/hazard_set.hpp"
#include "profile/parse.hpp"
#include "render/fixtures.hpp"
#include "render/renderer.hpp"
#include "risk/power.hpp"
#include "risk/verdict.hpp"

using namespace sheetgen;
using namespace sheetgen::test;

namespace {


// pdftotext splits table cells and lines with spaces and newlines.
std::string without_spaces(const std::string& s) {
    std::string out;
    for (char c : s)
        if (c != ' ' && c != '\n' && c != '\f' && c != '\r') out += c;
    return out;
}

const HazardSet& sample_hazards() {
    static const HazardSet h = HazardSet::load_file(source_path("geodata/tama-sample.yaml"));
    return h;
}

}  // namespace

TEST_CASE("ventilator plan: every sample ventilator user renders", "[render][plan]") {
    const Renderer plan = Renderer::load(font_path(), source_path("templates/ventilator-plan.yaml"));
    const HazardSet& hazards = sample_hazards();
    for (const char* id : {"tama-001", "tama-002", "tama-005", "tama-008", "tama-012"}) {
        DYNAMIC_SECTION(id) {
            ProfileResult parsed = load_profile_file(source_path(std::string("samples/") + id + ".yaml"));
            REQUIRE(parsed.profile);
            const Profile& p = *parsed.profile;
            REQUIRE(p.uses_ventilator());
            Exposure e = hazards.expose(p.household.location);
            RiskOptions risk;
            risk.as_of = p.updated;
            Verdict v = assess(p, e, hazards.shelters(), risk);
            REQUIRE(v.power_hours);
            MapRequest req = plan.map_request(p, v);
            MapExtract map = hazards.extract_map(req.centre, req.half_width_m, req.half_height_m, req.resolution_m);
            RenderOptions opts;
            opts.document_date = p.updated;
            RenderedDocument doc = plan.render({SheetInput{&p, &v, &map}}, opts);
            CHECK(doc.page_count >= 2);
            CHECK(doc.warnings.empty());

            TempDir dir;
            write_file(dir.file("plan.pdf"), doc.pdf);
            std::string text = without_spaces(capture("pdftotext -enc UTF-8 '" + dir.file("plan.pdf") + "' - 2>/dev/null"));
            CHECK(text.find(without_spaces(p.person.name)) != std::string::npos);
            CHECK(text.find("人工呼吸器") != std::string::npos);
            CHECK(text.find("停電時の稼働時間") != std::string::npos);
            // The household runtime, as the chart and the battery section print it.
            std::string hours = format_hours(*v.power_hours) + "時間";
            INFO("runtime " << hours);
            CHECK(text.find("電源が尽きる" + hours) != std::string::npos);
            CHECK(text.find("停電時に動かせる時間" + hours) != std::string::npos);
            CHECK(text.find("警戒レベル3") != std::string::npos);
            bool suction = std::find(p.person.care_needs.begin(), p.person.care_needs.end(), CareNeed::Suction) !=
                           p.person.care_needs.end();
            bool catheters = text.find("吸引カテーテル") != std::string::npos;
            CHECK(catheters == suction);
            CHECK(text.find("見直し予定日") != std::string::npos);
            // Same inputs, same bytes.
            CHECK(plan.render({SheetInput{&p, &v, &map}}, opts).pdf == doc.pdf);
        }
    }
}

TEST_CASE("ventilator plan: the chart follows the profile's backup", "[render][plan]") {
    const Renderer plan = Renderer::load(font_path(), source_path("templates/ventilator-plan.yaml"));
    ProfileResult parsed = load_profile_file(source_path("samples/tama-001.yaml"));
    REQUIRE(parsed.profile);
    Profile p = *parsed.profile;
    Exposure e = sample_hazards().expose(p.household.location);
    RiskOptions risk;
    risk.as_of = p.updated;
    auto text_of = [&](const Profile& prof) {
        Verdict v = assess(prof, e, sample_hazards().shelters(), risk);
        RenderOptions opts;
        opts.document_date = prof.updated;
        TempDir dir;
        write_file(dir.file("p.pdf"), plan.render({SheetInput{&prof, &v, nullptr}}, opts).pdf);
        return without_spaces(capture("pdftotext -enc UTF-8 '" + dir.file("p.pdf") + "' - 2>/dev/null"));
    };
    std::string with_station = text_of(p);
    CHECK(with_station.find("ポータブル電源500Wh") != std::string::npos);
    p.power_backup.clear();
    std::string without = text_of(p);
    CHECK(without.find("ポータブル電源500Wh") == std::string::npos);
    CHECK(without.find("電源が尽きる16時間") != std::string::npos);
}

TEST_CASE("ventilator plan: the CLI writes plans only for ventilator users", "[render][plan]") {
    if (!file_exists(SHEETGEN_BINARY)) SHEETGEN_SKIP("sheetgen binary not built (build the `sheetgen` target)");
    TempDir dir;
    RunResult r = run_sheetgen("render -q --hazards " + source_path("geodata/tama-sample.yaml") + " " +
                               source_path("samples") + " --out " + dir.file("out"));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    for (const char* id : {"tama-001", "tama-002", "tama-005", "tama-008", "tama-012"})
        CHECK(file_exists(dir.file("out/") + id + "-ventilator-plan.pdf"));
    for (const char* id : {"tama-003", "tama-004", "tama-006", "tama-007", "tama-009", "tama-010", "tama-011"}) {
        CHECK(file_exists(dir.file("out/") + id + ".pdf"));
        CHECK_FALSE(file_exists(dir.file("out/") + id + "-ventilator-plan.pdf"));
    }
}

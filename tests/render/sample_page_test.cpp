// Not run by default ([.sample]): renders samples/tama-001.yaml over the
// synthetic Tama hazard sample through the real parser, overlay and rules, to
// look at the page (docs/support-sheet-sample.png is made from its output).
#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "hazard/hazard_set.hpp"
#include "profile/parse.hpp"
#include "render/renderer.hpp"

using namespace sheetgen;

TEST_CASE("render: sample page from samples/ over geodata/tama-sample", "[render][.sample]") {
    Renderer r = Renderer::load(test::font_path(), test::template_path());
    HazardSet hz = HazardSet::load_file(test::source_path("geodata/tama-sample.yaml"));
    for (const char* name : {"tama-001", "tama-002"}) {
        ProfileResult pr = load_profile_file(test::source_path(std::string("samples/") + name + ".yaml"));
        REQUIRE(pr.ok());
        const Profile& p = *pr.profile;
        RiskOptions ro;
        ro.as_of = Date{2026, 4, 10};
        Verdict v = assess(p, hz.expose(p.household.location), hz.shelters(), ro);
        MapRequest req = r.map_request(p, v);
        MapExtract m = hz.extract_map(req.centre, req.half_width_m, req.half_height_m, req.resolution_m);
        RenderOptions o;
        o.document_date = Date{2026, 4, 10};
        RenderedDocument doc = r.render({SheetInput{&p, &v, &m}}, o);
        CHECK(doc.warnings.empty());
        test::write_file(std::string("/tmp/sample-") + name + ".pdf", doc.pdf);
        WARN(name << ": " << doc.page_count << " page(s), " << doc.pdf.size() << " bytes, map "
                  << m.polygons.size() << " polygons, " << m.shelters.size() << " shelters, half "
                  << req.half_width_m << " x " << req.half_height_m << " m");
    }
}

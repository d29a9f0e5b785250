// The `flag --html` page writer: self-contained (no external reference of
// any kind), deterministic, names left out on request, PDF links relative.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "report/flag_report.hpp"
#include "report/html_map.hpp"
#include "report/html_refs.hpp"
#include "test_support.hpp"

using namespace sheetgen;

namespace {

Profile household(const std::string& id = "tama-201") {
    Profile p;
    p.id = id;
    p.person.name = "多摩 <b>太郎</b>";
    p.household.district = "関戸";
    p.household.location = {35.6305, 139.4480};
    Device d;
    d.kind = DeviceKind::Ventilator;
    p.devices.push_back(d);
    p.devices.push_back(d);  // listed once
    return p;
}

Verdict verdict() {
    Verdict v;
    v.level = Priority::B;
    v.action = FloodAction::StayHomePowerPlan;
    v.power_hours = 6.0;
    v.reasons.push_back({"blackout_runtime_short", "停電時の電源が6時間", "6 h of power", {}});
    return v;
}

// Leaflet-like assets with everything the real files hold that must not reach the page.
LeafletAssets fake_leaflet() {
    return {inline_leaflet_js("var L={};var a='<a href=\"https://leafletjs.com\" title=\"x\">Leaflet</a>';\n"
                              "var s='</script>';\n//# sourceMappingURL=leaflet.js.map\n"),
            inline_leaflet_css(".leaflet-default-icon-path{background-image:url(images/marker-icon.png);}\n"
                               ".lvml{behavior:url(#default#VML);}\n/*# sourceMappingURL=leaflet.css.map */\n")};
}

MapPolygon flood_box() {
    MapPolygon z;
    z.kind = ZoneKind::FloodDepth;
    z.depth = DepthRange{0.5, 3.0};
    z.rings.push_back({{{139.40, 35.60}, {139.41, 35.60}, {139.41, 35.61}, {139.40, 35.60}}});
    return z;
}

std::string page(const HtmlMapOptions& o, const LeafletAssets& leaflet) {
    Shelter s;
    s.type = ShelterType::WelfareShelter;
    s.name = "福祉センター";
    s.location = {35.62, 139.45};
    HtmlSentences sentences;
    std::string html = html_map_head(leaflet, {flood_box()}, {s}, o);
    html += sentences.close(html_household_record(household(), verdict(), o));
    html += ",\n" + sentences.close(html_household_record(household("tama-202"), verdict(), o));
    html += html_map_tail(o, sentences);
    return html;
}

}  // namespace

TEST_CASE("inlined Leaflet keeps no url(), source map or external link", "[report][html]") {
    const LeafletAssets a = fake_leaflet();
    CHECK(a.css.find("url(") == std::string::npos);
    CHECK(a.css.find("sourceMappingURL") == std::string::npos);
    CHECK(a.css.find("background-image:none") != std::string::npos);
    CHECK(a.js.find("leafletjs.com") == std::string::npos);
    CHECK(a.js.find("sourceMappingURL") == std::string::npos);
    CHECK(a.js.find("</script") == std::string::npos);
}

TEST_CASE("the page has no external reference, with the fake and the real Leaflet", "[report][html]") {
    HtmlMapOptions o;
    o.as_of = "2026-05-01";
    const std::string html = page(o, fake_leaflet());
    CHECK(test::external_refs(html).empty());
    // The checker itself finds what it must.
    CHECK(test::external_refs("<img src=\"https://x.example/a.png\">").size() == 2);
    CHECK(test::external_refs("<link href='//cdn.example/l.css'>").size() == 1);
    CHECK(test::external_refs("a{background:url( \"http://x/y.png\")}").size() == 2);
    CHECK(test::external_refs("<a href=\"tama-001.pdf\">").empty());
    CHECK(test::external_refs("<img src=\"data:image/png;base64,AAAA\">").empty());

    if (!test::file_exists(std::string(kLeafletDir) + "/leaflet.css"))
        SHEETGEN_SKIP("libjs-leaflet not installed (scripts/install-deps.sh installs it)");
    const std::string real = page(o, load_leaflet_assets());
    INFO(real.size());
    const auto bad = test::external_refs(real);
    for (const auto& b : bad) UNSCOPED_INFO(b);
    CHECK(bad.empty());
    CHECK(real.find("leaflet") != std::string::npos);
    CHECK(real.find("L.map(") != std::string::npos);
}

TEST_CASE("the page is deterministic and marked 取扱注意", "[report][html]") {
    HtmlMapOptions o;
    o.as_of = "2026-05-01";
    o.hazards_name = "多摩市（サンプル）";
    const std::string a = page(o, fake_leaflet()), b = page(o, fake_leaflet());
    CHECK(a == b);
    CHECK(a.find("取扱注意") != std::string::npos);
    CHECK(a.find("<html lang=\"ja\">") != std::string::npos);
    // The zone carries the GSI colour of 0.5-3 m from the shared table, Leaflet order [lat, lon].
    CHECK(a.find("{\"k\":\"f\",\"c\":2,\"col\":\"#FFD8C0\",\"r\":[[[35.60000,139.40000],") != std::string::npos);
    CHECK(a.find("\"welfare_shelter\"") != std::string::npos);
    CHECK(a.find("preferCanvas") != std::string::npos);
}

TEST_CASE("household record: the flag properties, location, devices, markup escaped", "[report][html]") {
    HtmlMapOptions o;
    HtmlSentences sentences;
    const std::string r = sentences.close(html_household_record(household(), verdict(), o));
    // Same properties and order as the GeoJSON (household_properties), then the page's own fields.
    std::string expect_start = "{\"id\":\"tama-201\",\"name\":\"多摩 \\u003cb\\u003e太郎\\u003c/b\\u003e\",\"district\":\"関戸\",\"level\":\"B\",\"action\":\"stay_home_power_plan\",";
    CHECK(r.substr(0, expect_start.size()) == expect_start);
    CHECK(r.find("\"power_hours\":6.0") != std::string::npos);
    CHECK(r.find("\"reason_codes\":\"blackout_runtime_short\"") != std::string::npos);
    CHECK(r.find("\"lat\":35.630500,\"lon\":139.448000,\"devices\":[\"ventilator\"],\"approximate\":false,") !=
          std::string::npos);
    // The sentences by number: each stored once in the page, in order of first
    // appearance: reasons, then the action and when to set out (ja, en).
    CHECK(r.substr(r.size() - 41) == ",\"rj\":[0],\"re\":[1],\"al\":[2,3],\"sl\":[4,4]}");
    // A location found from the address is marked approximate (drawn dotted).
    Profile approx = household();
    approx.household.location_source = LocationSource{"gazetteer", "town", "towns.geojson", {}};
    CHECK(sentences.close(html_household_record(approx, verdict(), o)).find("\"approximate\":true") != std::string::npos);
    CHECK(sentences.close(html_household_record(household("tama-202"), verdict(), o))
              .find("\"rj\":[0],\"re\":[1],\"al\":[2,3],\"sl\":[4,4]}") != std::string::npos);
    CHECK(sentences.json() == "[\n\"停電時の電源が6時間\",\n\"6 h of power\",\n\"自宅で過ごし停電に備える\",\n"
                              "\"Stay home and prepare for blackouts\",\n\"\"\n]");
    CHECK(r.find("<") == std::string::npos);  // nothing can close the <script> block
    // Every property but the joined sentences (which come through the table).
    size_t props = 0;
    for (const auto& p : household_properties(household(), verdict()))
        props += r.find(std::string("\"") + p.name + "\":") != std::string::npos;
    CHECK(props == household_properties(household(), verdict()).size() - 2);
    CHECK(r.find("\"reasons\":") == std::string::npos);
}

TEST_CASE("no-names option: no name anywhere in the page", "[report][html]") {
    HtmlMapOptions o;
    o.no_names = true;
    const std::string html = page(o, fake_leaflet());
    CHECK(html.find("太郎") == std::string::npos);
    CHECK(html.find("\"name\":") == std::string::npos);
    CHECK(html.find("\"no_names\":true") != std::string::npos);
    CHECK(html.find("tama-201") != std::string::npos);
}

TEST_CASE("PDF links: relative, only for files that exist, percent-encoded", "[report][html]") {
    test::TempDir dir;
    std::filesystem::create_directories(dir.file("sheets"));
    test::write_file(dir.file("sheets/tama-001.pdf"), "%PDF");
    test::write_file(dir.file("sheets/tama-001-ventilator-plan.pdf"), "%PDF");
    test::write_file(dir.file("sheets/多摩-1.pdf"), "%PDF");
    CHECK(relative_href_prefix(dir.file("at-risk.html"), dir.file("sheets")) == "sheets/");
    CHECK(relative_href_prefix(dir.file("out/map/at-risk.html"), dir.file("sheets")) == "../../sheets/");
    CHECK(relative_href_prefix(dir.file("sheets/at-risk.html"), dir.file("sheets")) == "");
    HtmlPdfLinks both = find_pdf_links(dir.file("sheets"), "sheets/", "tama-001");
    CHECK(both.sheet == "sheets/tama-001.pdf");
    CHECK(both.plan == "sheets/tama-001-ventilator-plan.pdf");
    HtmlPdfLinks none = find_pdf_links(dir.file("sheets"), "sheets/", "tama-002");
    CHECK(none.sheet.empty());
    CHECK(none.plan.empty());
    CHECK(find_pdf_links(dir.file("sheets"), "", "多摩-1").sheet == "%E5%A4%9A%E6%91%A9-1.pdf");
    CHECK(find_pdf_links(dir.file("sheets"), "", "../sheets/tama-001").sheet.empty());
    const std::string r = html_household_record(household("tama-001"), verdict(), {}, both).json;
    CHECK(r.find(",\"pdf\":\"sheets/tama-001.pdf\",\"plan_pdf\":\"sheets/tama-001-ventilator-plan.pdf\"") !=
          std::string::npos);
}

TEST_CASE("missing Leaflet is an input error naming the package", "[report][html]") {
    test::TempDir dir;
    try {
        load_leaflet_assets(dir.path());
        FAIL("expected an InputError");
    } catch (const InputError& e) {
        CHECK(std::string(e.what()).find("libjs-leaflet") != std::string::npos);
        CHECK(std::string(e.what()).find(dir.path()) != std::string::npos);
    }
}

TEST_CASE("household record: the action and start wording come from the verdict's labels (tsunami: at once)",
          "[report][html][kinds]") {
    Verdict v = verdict();
    v.action = FloodAction::LeaveEarly;
    v.leave_immediately = true;
    v.start_alert_level = 3;
    const HtmlRecord r = html_household_record(household(), v, HtmlMapOptions{});
    CHECK(r.action_ja == action_label_ja(v));
    CHECK(r.action_ja == "津波警報でただちに立退き避難（洪水等は警戒レベル3で）");
    CHECK(r.action_en == "Leave immediately on a tsunami warning (floods etc.: at Alert Level 3)");
    CHECK(r.start_ja == "津波警報でただちに／警戒レベル3");
    CHECK(r.start_en == "immediately on a tsunami warning / Alert Level 3");
    HtmlSentences sentences;
    const std::string closed = sentences.close(r);
    CHECK(closed.find(",\"al\":[2,3],\"sl\":[4,5]}") != std::string::npos);
    CHECK(sentences.json().find("\"津波警報でただちに立退き避難（洪水等は警戒レベル3で）\"") != std::string::npos);
    // Without a tsunami zone: the action's plain label.
    v.leave_immediately = false;
    const HtmlRecord plain = html_household_record(household(), v, HtmlMapOptions{});
    CHECK(plain.action_ja == "警戒レベル3で立退き避難");
    CHECK(plain.action_en == "Leave at Alert Level 3 (Evacuate elderly etc.)");
    CHECK(plain.start_ja == "警戒レベル3");
}

TEST_CASE("the page names the storm-surge and tsunami kinds from the kind table and marks their zones",
          "[report][html][kinds]") {
    HtmlMapOptions o;
    MapPolygon tsunami = flood_box();
    tsunami.layer_kind = LayerKind::Tsunami;
    const std::string html = html_map_head(fake_leaflet(), {flood_box(), tsunami}, {}, o);
    // Every outlined kind's labels and colour go to the page's config; the legend lists those drawn.
    CHECK(html.find("\"kinds\":{\"storm_surge\":{\"ja\":\"高潮浸水想定区域\",\"en\":\"storm-surge inundation zone\"")
          != std::string::npos);
    CHECK(html.find("\"tsunami\":{\"ja\":\"津波浸水想定\",\"en\":\"tsunami inundation zone\",\"col\":\"" +
                    std::string("#00796B") + "\"}") != std::string::npos);
    CHECK(html.find("{\"k\":\"f\",\"c\":2,\"col\":\"#FFD8C0\",\"kd\":\"tsunami\",\"r\":") != std::string::npos);
    CHECK(html.find("\"kd\":\"flood_depth\"") == std::string::npos);  // river floods as before
}

// The `flag --html` page writer: self-contained (no external reference of
// any kind), deterministic, names left out on request, PDF links relative.
#include <catch2/catch.hpp>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "report/flag_report.hpp"
#include "report/html_map.hpp"
#include "report/html_page_data.hpp"
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
    // A row of values; the field list names them: the GeoJSON's properties in
    // its order (household_properties), then the page's own fields.
    const std::vector<std::string> geojson_names = [] {
        std::vector<std::string> n;
        for (const auto& p : household_properties(household(), verdict()))
            if (std::string(p.name) != "reasons" && std::string(p.name) != "reasons_en") n.push_back(p.name);
        return n;
    }();
    const YAML::Node fields = test::load_json(sentences.fields_json());
    REQUIRE(fields["names"].size() == geojson_names.size() + 13);
    for (size_t i = 0; i < geojson_names.size(); ++i) CHECK(fields["names"][i].as<std::string>() == geojson_names[i]);
    const char* own[] = {"lat", "lon", "devices", "approximate", "rj", "re", "al", "sl", "pdf", "plan_pdf", "cc", "cj", "ce"};
    for (size_t i = 0; i < 13; ++i) CHECK(fields["names"][geojson_names.size() + i].as<std::string>() == own[i]);
    // The row starts with the text values' sentence numbers (id, name, district, level, action).
    CHECK(r.substr(0, 11) == "[0,1,2,3,4,");
    // Read back as the page reads it.
    const test::HtmlHousehold h = test::html_row(r, sentences.fields_json(), sentences.json());
    CHECK(test::text_of(h, "id") == "tama-201");
    CHECK(test::text_of(h, "name") == "多摩 <b>太郎</b>");
    CHECK(test::text_of(h, "district") == "関戸");
    CHECK(test::text_of(h, "level") == "B");
    CHECK(test::text_of(h, "action") == "stay_home_power_plan");
    CHECK(test::text_of(h, "power_hours") == "6.0");
    CHECK(test::text_of(h, "reason_codes") == "blackout_runtime_short");
    CHECK(test::text_of(h, "lat") == "35.630500");
    CHECK(test::text_of(h, "lon") == "139.448000");
    REQUIRE(h.at("devices").size() == 1);
    CHECK(h.at("devices")[0].as<std::string>() == "ventilator");
    CHECK(test::text_of(h, "approximate") == "false");
    CHECK(h.at("rj")[0].as<std::string>() == "停電時の電源が6時間");
    CHECK(h.at("re")[0].as<std::string>() == "6 h of power");
    CHECK(h.at("al")[1].as<std::string>() == "Stay home and prepare for blackouts");
    // No PDF links and no changes: the trailing nulls are left out of the row.
    CHECK(h.at("pdf").IsNull());
    CHECK(h.at("cc").IsNull());
    CHECK(r.find("null]") == std::string::npos);
    CHECK(r.find("<") == std::string::npos);  // nothing can close the <script> block
    // A location found from the address is marked approximate (drawn dotted).
    Profile approx = household();
    approx.household.location_source = LocationSource{"gazetteer", "town", "towns.geojson", {}};
    const std::string ra = sentences.close(html_household_record(approx, verdict(), o));
    CHECK(test::text_of(test::html_row(ra, sentences.fields_json(), sentences.json()), "approximate") == "true");
    // Each sentence and text value is stored once, in order of first appearance.
    const std::string r2 = sentences.close(html_household_record(household("tama-202"), verdict(), o));
    const std::vector<std::string> table = test::sentence_table(sentences.json());
    CHECK(table == std::vector<std::string>{"tama-201", "多摩 <b>太郎</b>", "関戸", "B", "stay_home_power_plan", "",
                                            "not_planned", "blackout_runtime_short", "停電時の電源が6時間", "6 h of power",
                                            "自宅で過ごし停電に備える", "Stay home and prepare for blackouts", "tama-202"});
    CHECK(r2.substr(0, 5) == "[12,1");
    // Markup and non-ASCII are escaped in the table: nothing can end the script early.
    CHECK(sentences.json().find("\"\\u591a\\u6469 \\u003cb\\u003e\\u592a\\u90ce\\u003c/b\\u003e\"") != std::string::npos);
    CHECK(sentences.json().find('<') == std::string::npos);
}

TEST_CASE("a record whose fields differ from the first one's is refused (one field list per page)", "[report][html]") {
    HtmlSentences sentences;
    sentences.close(html_household_record(household(), verdict(), {}));
    HtmlMapOptions no_names;
    no_names.no_names = true;
    CHECK_THROWS_AS(sentences.close(html_household_record(household("tama-202"), verdict(), no_names)), std::logic_error);
}

TEST_CASE("page JSON strings are ASCII: u-escapes for non-ASCII, surrogate pairs above U+FFFF, markup escaped",
          "[report][html]") {
    CHECK(html_json_string("関戸") == "\"\\u95a2\\u6238\"");
    CHECK(html_json_string("𠮷田") == "\"\\ud842\\udfb7\\u7530\"");  // 𠮷 (U+20BB7) is common in names
    CHECK(html_json_string("a<b>&\"c\"\n") == "\"a\\u003cb\\u003e\\u0026\\\"c\\\"\\n\"");
    CHECK(html_json_string("\x7f") == "\"\\u007f\"");
    // And they read back as they were.
    CHECK(test::load_json("[" + html_json_string("𠮷田 <b>") + "]")[0].as<std::string>() == "𠮷田 <b>");
}

TEST_CASE("no-names option: no name anywhere in the page", "[report][html]") {
    HtmlMapOptions o;
    o.no_names = true;
    const std::string html = page(o, fake_leaflet());
    const test::HtmlPageData data = test::html_page_data(html);
    REQUIRE(data.households.size() == 2);
    CHECK(test::text_of(data.households[0], "id") == "tama-201");
    CHECK(data.households[0].count("name") == 0);
    for (const std::string& s : data.sentences) CHECK(s.find("太郎") == std::string::npos);
    CHECK(html.find("太郎") == std::string::npos);
    CHECK(html.find("\"name\"") == std::string::npos);
    CHECK(html.find("\"no_names\":true") != std::string::npos);
    // The same page with names holds the name: the check above can fail.
    const test::HtmlPageData named = test::html_page_data(page(HtmlMapOptions{}, fake_leaflet()));
    CHECK(test::text_of(named.households[0], "name") == "多摩 <b>太郎</b>");
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
    HtmlSentences sentences;
    const std::string r = sentences.close(html_household_record(household("tama-001"), verdict(), {}, both));
    const test::HtmlHousehold h = test::html_row(r, sentences.fields_json(), sentences.json());
    CHECK(test::text_of(h, "pdf") == "sheets/tama-001.pdf");
    CHECK(test::text_of(h, "plan_pdf") == "sheets/tama-001-ventilator-plan.pdf");
    // The links are in the row itself (unique to a household), not the sentence table.
    CHECK(r.find("\"sheets/tama-001.pdf\",\"sheets/tama-001-ventilator-plan.pdf\"]") != std::string::npos);
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
    const std::string row = sentences.close(r);  // before the field list and table are read
    const test::HtmlHousehold h = test::html_row(row, sentences.fields_json(), sentences.json());
    CHECK(h.at("al")[0].as<std::string>() == "津波警報でただちに立退き避難（洪水等は警戒レベル3で）");
    CHECK(h.at("al")[1].as<std::string>() == r.action_en);
    CHECK(h.at("sl")[0].as<std::string>() == r.start_ja);
    CHECK(h.at("sl")[1].as<std::string>() == r.start_en);
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
    const YAML::Node kinds = test::load_json(test::script_text(html, "config"))["kinds"];
    CHECK(kinds["storm_surge"]["ja"].as<std::string>() == "高潮浸水想定区域");
    CHECK(kinds["storm_surge"]["en"].as<std::string>() == "storm-surge inundation zone");
    CHECK(kinds["tsunami"]["ja"].as<std::string>() == "津波浸水想定");
    CHECK(kinds["tsunami"]["en"].as<std::string>() == "tsunami inundation zone");
    CHECK(kinds["tsunami"]["col"].as<std::string>() == "#00796B");
    CHECK(html.find("{\"k\":\"f\",\"c\":2,\"col\":\"#FFD8C0\",\"kd\":\"tsunami\",\"r\":") != std::string::npos);
    CHECK(html.find("\"kd\":\"flood_depth\"") == std::string::npos);  // river floods as before
}

TEST_CASE("the page credits the data it draws: the drawn zones' layers, then the shelters', each once",
          "[report][html]") {
    MapPolygon a = flood_box(), again = flood_box(), duration = flood_box(), plain = flood_box();
    a.attribution = again.attribution = "「国土数値情報（洪水浸水想定区域データ）（国土交通省）を加工して作成」";
    duration.kind = ZoneKind::FloodDuration;  // not drawn on the page: its credit is not printed
    duration.attribution = "duration data";
    HtmlMapOptions o;
    o.shelter_attributions = {"「指定緊急避難場所データ」（国土地理院）", a.attribution};
    const YAML::Node config = test::load_json(test::script_text(html_map_head(fake_leaflet(), {a, duration, again, plain}, {}, o), "config"));
    REQUIRE(config["credits"].size() == 2);
    CHECK(config["credits"][0].as<std::string>() == a.attribution);
    CHECK(config["credits"][1].as<std::string>() == "「指定緊急避難場所データ」（国土地理院）");
    // Without any attribution: an empty list, and the page shows no 出典 heading.
    const YAML::Node none = test::load_json(test::script_text(html_map_head(fake_leaflet(), {plain}, {}, {}), "config"));
    CHECK(none["credits"].size() == 0);
}

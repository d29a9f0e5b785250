// The `changes` section (「前回からの変更」): printed from the lines it is
// given, nothing at all without them, and a withdrawn planned site is named
// nowhere on the document.
#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "render/renderer.hpp"
#include "render/template.hpp"

using namespace sheetgen;
using namespace sheetgen::test;

namespace {

RenderOptions opts() {
    RenderOptions o;
    o.document_date = Date{2026, 4, 10};
    return o;
}

std::string text_of(const std::string& pdf, const TempDir& dir) {
    write_file(dir.file("x.pdf"), pdf);
    int st = 0;
    std::string text = capture("pdftotext -enc UTF-8 '" + dir.file("x.pdf") + "' - 2>/dev/null", &st);
    REQUIRE(st == 0);
    std::string out;  // without the spaces and line breaks pdftotext puts between cells
    for (char c : text)
        if (c != ' ' && c != '\n' && c != '\f') out += c;
    return out;
}

// `from` with the lines of its `changes` section (title and kind) removed.
std::string without_changes_section(const std::string& from) {
    std::string t = read_file(from);
    const size_t kind = t.find("    kind: changes\n");
    REQUIRE(kind != std::string::npos);
    const size_t title = t.rfind("  - title:", kind);
    t.erase(title, kind + std::string("    kind: changes\n").size() - title);
    REQUIRE(t.find("kind: changes") == std::string::npos);
    return t;
}

const ChangeBox kBox{{"浸水想定区域に新たに入りました", "想定される浸水の深さが深くなりました"}, false};

}  // namespace

TEST_CASE("changes box: printed on the sheet and the plan, under its title", "[render]") {
    TempDir dir;
    Profile p = sample_profile();
    Verdict v = sample_verdict();
    for (const char* t : {"templates/support-sheet.yaml", "templates/ventilator-plan.yaml"}) {
        INFO(t);
        const Renderer r = Renderer::load(font_path(), source_path(t));
        const std::string with = text_of(r.render({SheetInput{&p, &v, nullptr, &kBox}}, opts()).pdf, dir);
        CHECK(with.find("前回からの変更（ハザードマップ改訂）・浸水想定区域に新たに入りました・想定される浸水の深さが深くなりました") !=
              std::string::npos);
        const std::string without = text_of(r.render({SheetInput{&p, &v, nullptr}}, opts()).pdf, dir);
        CHECK(without.find("前回からの変更") == std::string::npos);
    }
}

TEST_CASE("changes box: no changes print nothing, byte for byte, and a template without the section prints no box",
          "[render]") {
    TempDir dir;
    Profile p = sample_profile();
    Verdict v = sample_verdict();
    for (const char* t : {"templates/support-sheet.yaml", "templates/ventilator-plan.yaml"}) {
        INFO(t);
        write_file(dir.file("plain.yaml"), without_changes_section(source_path(t)));
        const Renderer shipped = Renderer::load(font_path(), source_path(t));
        const Renderer plain = Renderer::load(font_path(), dir.file("plain.yaml"));
        const std::string before = plain.render({SheetInput{&p, &v, nullptr}}, opts()).pdf;
        const ChangeBox empty;
        CHECK(shipped.render({SheetInput{&p, &v, nullptr}}, opts()).pdf == before);
        CHECK(shipped.render({SheetInput{&p, &v, nullptr, &empty}}, opts()).pdf == before);
        const std::string no_section = text_of(plain.render({SheetInput{&p, &v, nullptr, &kBox}}, opts()).pdf, dir);
        CHECK(no_section.find("浸水想定区域に新たに入りました") == std::string::npos);
    }
}

TEST_CASE("changes box: the section takes no keys of its own", "[render][template]") {
    const render::FieldSchema schema = render::build_field_schema();
    CHECK_NOTHROW(render::parse_template("title: T\nsections:\n  - title: 変更\n    kind: changes\n", "t.yaml", schema));
    CHECK_THROWS_WITH(
        render::parse_template("title: T\nsections:\n  - kind: changes\n    path: person.name\n", "t.yaml", schema),
        Catch::Contains("t.yaml:4:"));
}

TEST_CASE("changes box: a withdrawn planned site is named nowhere, the accepted places still are", "[render]") {
    TempDir dir;
    Profile p = sample_profile();
    Verdict v = sample_verdict();
    // Today's verdict refuses the planned site (no flood designation), and it
    // lies near the home, inside the map's frame.
    Shelter& planned = *v.planned_shelter;
    planned.flood = false;
    planned.location = LatLon{35.6545, 139.4452};
    v.planned_shelter_status = ShelterStatus::NotForFlood;
    v.destinations.clear();
    v.reasons.push_back({"shelter_not_for_flood", "計画の避難場所「" + planned.name + "」（直線距離 約190m）は洪水の指定がありません",
                         "not for floods", {}});
    Destination stay;  // the accepted place to stay
    stay.role = DestinationRole::Stay;
    stay.kind_ja = "福祉避難所";
    stay.id = "W01";
    stay.name = "多摩市総合福祉センター";
    stay.location = LatLon{35.6480, 139.4420};
    v.destinations.push_back(stay);
    std::vector<Shelter> shelters = {planned};
    const Renderer r = Renderer::load(font_path(), template_path());
    const MapRequest req = r.map_request(p, v);
    const MapExtract map = sample_map(shelters, req.centre, req.half_width_m, req.half_height_m);

    // Without the box the sheet names the planned site, as it always has
    // (planned row, reason, map label): what the withdrawal must remove.
    const std::string named = text_of(r.render({SheetInput{&p, &v, &map}}, opts()).pdf, dir);
    REQUIRE(named.find(planned.name) != std::string::npos);
    REQUIRE(named.find("（計画・使わない）") != std::string::npos);

    const ChangeBox box{{"予定していた避難先は使えなくなりました。この計画の避難先をご確認ください"}, true};
    const std::string sheet = text_of(r.render({SheetInput{&p, &v, &map, &box}}, opts()).pdf, dir);
    CHECK(sheet.find(planned.name) == std::string::npos);
    CHECK(sheet.find("（計画・使わない）") == std::string::npos);
    CHECK(sheet.find("予定していた避難先は使えなくなりました。この計画の避難先をご確認ください") != std::string::npos);
    CHECK(sheet.find("計画の避難場所前回の計画の避難先は使えなくなりました") != std::string::npos);
    CHECK(sheet.find("計画の避難場所（直線距離約190m）は洪水の指定がありません") != std::string::npos);  // the reason, unnamed
    CHECK(sheet.find("多摩市総合福祉センター") != std::string::npos);  // today's accepted destination
}

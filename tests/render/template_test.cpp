#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "render/fields.hpp"
#include "render/template.hpp"

using namespace sheetgen;
using namespace sheetgen::render;

namespace {

const FieldSchema& schema() {
    static const FieldSchema s = build_field_schema();
    return s;
}

InputError load_error(const std::string& yaml) {
    try {
        parse_template(yaml, "t.yaml", schema());
    } catch (const InputError& e) {
        return e;
    }
    FAIL("no error for:\n" << yaml);
    throw;
}

}  // namespace

TEST_CASE("template: the shipped support sheet loads", "[template]") {
    Template t = load_template(test::template_path(), schema());
    CHECK(t.title.find("支援") != std::string::npos);
    CHECK(t.sections.size() >= 10);
    bool map = false;
    for (const auto& s : t.sections) map = map || s.kind == "map";
    CHECK(map);
}

TEST_CASE("template: unknown field path names line, column and a suggestion", "[template]") {
    auto e = load_error("title: T\nsections:\n  - title: 本人\n    kind: fields\n    fields:\n      - {label: 氏名, path: person.nmae}\n");
    CHECK(e.where().file == "t.yaml");
    CHECK(e.where().line == 6);
    CHECK(e.where().column == 27);  // characters, not bytes
    CHECK(e.message().find("person.nmae") != std::string::npos);
    CHECK(e.message().find("did you mean 'person.name'") != std::string::npos);
}

TEST_CASE("template: unknown table column and rows", "[template]") {
    auto e = load_error("title: T\nsections:\n  - kind: table\n    rows: devices\n    columns:\n      - {label: 機種, path: modle}\n");
    CHECK(e.where().line == 6);
    CHECK(e.message().find("did you mean 'model'") != std::string::npos);
    auto e2 = load_error("title: T\nsections:\n  - kind: table\n    rows: device\n    columns:\n      - {label: 機種, path: model}\n");
    CHECK(e2.where().line == 4);
    CHECK(e2.message().find("did you mean 'devices'") != std::string::npos);
    // devices[].model is accepted as well as model.
    CHECK_NOTHROW(parse_template("title: T\nsections:\n  - kind: table\n    rows: devices\n    columns:\n      - {label: 機種, path: \"devices[].model\"}\n",
                                 "t.yaml", schema()));
}

TEST_CASE("template: where filters need known columns and values", "[template]") {
    auto e = load_error("title: T\nsections:\n  - kind: table\n    rows: contacts\n    where: {role: [docter]}\n    columns:\n      - {label: 氏名, path: name}\n");
    CHECK(e.where().line == 5);
    CHECK(e.message().find("did you mean 'doctor'") != std::string::npos);
}

TEST_CASE("template: unknown keys and kinds are errors with their line", "[template]") {
    auto e = load_error("title: T\nsections:\n  - title: 本人\n    kind: fields\n    colums: 2\n    fields:\n      - {label: 氏名, path: person.name}\n");
    CHECK(e.where().line == 5);
    CHECK(e.message().find("unknown key 'colums'") != std::string::npos);
    CHECK(e.message().find("did you mean 'columns'") != std::string::npos);
    auto top = load_error("title: T\ntitel: U\nsections: []\n");
    CHECK(top.where().line == 2);
    auto kind = load_error("title: T\nsections:\n  - kind: feilds\n    fields: []\n");
    CHECK(kind.where().line == 3);
    CHECK(kind.message().find("did you mean 'fields'") != std::string::npos);
    auto dup = load_error("title: T\ntitle: U\nsections:\n  - kind: verdict\n");
    CHECK(dup.message().find("duplicate") != std::string::npos);
}

TEST_CASE("template: formats are checked against the value type", "[template]") {
    auto e = load_error("title: T\nsections:\n  - kind: fields\n    fields:\n      - {label: 氏名, path: person.name, format: date_ja}\n");
    CHECK(e.where().line == 5);
    CHECK(e.message().find("does not apply") != std::string::npos);
    auto u = load_error("title: T\nsections:\n  - kind: fields\n    fields:\n      - {label: 生年月日, path: person.birthdate, format: date_jp}\n");
    CHECK(u.message().find("did you mean 'date_ja'") != std::string::npos);
    auto c = load_error("title: T\nsections:\n  - kind: checklist\n    items:\n      - {label: 氏名, path: person.name}\n");
    CHECK(c.message().find("yes/no") != std::string::npos);
}

TEST_CASE("template: bad YAML and bad files", "[template]") {
    auto e = load_error("title: T\nsections:\n  - kind: [fields\n");
    CHECK(e.where().line >= 3);
    CHECK(e.message().find("YAML") != std::string::npos);
    auto empty = load_error("");
    CHECK(empty.message().find("empty") != std::string::npos);
    auto sjis = load_error(std::string("title: \x93\xfa\x96\x7b\nsections: []\n"));
    CHECK(sjis.where().line == 1);
    CHECK(sjis.message().find("UTF-8") != std::string::npos);
    std::string deep = "title: T\nsections: " + std::string(5000, '[') + std::string(5000, ']') + "\n";
    CHECK_THROWS_AS(parse_template(deep, "t.yaml", schema()), InputError);
    CHECK_THROWS_AS(load_template("/nonexistent/t.yaml", schema()), InputError);
}

TEST_CASE("template: labels the font cannot draw are rejected at load", "[template]") {
    auto no_astral = [](char32_t c) { return c < 0x10000; };
    CHECK_THROWS_WITH(parse_template("title: \xF0\xA0\xAE\xB7\nsections:\n  - kind: verdict\n", "t.yaml", schema(), no_astral),
                      Catch::Contains("U+20BB7"));
}

TEST_CASE("fields: computed values and formats", "[template]") {
    Profile p = test::sample_profile();
    Verdict v = test::sample_verdict();
    FieldModel m = build_field_model(p, v, Date{2026, 4, 30});
    Date d{2026, 4, 30};
    CHECK(format_value(m.scalars.at("person.age"), "age", d) == "7歳");
    CHECK(format_value(m.scalars.at("person.birthdate"), "date_ja_age", d) == "2018年5月1日（7歳）");
    CHECK(format_value(build_field_model(p, v, Date{2026, 5, 1}).scalars.at("person.age"), "age", d) == "8歳");
    CHECK(format_value(m.scalars.at("verdict.planned_shelter_distance"), "distance", d) == "850m");
    CHECK(format_value(m.scalars.at("power.hours"), "hours", d) == "14時間");
    CHECK(format_value(m.scalars.at("person.weight_kg"), "kg", d) == "18.5kg");
    CHECK(format_value(m.scalars.at("consent.share_with_supporters"), "", d) == "はい");
    CHECK(format_value(m.scalars.at("person.care.ventilator"), "ari_nashi", d) == "あり");
    CHECK(format_value(m.scalars.at("person.care.oxygen"), "ari_nashi", d) == "なし");
    CHECK(format_value(m.scalars.at("exposure.depth"), "", d) == v.exposure.depth->label_ja());
    CHECK(format_value(m.scalars.at("verdict.reasons"), "lines", d).find("・人工呼吸器") == 0);
    CHECK(format_value(m.scalars.at("profile.review_date"), "date_iso", d) == "2027-04-01");
    CHECK(m.tables.at("devices").size() == 3);
    CHECK(format_value(m.tables.at("devices")[0].at("external_batteries"), "", d) == "2個×6時間");
    CHECK(m.tables.at("contacts")[0].at("role").key == "doctor");
    // The schema knows every path the model fills, and nothing else.
    FieldSchema s = schema();
    for (const auto& [k, val] : m.scalars) CHECK(s.scalars.count(k) == 1);
    CHECK(s.scalars.size() == m.scalars.size());
}

TEST_CASE("fields: every schema path is documented in docs/template-format.md", "[template]") {
    std::string doc = test::read_file(test::source_path("docs/template-format.md"));
    for (const auto& [path, info] : schema().scalars) {
        INFO(path);
        CHECK(doc.find("`" + path + "`") != std::string::npos);
    }
    for (const auto& [table, cols] : schema().tables) {
        INFO(table);
        CHECK(doc.find("`" + table + "`") != std::string::npos);
        for (const auto& [col, info] : cols) {
            INFO(table << "." << col);
            CHECK(doc.find("`" + col + "`") != std::string::npos);
        }
    }
    for (const auto& f : known_formats()) {
        INFO(f);
        CHECK(doc.find("`" + f + "`") != std::string::npos);
    }
}

TEST_CASE("template: every mistake is reported at once, in character columns", "[template][schema]") {
    // Byte columns would be 75 and 53: the Japanese labels before them are 3 bytes a character.
    const std::string text = "title: 個別避難計画\n"
                             "sections:\n"
                             "  - {kind: fields, title: 本人の情報, fields: [{label: 氏名, path: person.nmae}]}\n"
                             "  - kind: tabel\n"
                             "  - {kind: text, title: 備考, path: person.notes, fromat: lines}\n";
    auto e = load_error(text);
    REQUIRE(e.diagnostics().size() == 3);
    const std::string what = e.what();
    CHECK_THAT(what, Catch::StartsWith("t.yaml:3:61: unknown field path 'person.nmae' (did you mean 'person.name'?)\n"
                                       "t.yaml:4:11: unknown section kind 'tabel' (did you mean 'table'?); allowed: "));
    CHECK_THAT(what, Catch::EndsWith("\nt.yaml:5:49: unknown key 'fromat' in a 'text' section (did you mean 'format'?)"));
    CHECK(e.where().line == 3);
    CHECK(e.where().column == 61);
}

TEST_CASE("template: label_path takes a field's label from a text field, checked at load", "[template]") {
    const std::string head = "title: T\nsections:\n  - title: 行動\n    kind: fields\n    fields:\n";
    Template t = parse_template(head + "      - {label: 大雨のときの行動, label_path: verdict.action_heading, path: verdict.action}\n",
                                "t.yaml", schema());
    REQUIRE(t.sections.size() == 1);
    CHECK(t.sections[0].fields[0].label_path == "verdict.action_heading");
    CHECK(t.sections[0].fields[0].label == "大雨のときの行動");
    // Unknown: located, with a suggestion.
    auto e = load_error(head + "      - {label: x, label_path: verdict.action_headin, path: verdict.action}\n");
    CHECK(e.where().line == 6);
    CHECK(e.message().find("did you mean 'verdict.action_heading'") != std::string::npos);
    // Not text: a number cannot be a heading.
    auto n = load_error(head + "      - {label: x, label_path: verdict.outage_hours, path: verdict.action}\n");
    CHECK(n.message().find("label_path needs a text field") != std::string::npos);
    // A table column keeps its label.
    auto c = load_error("title: T\nsections:\n  - kind: table\n    rows: devices\n    columns:\n"
                        "      - {label: 機種, label_path: verdict.action_heading, path: model}\n");
    CHECK(c.message().find("label_path is for fields") != std::string::npos);
}

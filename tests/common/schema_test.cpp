// The one schema checker (common/schema.hpp) and the YAML reading every input
// reader shares (common/yaml_document.hpp): every problem is collected, at
// file:line:column with the column in characters, with did-you-mean.
#include <catch2/catch.hpp>

#include "common/enum_table.hpp"
#include "common/error.hpp"
#include "common/schema.hpp"
#include "common/yaml_document.hpp"

using namespace sheetgen;

namespace {

enum class Colour { Red, Green };
constexpr EnumName<Colour> kColourNames[] = {{"red", Colour::Red, "赤"}, {"green", Colour::Green, "緑"}};

YamlTree tree_of(const std::string& text, const std::string& what = "test file") {
    YamlReadOptions o;
    o.what = what;
    o.max_depth = 8;
    return read_yaml_document(text, "t.yaml", o);
}

std::vector<std::string> formatted(const std::vector<Diagnostic>& d) {
    std::vector<std::string> out;
    for (const auto& x : d) out.push_back(format_diagnostic(x));
    return out;
}

}  // namespace

TEST_CASE("schema checker collects every problem of a mapping, in character columns", "[common][schema]") {
    YamlTree t = tree_of("名前: x\nsize: 大きい\ncolour: gren\nname: 山田 太郎\ncount: 1.5\n");
    REQUIRE(t.root);
    std::vector<Diagnostic> out;
    SchemaChecker c("t.yaml", out, Echo::Public);
    SchemaChecker::Map m = c.map(&*t.root, "the file", {"name", "size", "colour", "count"});
    c.number(m.get("size"), "size", 0, 10);
    c.enumeration(m.get("colour"), "colour", EnumTable<Colour>(kColourNames));
    c.integer(m.get("count"), "count", 0, 10);
    CHECK(c.text(m.get("name"), "name") == "山田 太郎");
    sort_diagnostics(out);
    CHECK(formatted(out) == std::vector<std::string>{
                                "t.yaml:1:1: unknown key '名前' in the file; allowed keys: name, size, colour, count",
                                "t.yaml:2:7: size must be a number, got text",
                                "t.yaml:3:9: unknown colour 'gren' (did you mean 'green'?); allowed: red, green",
                                "t.yaml:5:8: count must be a whole number, got '1.5'"});
}

TEST_CASE("schema checker counts columns in characters after Japanese text", "[common][schema]") {
    // "{名前: 山田, 色: bleu}": 'bleu' is at character 15, byte 25.
    YamlTree t = tree_of("- {名前: 山田, 色: bleu}\n");
    REQUIRE(t.root);
    std::vector<Diagnostic> out;
    SchemaChecker c("t.yaml", out, Echo::Public);
    c.each_map(&*t.root, "items", {"名前", "色"}, true, [&](const YNode&, const std::string&, const SchemaChecker::Map& m) {
        c.enumeration(m.get("色"), "colour", EnumTable<Colour>(kColourNames));
    });
    REQUIRE(out.size() == 1);
    CHECK(format_diagnostic(out[0]) == "t.yaml:1:15: unknown colour 'bleu'; allowed: red, green");
}

TEST_CASE("schema checker repeats personal values only as short ASCII tokens", "[common][schema]") {
    YamlTree t = tree_of("a: 山田 太郎\nb: sucton\n");
    REQUIRE(t.root);
    std::vector<Diagnostic> personal, pub;
    for (auto* out : {&personal, &pub}) {
        SchemaChecker c("t.yaml", *out, out == &personal ? Echo::Personal : Echo::Public);
        SchemaChecker::Map m = c.map(&*t.root, "x", {"a", "b"});
        c.enumeration(m.get("a"), "colour", EnumTable<Colour>(kColourNames));
        c.enumeration(m.get("b"), "colour", EnumTable<Colour>(kColourNames));
    }
    REQUIRE(personal.size() == 2);
    CHECK(personal[0].message ==
          "unknown colour a value that is not repeated here (it may be personal data); allowed: red, green");
    CHECK(personal[1].message == "unknown colour 'sucton'; allowed: red, green");
    REQUIRE(pub.size() == 2);
    CHECK(pub[0].message == "unknown colour '山田 太郎'; allowed: red, green");
}

TEST_CASE("schema checker: required keys, empty list items, wrong node kinds", "[common][schema]") {
    YamlTree t = tree_of("list:\n  - null\n  - {a: 1}\n  - [x]\nflag: maybe\n");
    REQUIRE(t.root);
    std::vector<Diagnostic> out;
    SchemaChecker c("t.yaml", out);
    SchemaChecker::Map m = c.map(&*t.root, "top", {"list", "flag", "need"});
    c.require(m, "need", *t.root);
    c.boolean(m.get("flag"), "flag");
    int seen = 0;
    c.each_map(m.get("list"), "list", {"a"}, true, [&](const YNode&, const std::string& where, const SchemaChecker::Map&) {
        CHECK(where == "list[2]");
        ++seen;
    });
    CHECK(seen == 1);
    sort_diagnostics(out);
    CHECK(formatted(out) == std::vector<std::string>{"t.yaml:1:1: missing required key 'need' in top",
                                                     "t.yaml:2:5: list[1] is empty",
                                                     "t.yaml:4:5: list[3] must be a mapping (key: value lines), got a list",
                                                     "t.yaml:5:7: flag must be true or false, got 'maybe'"});
}

TEST_CASE("YAML documents: encoding, nesting, syntax hints and duplicate keys", "[common][schema]") {
    CHECK(tree_of("\xEF\xBB\xBF" "a: 1\n").problems.empty());  // a BOM is dropped
    auto sjis = tree_of("a: \x93\xfa\x96\x7b\n", "hazard config");
    REQUIRE(sjis.problems.size() == 1);
    CHECK_THAT(sjis.problems[0].message, Catch::Contains("Shift_JIS"));
    auto nul = tree_of(std::string("a: 名\0\n", 8), "template");
    REQUIRE(nul.problems.size() == 1);
    CHECK(format_diagnostic(nul.problems[0]) == "t.yaml:1:5: the file contains NUL bytes (binary data?): a template is YAML text");
    auto deep = tree_of("a: " + std::string(20, '[') + std::string(20, ']') + "\n", "template");
    REQUIRE(deep.problems.size() == 1);
    CHECK(format_diagnostic(deep.problems[0]) ==
          "t.yaml:1:12: nesting too deep (more than 8 levels of [ ] or { }): a template needs only a few levels");
    auto tab = tree_of("a:\n\tb: 1\n");
    REQUIRE(tab.problems.size() == 1);
    CHECK_THAT(format_diagnostic(tab.problems[0]), Catch::StartsWith("t.yaml:2:1: tab character used for indentation"));
    auto dup = tree_of("名: 1\nb: 2\n名: 3\n");
    REQUIRE(dup.problems.size() == 1);
    CHECK_THAT(format_diagnostic(dup.problems[0]), Catch::StartsWith("t.yaml:3:1: duplicate key"));
    auto anchors = tree_of("a: &x 1\nb: *x\n", "hazard config");
    REQUIRE(anchors.problems.size() == 2);
    CHECK_THAT(anchors.problems[0].message, Catch::Contains("not allowed in a hazard config"));
}

TEST_CASE("InputError with several problems lists each on its own line", "[common][schema]") {
    InputError e({Diagnostic{{"c.yaml", 2, 3}, "first"}, Diagnostic{{"c.yaml", 5, 1}, "second"},
                  Diagnostic{{"c.yaml", 0, 0}, "third"}});
    CHECK(std::string(e.what()) == "c.yaml:2:3: first\nc.yaml:5:1: second\nc.yaml: third");
    CHECK(e.where().line == 2);
    CHECK(e.message() == "first\nc.yaml:5:1: second\nc.yaml: third");
    CHECK(e.diagnostics().size() == 3);
    InputError one({"c.yaml", 1, 1}, "only");
    CHECK(std::string(one.what()) == "c.yaml:1:1: only");
    REQUIRE(one.diagnostics().size() == 1);
    CHECK(one.diagnostics()[0].message == "only");
}

TEST_CASE("enum tables give name, label and parse from one entry", "[common][enum]") {
    const EnumTable<Colour> t(kColourNames);
    CHECK(std::string(t.name(Colour::Green)) == "green");
    CHECK(std::string(t.label(Colour::Red)) == "赤");
    CHECK(t.parse("red") == Colour::Red);
    CHECK_FALSE(t.parse("Red"));
    CHECK(t.names() == std::vector<std::string>{"red", "green"});
}

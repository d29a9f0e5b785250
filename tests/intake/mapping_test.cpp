#include <catch2/catch.hpp>

#include <sstream>

#include "common/error.hpp"
#include "intake/import_lib.hpp"
#include "intake/mapping.hpp"
#include "profile/parse.hpp"
#include "test_support.hpp"

using namespace sheetgen;
using namespace sheetgen::intake;

TEST_CASE("default mapping: the usual 名簿 headers, full-width or spaced", "[intake]") {
    ColumnPlan p = plan_columns(Mapping{}, {"ＩＤ", "氏 名", "フリガナ", "生年月日", "性別", "住所", "電話番号", "緯度",
                                            "経度", "階", "情報提供の同意", "避難支援等を必要とする事由", "緊急連絡先",
                                            "避難支援者", "備考"});
    for (Field f : all_fields()) {
        INFO(to_string(f));
        CHECK(p.column.count(f) == 1);
    }
    CHECK(p.column.at(Field::Id) == 0);
    CHECK(p.column.at(Field::Floor) == 9);
    CHECK(p.unmapped == std::vector<std::string>{"備考"});
    // 管理番号 is preferred over 番号 when both exist.
    ColumnPlan q = plan_columns(Mapping{}, {"番号", "管理番号", "氏名"});
    CHECK(q.column.at(Field::Id) == 1);
}

TEST_CASE("mapping file: renamed columns, fixed values, codes, id prefix", "[intake]") {
    test::TempDir dir;
    test::write_file(dir.file("map.yaml"),
                     "columns:\n  整理No: id\n  要支援者氏名: name\n  現住所: address\n"
                     "fixed:\n  consent: 有\ncodes:\n  sex: {\"1\": 男, \"2\": 女}\nid_prefix: t-\n");
    test::write_file(dir.file("l.csv"),
                     "整理No,要支援者氏名,生年月日,性別,現住所,緯度,経度,同意\n"
                     "0012,架空　花子,H27.2.14,2,多摩市関戸1,35.65,139.44,無\n");
    ImportOptions o;
    o.ledgers = {dir.file("l.csv")};
    o.out_dir = dir.file("out");
    o.mapping = dir.file("map.yaml");
    o.today = Date{2026, 11, 1};
    std::ostringstream out, err;
    ImportResult r = run_import(o, {out, err});
    INFO(err.str());
    REQUIRE(r.created == 1);
    ProfileResult p = load_profile_file(dir.file("out/t-0012.yaml"));
    REQUIRE(p.ok());
    CHECK(p.profile->person.sex == Sex::Female);
    CHECK(p.profile->consent.share_with_supporters);  // the fixed value wins over the column
    CHECK(p.profile->household.location.lat == 35.65);
    CHECK(p.profile->household.location_source->method == "ledger");
}

TEST_CASE("mapping file errors are located", "[intake]") {
    test::TempDir dir;
    test::write_file(dir.file("map.yaml"), "columns:\n  整理No: idd\n");
    try {
        load_mapping(dir.file("map.yaml"));
        FAIL("no error");
    } catch (const InputError& e) {
        CHECK(e.where().line == 2);
        CHECK(e.where().column == 9);  // characters, as editors count
        CHECK(e.message().find("unknown field") != std::string::npos);
    }
    test::write_file(dir.file("map2.yaml"), "colums:\n  a: id\n");
    CHECK_THROWS_AS(load_mapping(dir.file("map2.yaml")), InputError);
}

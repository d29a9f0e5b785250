#include <catch2/catch.hpp>

#include "intake/text.hpp"
#include "intake/values.hpp"

using namespace sheetgen;
using namespace sheetgen::intake;

static std::string iso(std::string_view cell) {
    auto r = parse_ledger_date(cell);
    return r.value ? r.value->iso() : (r.error ? "error" : "empty");
}

TEST_CASE("ledger dates: Western spellings and full-width digits", "[intake]") {
    CHECK(iso("2016/4/12") == "2016-04-12");
    CHECK(iso("2016-04-12") == "2016-04-12");
    CHECK(iso("2016年4月12日") == "2016-04-12");
    CHECK(iso("２０１６／４／１２") == "2016-04-12");
    CHECK(iso("2016/04/12 00:00:00") == "2016-04-12");
    CHECK(iso("  ") == "empty");
}

TEST_CASE("ledger dates: 和暦 with kanji eras, letters and 元年", "[intake]") {
    CHECK(iso("平成29年7月3日") == "2017-07-03");
    CHECK(iso("H27.2.14") == "2015-02-14");
    CHECK(iso("S60.3.12") == "1985-03-12");
    CHECK(iso("令和2年9月9日") == "2020-09-09");
    CHECK(iso("令和元年5月1日") == "2019-05-01");
    CHECK(iso("平成元年1月8日") == "1989-01-08");
    CHECK(iso("平成２９年７月３日") == "2017-07-03");
    CHECK(iso("h27.2.14") == "2015-02-14");
}

TEST_CASE("ledger dates: impossible days and dates outside their era are errors", "[intake]") {
    CHECK(iso("2014/2/30") == "error");
    CHECK(iso("平成31年5月1日") == "error");   // 令和 had begun
    CHECK(iso("令和元年4月30日") == "error");  // still 平成
    CHECK(iso("昭和64年1月8日") == "error");
    CHECK(iso("H2.2.29") == "error");         // 1990 is not a leap year
    CHECK(iso("そのうち") == "error");
    auto r = parse_ledger_date("2014/2/30");
    REQUIRE(r.error);
    CHECK(r.error->message.find("2014") == std::string::npos);  // never echoes the cell
}

TEST_CASE("consent words offices use", "[intake]") {
    for (const char* yes : {"有", "済", "はい", "○", "同意する", "〇", "ＹＥＳ"}) {
        INFO(yes);
        CHECK(parse_consent(yes).value == std::optional<bool>(true));
    }
    for (const char* no : {"無", "未", "いいえ", "×", "同意しない", "しない"}) {
        INFO(no);
        CHECK(parse_consent(no).value == std::optional<bool>(false));
    }
    CHECK(parse_consent("たぶん").error);
    CHECK(!parse_consent("").value);
}

TEST_CASE("sex, floor and trimming", "[intake]") {
    CHECK(parse_sex("男").value == std::optional<std::string>("male"));
    CHECK(parse_sex(" 女性 ").value == std::optional<std::string>("female"));
    CHECK(parse_sex("?").error);
    CHECK(parse_floor("２階").value == std::optional<int>(2));
    CHECK(parse_floor("3F").value == std::optional<int>(3));
    CHECK(parse_floor("地下").error);
    // Names keep the full-width space inside; spaces around are trimmed.
    CHECK(trim("　山田　花子 ") == "山田　花子");
}

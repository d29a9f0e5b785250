#include <catch2/catch.hpp>

#include "common/date.hpp"
#include "common/geo.hpp"
#include "common/utf8.hpp"

using namespace sheetgen;

TEST_CASE("ISO dates are parsed and checked against the calendar", "[common][date]") {
    auto d = parse_iso_date("2024-02-29");
    REQUIRE(d);
    CHECK(d->year == 2024);
    CHECK(d->month == 2);
    CHECK(d->day == 29);
    CHECK_FALSE(parse_iso_date("2023-02-29"));
    CHECK_FALSE(parse_iso_date("2023-02-30"));
    CHECK_FALSE(parse_iso_date("2023-13-01"));
    CHECK_FALSE(parse_iso_date("2023-1-01"));
    CHECK_FALSE(parse_iso_date("20230101"));
    CHECK(parse_iso_date("1900-02-28"));
    CHECK_FALSE(parse_iso_date("1900-02-29"));
}

TEST_CASE("Day counts round-trip and ages are full years", "[common][date]") {
    Date d{2026, 11, 24};
    CHECK(date_from_days(d.days_since_epoch()) == d);
    CHECK(Date{1970, 1, 1}.days_since_epoch() == 0);
    CHECK(Date{2000, 3, 1}.days_since_epoch() - Date{2000, 2, 28}.days_since_epoch() == 2);
    CHECK(age_on(Date{2015, 5, 1}, Date{2026, 4, 30}) == 10);
    CHECK(age_on(Date{2015, 5, 1}, Date{2026, 5, 1}) == 11);
    CHECK(d.japanese() == "2026年11月24日");
}

TEST_CASE("UTF-8 validation finds the first bad byte with line and column", "[common][utf8]") {
    CHECK_FALSE(find_invalid_utf8("名前: 山田\n"));
    std::string sjis = "id: a\nname: \x8e\x52\x93\x63\n";  // 山田 in Shift_JIS
    auto e = find_invalid_utf8(sjis);
    REQUIRE(e);
    CHECK(e->line == 2);
    CHECK(e->column == 7);
    CHECK(guess_encoding(sjis) == "Shift_JIS");
    CHECK(guess_encoding(std::string("\xFF\xFEi\0d\0", 6)) == "UTF-16 (byte-order mark)");
    CHECK(find_invalid_utf8("\xED\xA0\x80"));  // surrogate
    CHECK(find_invalid_utf8("\xC0\xAF"));      // overlong
    auto cps = decode_utf8("a𠮷");
    REQUIRE(cps.size() == 2);
    CHECK(cps[1] == 0x20BB7);
    CHECK(encode_utf8(0x20BB7) == "𠮷");
}

TEST_CASE("Distances and Japan's extent", "[common][geo]") {
    // 聖蹟桜ヶ丘駅 to 多摩センター駅: about 3.7 km.
    double d = distance_m({35.6508, 139.4467}, {35.6245, 139.4244});
    CHECK(d > 3400);
    CHECK(d < 3700);
    CHECK(inside_japan_extent({35.65, 139.44}));
    CHECK_FALSE(inside_japan_extent({139.44, 35.65}));  // swapped
    CHECK_FALSE(inside_japan_extent({-35.65, 139.44}));
}

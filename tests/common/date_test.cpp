#include <catch2/catch.hpp>

#include "common/date.hpp"

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

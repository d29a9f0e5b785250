#pragma once
// Calendar dates (proleptic Gregorian), enough for plan review dates and ages.
#include <optional>
#include <string>

namespace sheetgen {

struct Date {
    int year = 0;
    int month = 0;
    int day = 0;

    // Days since 1970-01-01.
    long days_since_epoch() const;
    std::string iso() const;  // YYYY-MM-DD
    // 2026年4月1日
    std::string japanese() const;
    // 1 April 2026 (day, English month name, year: never ambiguous like 4/1)
    std::string english() const;
    bool operator==(const Date& o) const { return year == o.year && month == o.month && day == o.day; }
    bool operator<(const Date& o) const { return days_since_epoch() < o.days_since_epoch(); }
};

bool is_leap_year(int year);
int days_in_month(int year, int month);
// Parses exactly YYYY-MM-DD and checks the day exists (2023-02-30 fails).
std::optional<Date> parse_iso_date(const std::string& text);
Date date_from_days(long days_since_epoch);
// The same day `months` later, or the month's last day when it has fewer
// (31 Jan + 1 month = 28/29 Feb; 29 Feb + 12 months = 28 Feb). An unset
// date (year 0) stays unset.
Date add_months(const Date& d, int months);
// Full years between birth and on.
int age_on(const Date& birth, const Date& on);

}  // namespace sheetgen

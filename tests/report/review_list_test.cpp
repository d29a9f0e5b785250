#include <catch2/catch.hpp>

#include "report/review_list.hpp"

using namespace sheetgen;

namespace {
Profile profile(Date updated, bool consent, std::optional<Date> consent_date) {
    Profile p;
    p.id = "x";
    p.updated = updated;
    p.consent.share_with_supporters = consent;
    p.consent.date = consent_date;
    return p;
}
std::vector<std::string> codes(const std::vector<ReviewItem>& items) {
    std::vector<std::string> c;
    for (const auto& i : items) c.push_back(i.code);
    return c;
}
}  // namespace

TEST_CASE("review_items: overdue, due soon, consent missing or due, nothing when in order", "[report][review]") {
    ReviewPolicy policy;
    policy.as_of = Date{2026, 11, 28};
    // Updated 2025-10-01: review was due 2026-10-01, 58 days ago.
    auto overdue = review_items(profile({2025, 10, 1}, true, Date{2026, 9, 1}), policy);
    REQUIRE(codes(overdue) == std::vector<std::string>{"review_overdue"});
    CHECK(overdue[0].days_left == -58);
    CHECK(overdue[0].due == Date{2026, 10, 1});
    // Updated 2026-01-15: due 2027-01-15, in 48 days (within 60).
    CHECK(codes(review_items(profile({2026, 1, 15}, true, Date{2026, 6, 1}), policy)) ==
          std::vector<std::string>{"review_due"});
    // In order: nothing.
    CHECK(review_items(profile({2026, 6, 1}, true, Date{2026, 6, 1}), policy).empty());
    // Consent not given, or given without a date, or given long ago.
    CHECK(codes(review_items(profile({2026, 6, 1}, false, std::nullopt), policy)) ==
          std::vector<std::string>{"consent_missing"});
    CHECK(codes(review_items(profile({2026, 6, 1}, true, std::nullopt), policy)) ==
          std::vector<std::string>{"consent_missing"});
    CHECK(codes(review_items(profile({2026, 6, 1}, true, Date{2025, 1, 1}), policy)) ==
          std::vector<std::string>{"consent_expired"});
    // A draft's missing fields.
    Profile d = profile({2026, 6, 1}, true, Date{2026, 6, 1});
    d.draft = true;
    d.person.care_needs = {CareNeed::Suction};
    auto draft = review_items(d, policy);
    REQUIRE(codes(draft) == std::vector<std::string>{"draft_incomplete"});
    CHECK(draft[0].ja.find("devices、contacts (doctor)") != std::string::npos);
    CHECK(draft[0].ja.find("care_needs") == std::string::npos);  // given: not listed
}

TEST_CASE("add_months keeps the day or takes the month's last", "[report][review]") {
    CHECK(add_months(Date{2024, 2, 29}, 12) == Date{2025, 2, 28});
    CHECK(add_months(Date{2026, 1, 31}, 1) == Date{2026, 2, 28});
    CHECK(add_months(Date{2026, 11, 30}, 3) == Date{2027, 2, 28});
    CHECK(add_months(Date{}, 12) == Date{});
}

#pragma once
// The yearly upkeep list: plans whose review is overdue or due soon, consent
// missing or due for renewal, and draft profiles still incomplete. One row
// per household and reason, with the date it is (or was) due.
#include <optional>
#include <string>
#include <vector>

#include "common/date.hpp"
#include "profile/profile.hpp"

namespace sheetgen {

struct ReviewPolicy {
    Date as_of;                 // today
    int within_days = 60;       // "due soon" window
    int review_months = 12;     // plans are reviewed yearly (個別避難計画の更新)
    int consent_months = 12;    // consent is confirmed again after this long
};

struct ReviewItem {
    std::string code;  // review_overdue, review_due, consent_missing, consent_expired, consent_due, draft_incomplete
    std::string ja;    // the reason in words
    std::optional<Date> due;
    long days_left = 0;  // negative when overdue
};

// The reason codes in the order the list sorts them (most urgent first).
const std::vector<std::string>& review_codes();

// What needs doing for one profile; empty when nothing is due. A draft
// (imported, 下書き) is listed with the fields a complete plan still lacks.
std::vector<ReviewItem> review_items(const Profile& profile, const ReviewPolicy& policy);

std::string review_csv_header();
// One CSV row (BOM-less, CRLF) per item.
std::string review_csv_row(const Profile& profile, const ReviewItem& item);

}  // namespace sheetgen

#include "report/review_list.hpp"

#include <algorithm>

#include "report/flag_report.hpp"

namespace sheetgen {

namespace {

long days_between(const Date& from, const Date& to) { return to.days_since_epoch() - from.days_since_epoch(); }

// Overdue, or due within the window: the item for `due`, else nothing.
std::optional<ReviewItem> due_item(const Date& due, const ReviewPolicy& policy, const char* overdue_code,
                                   const char* due_code, const std::string& what) {
    const long left = days_between(policy.as_of, due);
    if (left < 0) return ReviewItem{overdue_code, what + "の期限切れ（" + due.japanese() + "まで）", due, left};
    if (left <= policy.within_days) return ReviewItem{due_code, what + "の期限が近い（" + due.japanese() + "まで）", due, left};
    return std::nullopt;
}

}  // namespace

const std::vector<std::string>& review_codes() {
    static const std::vector<std::string> codes = {"consent_missing", "review_overdue", "consent_expired",
                                                   "draft_incomplete", "review_due", "consent_due"};
    return codes;
}

std::vector<ReviewItem> review_items(const Profile& p, const ReviewPolicy& policy) {
    std::vector<ReviewItem> items;
    if (p.updated.year > 0)
        if (auto i = due_item(add_months(p.updated, policy.review_months), policy, "review_overdue", "review_due",
                              "計画の見直し"))
            items.push_back(*i);
    if (!p.consent.share_with_supporters) {
        items.push_back({"consent_missing", "支援者への情報提供の同意がない（確認を）", std::nullopt, 0});
    } else if (p.consent.date) {
        if (auto i = due_item(add_months(*p.consent.date, policy.consent_months), policy, "consent_expired",
                              "consent_due", "同意の再確認"))
            items.push_back(*i);
    } else {
        items.push_back({"consent_missing", "同意の日付が記録されていない（確認を）", std::nullopt, 0});
    }
    if (p.draft) {
        std::string list;
        for (const auto& f : draft_missing_fields(p)) list += (list.empty() ? "" : "、") + f;
        items.push_back({"draft_incomplete",
                         list.empty() ? "下書き：家庭訪問で内容を確認し、draft を外す" : "下書き：未記入の項目（" + list + "）",
                         std::nullopt, 0});
    }
    return items;
}

std::string review_csv_header() {
    return "\xEF\xBB\xBF" "ID,氏名,地区,reason_code,理由,期限,残り日数\r\n";
}

std::string review_csv_row(const Profile& p, const ReviewItem& item) {
    return csv_field(p.id) + "," + csv_field(p.person.name) + "," + csv_field(p.household.district) + "," +
           item.code + "," + csv_field(item.ja) + "," + (item.due ? item.due->iso() : "") + "," +
           (item.due ? std::to_string(item.days_left) : "") + "\r\n";
}

}  // namespace sheetgen

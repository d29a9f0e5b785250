#include "diff/changes.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <stdexcept>
#include <tuple>

namespace sheetgen {

namespace {

struct Slot {
    std::string name, ja, en;
};

std::string fill(std::string text, const std::vector<Slot>& params, bool ja) {
    for (const Slot& p : params) {
        const std::string key = "{" + p.name + "}";
        for (size_t at; (at = text.find(key)) != std::string::npos;) text.replace(at, key.size(), ja ? p.ja : p.en);
    }
    if (text.find('{') != std::string::npos) throw std::logic_error("change sentence with an unfilled parameter: " + text);
    return text;
}

constexpr double kWorst = std::numeric_limits<double>::infinity();

// Depth as the verdict weighs it: a zone without depth data makes the family
// leave (the worst case), so "depth unknown" ranks above every known class.
double depth_rank(const Snapshot& s) { return s.depth_min_m ? *s.depth_min_m : kWorst; }
// Duration: outside every duration zone below any class; unknown = worst.
double duration_rank(const Snapshot& s) {
    if (!s.in_duration_zone) return -1;
    return s.duration_min_h ? *s.duration_min_h : kWorst;
}

std::string or_none(const std::string& v, bool ja) { return v.empty() ? (ja ? "なし" : "none") : v; }
std::string floor_text(const std::optional<int>& f, bool ja) {
    if (!f) return ja ? "なし" : "none";
    return ja ? std::to_string(*f) + "階以上" : std::to_string(*f) + "F and up";
}
std::string duration_text(const Snapshot& s) { return s.in_duration_zone ? s.duration_label : ""; }
bool unusable_in_zone(const std::string& status) { return status == "in_flood_zone" || status == "isolated"; }

std::string status_label(const std::string& code) {
    static const std::map<std::string, std::string> t = [] {
        std::map<std::string, std::string> m;
        for (auto s : {ShelterStatus::Ok, ShelterStatus::NotPlanned, ShelterStatus::Unknown, ShelterStatus::NotForFlood,
                       ShelterStatus::InFloodZone, ShelterStatus::NoData, ShelterStatus::Isolated})
            m[to_string(s)] = label_ja(s);
        return m;
    }();
    auto it = t.find(code);
    return it == t.end() ? code : it->second;
}

std::vector<Slot> params_for(const Snapshot* b, const Snapshot* a) {
    Snapshot none;
    const Snapshot& B = b ? *b : none;
    const Snapshot& A = a ? *a : none;
    auto both = [](const char* n, const std::string& v) { return Slot{n, v, v}; };
    return {
        {"depth_before", or_none(depth_label(B), true), or_none(depth_label(B), false)},
        {"depth_after", or_none(depth_label(A), true), or_none(depth_label(A), false)},
        {"duration_before", or_none(duration_text(B), true), or_none(duration_text(B), false)},
        {"duration_after", or_none(duration_text(A), true), or_none(duration_text(A), false)},
        {"action_before", action_label_ja(B.action), B.action},
        {"action_after", action_label_ja(A.action), A.action},
        both("level_before", B.level),
        both("level_after", A.level),
        {"floor_before", floor_text(B.safe_floor, true), floor_text(B.safe_floor, false)},
        {"floor_after", floor_text(A.safe_floor, true), floor_text(A.safe_floor, false)},
        {"coverage_before", B.covered ? "範囲内" : "範囲外", B.covered ? "covered" : "not covered"},
        {"coverage_after", A.covered ? "範囲内" : "範囲外", A.covered ? "covered" : "not covered"},
        {"suggested_before", or_none(B.suggested_shelter, true), or_none(B.suggested_shelter, false)},
        {"suggested_after", or_none(A.suggested_shelter, true), or_none(A.suggested_shelter, false)},
        both("shelter", !A.planned_shelter.empty() ? A.planned_shelter : B.planned_shelter),
        {"status_after", status_label(A.planned_status), A.planned_status},
    };
}

// The codes that apply, in no particular order.
std::vector<std::string> codes_for(const Snapshot* b, const Snapshot* a) {
    if (!b) return {"new_household"};
    if (!a) return {"household_removed"};
    std::vector<std::string> c;
    if (!b->in_zone && a->in_zone) c.push_back("entered_zone");
    // Outside the new data's coverage "no zone" means "not known", never "left".
    if (b->in_zone && !a->in_zone && a->covered) c.push_back("left_zone");
    if (b->in_zone && a->in_zone) {
        if (depth_rank(*a) > depth_rank(*b)) c.push_back("depth_increased");
        if (depth_rank(*a) < depth_rank(*b)) c.push_back("depth_decreased");
    }
    if (duration_rank(*a) > duration_rank(*b)) c.push_back("duration_increased");
    if (!b->house_collapse && a->house_collapse) c.push_back("entered_house_collapse");
    if (!b->landslide && a->landslide) c.push_back("entered_landslide");
    if (a->action != b->action || a->start_alert_level != b->start_alert_level) c.push_back("action_changed");
    if (a->level < b->level) c.push_back("priority_raised");  // "A" < "B": A is the most urgent
    if (a->level > b->level) c.push_back("priority_lowered");
    if (a->safe_floor != b->safe_floor) c.push_back("safe_floor_changed");
    if (b->planned_status == "ok" && (a->planned_status == "not_for_flood" || a->planned_status == "unknown"))
        c.push_back("planned_shelter_lost_designation");
    if (!unusable_in_zone(b->planned_status) && unusable_in_zone(a->planned_status))
        c.push_back("planned_shelter_now_in_zone");
    if (a->suggested_shelter != b->suggested_shelter) c.push_back("suggested_shelter_changed");
    if (a->covered != b->covered) c.push_back("coverage_changed");
    if (c.empty()) c.push_back("unchanged");
    return c;
}

}  // namespace

bool ChangeRow::redo() const {
    for (const Change& c : changes)
        if (change_def(c.code).redo) return true;
    return false;
}

std::string action_label_ja(const std::string& code) {
    for (auto a : {FloodAction::LeaveEarly, FloodAction::ShelterUpstairs, FloodAction::StayHomePowerPlan,
                   FloodAction::NoHazardData})
        if (code == to_string(a)) return label_ja(a);
    return code;
}

std::string collapse_label(const Snapshot& s) {
    std::string r;
    if (s.house_collapse) r = "家屋倒壊等氾濫想定区域";
    if (s.landslide) r += std::string(r.empty() ? "" : " / ") + "土砂災害警戒区域";
    return r;
}

std::string depth_label(const Snapshot& s) {
    if (!s.action.empty() && !s.in_zone) return "区域外";
    return s.depth_label;
}

ChangeRow compare(const Snapshot* before, const Snapshot* after) {
    if (!before && !after) throw std::logic_error("compare: no snapshot");
    ChangeRow row;
    if (before) row.before = *before;
    if (after) row.after = *after;
    std::vector<std::string> codes = codes_for(before, after);
    std::sort(codes.begin(), codes.end(),
              [](const std::string& x, const std::string& y) { return change_rank(x) < change_rank(y); });
    const std::vector<Slot> params = params_for(before, after);
    for (const std::string& code : codes) {
        const ChangeDef& d = change_def(code);
        row.changes.push_back({code, fill(d.ja, params, true), fill(d.en, params, false)});
    }
    return row;
}

void sort_rows(std::vector<ChangeRow>& rows) {
    auto key = [](const ChangeRow& r) {
        const Snapshot& s = r.after ? *r.after : *r.before;
        return std::make_tuple(change_rank(r.changes.front().code), s.level, s.id);
    };
    std::sort(rows.begin(), rows.end(), [&](const ChangeRow& x, const ChangeRow& y) { return key(x) < key(y); });
}

std::vector<ChangeRow> compare_all(const std::vector<Snapshot>& before, const std::vector<Snapshot>& after) {
    std::map<std::string, const Snapshot*> old_by_id;
    for (const Snapshot& s : before) old_by_id.emplace(s.id, &s);
    std::vector<ChangeRow> rows;
    for (const Snapshot& s : after) {
        auto it = old_by_id.find(s.id);
        rows.push_back(compare(it == old_by_id.end() ? nullptr : it->second, &s));
        if (it != old_by_id.end()) old_by_id.erase(it);
    }
    for (const auto& [id, s] : old_by_id) rows.push_back(compare(s, nullptr));
    sort_rows(rows);
    return rows;
}

}  // namespace sheetgen

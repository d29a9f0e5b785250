#include "diff/change_codes.hpp"

#include <algorithm>
#include <stdexcept>

namespace sheetgen {

namespace {

using G = ChangeGroup;

// The sentence the box prints when the plan's site can no longer be used. It
// names no place: the sheet's destination rows come from today's verdict.
constexpr const char* kSiteWithdrawn = "予定していた避難先は使えなくなりました。この計画の避難先をご確認ください";

// The catalogue, most urgent first. Staff sentences: what changed, in the
// household's own values, and what to do about it. No personal data (values
// are classes, levels, floors and site names). Sheet sentences: the same in
// words a family understands, short, naming no place.
const std::vector<ChangeDef> kCatalogue = {
    {"entered_house_collapse", true,
     "新しい想定で家屋倒壊等氾濫想定区域に入りました：階数にかかわらず区域外への立退き避難が必要です。計画を作り直します",
     "Now inside a house-collapse flood zone: the family must leave the zone whatever the floor; redo the plan",
     G::Zone, "洪水で家が壊れたり流されたりするおそれのある区域に新たに入りました", false},
    {"entered_landslide", true,
     "新しい想定で土砂災害警戒区域等に入りました：大雨の前に区域外へ避難する計画に作り直します",
     "Now inside a landslide hazard zone: redo the plan to leave the zone before heavy rain", G::Zone,
     "土砂災害のおそれのある区域に新たに入りました", false},
    {"entered_zone", true,
     "新しい想定で浸水想定区域に入りました（想定浸水深 {depth_after}）：洪水のときの行動と避難先を決め直します",
     "Now inside a flood zone (expected depth {depth_after}): decide again what the family does in a flood and where "
     "it goes",
     G::Zone, "浸水想定区域に新たに入りました", false},
    {"planned_shelter_now_in_zone", true,
     "計画の避難場所「{shelter}」が浸水想定区域内になりました（{status_after}）：別の避難先を決め直します",
     "The planned site '{shelter}' now lies in a flood zone ({status_after}): choose another destination",
     G::Destination, kSiteWithdrawn, true},
    {"planned_shelter_lost_designation", true,
     "計画の避難場所「{shelter}」は新しいデータではこの世帯が避難する災害の指定がありません（{status_after}）：別の避難先を決め直します",
     "The planned site '{shelter}' is no longer designated for the hazard this household evacuates from "
     "({status_after}): choose another destination",
     G::Destination, kSiteWithdrawn, true},
    {"priority_raised", true, "支援の優先度が上がりました（{level_before} → {level_after}）",
     "Staff priority raised ({level_before} -> {level_after})", G::Priority, "市の支援の優先度が上がりました", false},
    {"depth_increased", true, "想定浸水深が深くなりました（{depth_before} → {depth_after}）",
     "Expected flood depth increased ({depth_before} -> {depth_after})", G::Water,
     "想定される浸水の深さが深くなりました", false},
    {"duration_increased", true,
     "浸水継続時間が長くなりました（{duration_before} → {duration_after}）：停電と孤立への備えを見直します",
     "Flooding lasts longer ({duration_before} -> {duration_after}): review the blackout and isolation plan",
     G::Water, "水が引くまでの時間が長くなりました（停電への備えを見直してください）", false},
    {"action_changed", true, "洪水のときの行動が変わりました（{action_before} → {action_after}）",
     "What the family does in a flood changed ({action_before} -> {action_after})", G::Action,
     "{action_topic}が変わりました：{action}", false},
    {"safe_floor_changed", true, "浸水しない階の目安が変わりました（{floor_before} → {floor_after}）",
     "The lowest floor above the water changed ({floor_before} -> {floor_after})", G::Action,
     "浸水しない階の目安が変わりました", false},
    {"coverage_changed", true,
     "浸水想定データの範囲が変わりました（{coverage_before} → {coverage_after}）：範囲外は「安全」ではなく「分からない」です",
     "The flood data's coverage changed ({coverage_before} -> {coverage_after}): outside it the risk is unknown, "
     "not absent",
     G::Zone, "浸水想定の範囲が変わりました（想定のない所も安全とは限りません）", false},
    {"suggested_shelter_changed", true, "避難先（滞在）の候補が変わりました（{suggested_before} → {suggested_after}）",
     "The suggested place to stay changed ({suggested_before} -> {suggested_after})", G::Destination,
     "避難先の候補が変わりました。この計画の避難先をご確認ください", false},
    {"new_household", false, "前回の一覧にない世帯です：初めての計画を作ります",
     "Not in the earlier list: make this household's first plan", G::FirstPlan, "この計画は今回はじめて作成しました",
     false},
    {"household_removed", false,
     "前回の一覧にあり、今回のプロフィールにない世帯です：転居・入所などで名簿から外れたかを確かめます",
     "In the earlier list but not among today's profiles: check whether the household moved away or left the register",
     G::None, "", false},
    {"left_zone", false,
     "新しい想定では浸水想定区域の外になりました：計画を見直します（区域外でも停電への備えは続けます）",
     "Now outside every flood zone: review the plan (blackout preparations stay)", G::Zone,
     "浸水想定区域の外になりました（停電への備えは続けてください）", false},
    {"depth_decreased", false, "想定浸水深が浅くなりました（{depth_before} → {depth_after}）",
     "Expected flood depth decreased ({depth_before} -> {depth_after})", G::Water,
     "想定される浸水の深さが浅くなりました", false},
    {"priority_lowered", false, "支援の優先度が下がりました（{level_before} → {level_after}）",
     "Staff priority lowered ({level_before} -> {level_after})", G::Priority, "市の支援の優先度が下がりました", false},
    {"unchanged", false, "計画に関わる変化はありません", "No change that affects the plan", G::None, "", false},
};

// The box's lines, in the order a family reads a change: the home's zone,
// the water, what to do (then the office's priority), where to go. Within a
// line, the catalogue's order. A destination line says one thing (the most
// urgent), so "check the destination" is never printed twice.
struct BoxLine {
    std::vector<ChangeGroup> groups;
    bool first_only;
};
const std::vector<BoxLine> kBoxLines = {{{G::FirstPlan}, false},
                                        {{G::Zone}, false},
                                        {{G::Water}, false},
                                        {{G::Action, G::Priority}, false},
                                        {{G::Destination}, true}};

// The sheet sentence with today's values: what the family does now, never
// the list's "after" column (which may be stale or edited).
std::string fill_sheet(std::string text, const Verdict& today) {
    const std::string topic = today.action == FloodAction::LeaveEarly ? "避難のタイミング" : "大雨のときの行動";
    for (const auto& [key, value] : {std::pair<std::string, std::string>{"{action_topic}", topic},
                                     std::pair<std::string, std::string>{"{action}", action_label_ja(today)}})
        for (size_t at; (at = text.find(key)) != std::string::npos;) text.replace(at, key.size(), value);
    if (text.find('{') != std::string::npos) throw std::logic_error("sheet sentence with an unfilled slot: " + text);
    return text;
}

}  // namespace

const std::vector<ChangeDef>& change_catalogue() { return kCatalogue; }

const ChangeDef* find_change_def(const std::string& code) {
    for (const ChangeDef& d : kCatalogue)
        if (code == d.code) return &d;
    return nullptr;
}

size_t change_rank(const std::string& code) {
    if (const ChangeDef* d = find_change_def(code)) return static_cast<size_t>(d - kCatalogue.data());
    throw std::logic_error("unknown change code " + code);
}

const ChangeDef& change_def(const std::string& code) { return kCatalogue[change_rank(code)]; }

std::vector<std::string> change_code_names() {
    std::vector<std::string> names;
    for (const ChangeDef& d : kCatalogue) names.push_back(d.code);
    return names;
}

bool plan_changed(const std::vector<std::string>& codes) {
    for (const std::string& c : codes)
        if (c != "unchanged" && c != "household_removed") return true;
    return false;
}

SheetChanges sheet_changes(const std::vector<std::string>& codes, const Verdict& today) {
    std::vector<const ChangeDef*> defs;
    for (const std::string& c : codes) defs.push_back(&change_def(c));
    std::sort(defs.begin(), defs.end());  // catalogue order: most urgent first
    defs.erase(std::unique(defs.begin(), defs.end()), defs.end());
    SheetChanges out;
    for (const BoxLine& rule : kBoxLines) {
        std::vector<std::string> sentences;
        for (ChangeGroup g : rule.groups)
            for (const ChangeDef* d : defs) {
                if (d->group != g || (rule.first_only && !sentences.empty())) continue;
                const std::string s = fill_sheet(d->sheet, today);
                if (std::find(sentences.begin(), sentences.end(), s) == sentences.end()) sentences.push_back(s);
            }
        std::string line;
        for (const std::string& s : sentences) line += (line.empty() ? "" : "。") + s;
        if (!line.empty()) out.lines.push_back(line);
    }
    for (const ChangeDef* d : defs) out.planned_site_withdrawn = out.planned_site_withdrawn || d->withdraws_planned_site;
    return out;
}

}  // namespace sheetgen

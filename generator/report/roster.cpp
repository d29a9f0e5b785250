#include "report/roster.hpp"

#include "report/flag_report.hpp"

namespace sheetgen {

namespace {

std::string join(const std::vector<std::string>& parts, const std::string& sep) {
    std::string out;
    for (const auto& p : parts) {
        if (p.empty()) continue;
        out += (out.empty() ? "" : sep) + p;
    }
    return out;
}

// What the supporter must bring or do, from the care needs and mobility:
// the help, not the diagnosis.
std::string help_needed(const Profile& p) {
    std::vector<std::string> parts;
    for (CareNeed c : p.person.care_needs) parts.push_back(label_ja(c));
    if (!p.person.mobility.empty()) parts.push_back(p.person.mobility);
    bool needs_power = false;
    for (const auto& d : p.devices) needs_power = needs_power || (d.power_dependent && d.critical);
    if (needs_power) parts.push_back("電源が必要");
    return join(parts, "・");
}

// The family's phone: the first relative with a number.
std::string family_phone(const Profile& p) {
    for (const auto& c : p.contacts)
        if (c.role == ContactRole::Relative && !c.phone.empty()) return c.phone;
    return "";
}

// Only destinations the verdict accepted: where to stay, else where to flee.
std::string destination(const Verdict& v) {
    std::vector<std::string> stay, flee;
    for (const auto& d : v.destinations) {
        if (d.role == DestinationRole::Stay) stay.push_back(d.name);
        if (d.role == DestinationRole::FleeWhenLate) flee.push_back(d.name);
    }
    if (!stay.empty()) return join(stay, "／");
    if (!flee.empty()) return join(flee, "／") + "（緊急時）";
    if (v.action == FloodAction::ShelterUpstairs || v.action == FloodAction::StayHomePowerPlan) return "自宅";
    return "未定（市と調整中）";
}

std::string start_text(const Verdict& v) {
    const std::string s = start_label_ja(v);
    return s.empty() ? "—" : s;
}

}  // namespace

std::vector<RosterGroup> roster_groups(const Profile& p, RosterGrouping grouping) {
    std::vector<RosterGroup> groups;
    if (grouping == RosterGrouping::District) {
        const std::string& d = p.household.district;
        groups.push_back(d.empty() ? RosterGroup{"", "地区未設定"} : RosterGroup{d, d});
        return groups;
    }
    for (const auto& s : p.evacuation.supporters) {
        if (s.name.empty()) continue;
        const std::string label = s.relation.empty() ? s.name : s.name + "（" + s.relation + "）";
        bool seen = false;
        for (const auto& g : groups) seen = seen || g.key == s.name;
        if (!seen) groups.push_back({s.name, label});
    }
    if (groups.empty()) groups.push_back({"", "支援者未登録"});
    return groups;
}

const std::vector<std::string>& roster_columns() {
    static const std::vector<std::string> columns = {"優先度", "氏名",   "ふりがな", "住所",   "家族の連絡先", "必要な支援",
                                                     "支援者数", "避難行動", "出発の目安", "避難先", "移動手段"};
    return columns;
}

const std::vector<double>& roster_column_weights() {
    static const std::vector<double> weights = {0.8, 1.3, 1.3, 1.8, 1.7, 1.8, 0.8, 1.5, 1.2, 1.8, 1.0};
    return weights;
}

std::vector<std::string> roster_row(const Profile& p, const Verdict& v) {
    return {to_string(v.level),
            p.person.name,
            p.person.kana,
            p.household.address,
            family_phone(p),
            help_needed(p),
            p.evacuation.helpers_needed > 0 ? std::to_string(p.evacuation.helpers_needed) + "人" : "",
            action_label_ja(v),
            start_text(v),
            destination(v),
            p.evacuation.transport};
}

std::string roster_csv(const std::vector<std::vector<std::string>>& rows) {
    std::string out = "\xEF\xBB\xBF";
    auto line = [&](const std::vector<std::string>& cells) {
        for (size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + csv_field(cells[i]);
        out += "\r\n";
    };
    line(roster_columns());
    for (const auto& r : rows) line(r);
    return out;
}

std::string roster_file_stem(const std::string& label) {
    std::string out;
    for (unsigned char c : label) {
        const bool bad = c < 0x20 || c == 0x7F || std::string("/\\:*?\"<>|").find(static_cast<char>(c)) != std::string::npos;
        out += bad ? '_' : static_cast<char>(c);
    }
    if (out.empty() || out[0] == '.') out = "_" + out;
    return out;
}

}  // namespace sheetgen

#include "render/card_fields.hpp"

#include <algorithm>

namespace sheetgen::render {

namespace {

bool has_care(const Profile& p, CareNeed c) {
    return std::find(p.person.care_needs.begin(), p.person.care_needs.end(), c) != p.person.care_needs.end();
}
bool has_device(const Profile& p, DeviceKind k) {
    return std::any_of(p.devices.begin(), p.devices.end(), [k](const Device& d) { return d.kind == k; });
}
bool uses_oxygen(const Profile& p) {
    return has_care(p, CareNeed::Oxygen) || has_device(p, DeviceKind::OxygenConcentrator) ||
           has_device(p, DeviceKind::OxygenCylinder);
}

// "電源と吸引", "電源・吸引・酸素"
std::string and_list(const std::vector<std::string>& parts) {
    if (parts.size() == 2) return parts[0] + "と" + parts[1];
    return join(parts, "・");
}

// What the person depends on, most critical first: the subject of the sentence.
std::string subject(const Profile& p) {
    if (p.uses_ventilator()) return "人工呼吸器を使用しています。";
    if (uses_oxygen(p)) return "酸素療法を受けています。";
    std::vector<std::string> devices;
    for (const auto& d : p.devices)
        if (d.power_dependent || d.critical) {
            std::string n = label_ja(d.kind);
            if (std::find(devices.begin(), devices.end(), n) == devices.end()) devices.push_back(n);
        }
    if (!devices.empty()) return join(devices, "・") + "を使用しています。";
    std::vector<std::string> care;
    for (CareNeed c : p.person.care_needs) care.push_back(label_ja(c));
    if (!care.empty()) return "医療的ケア（" + join(care, "・") + "）が必要です。";
    return "";
}

std::string device_line(const Device& d) {
    std::string name = d.name.empty() ? label_ja(d.kind) : d.name;
    if (!d.model.empty()) name += "（" + d.model + "）";
    if (!d.manual_fallback.empty()) name += " 停電・故障時：" + d.manual_fallback;
    return name;
}

std::string contact_line(const Contact& c) {
    std::string org = c.organisation.empty() ? "" : (c.name.empty() ? c.organisation : "（" + c.organisation + "）");
    return join({label_ja(c.role), c.name + org, c.phone.empty() ? "" : "☎ " + c.phone}, " ");
}

// Two family contacts: relatives with their phones first, then the people
// living with the person (the profile has no phones for them).
std::vector<std::string> family_lines(const Profile& p) {
    std::vector<std::string> out;
    for (const auto& c : p.contacts)
        if (c.role == ContactRole::Relative && out.size() < 2)
            out.push_back(join({c.name.empty() ? c.organisation : c.name, c.notes.empty() ? "" : "（" + c.notes + "）",
                                c.phone.empty() ? "" : "☎ " + c.phone},
                               " "));
    for (const auto& m : p.household.members)
        if (out.size() < 2)
            out.push_back(join({m.relation, m.name, m.notes.empty() ? "" : "（" + m.notes + "）"}, " "));
    return out;
}

}  // namespace

std::string first_action_sentence(const Profile& p) {
    std::string s = subject(p);
    std::vector<std::string> needs;
    if (p.has_power_dependent_device()) needs.push_back("電源");
    if (has_care(p, CareNeed::Suction) || has_device(p, DeviceKind::Suction)) needs.push_back("吸引");
    if (uses_oxygen(p)) needs.push_back("酸素");
    if (!needs.empty()) s += and_list(needs) + "が必要です。";
    return s;
}

void add_card_fields(Record& s, const Profile& p) {
    s["card.first_action"] = value::text(first_action_sentence(p));
    std::vector<std::string> devices, doctors;
    for (const auto& d : p.devices) devices.push_back(device_line(d));
    for (const auto& c : p.contacts)
        if (c.role == ContactRole::Doctor || c.role == ContactRole::Hospital) doctors.push_back(contact_line(c));
    s["card.devices"] = value::list(devices);
    s["card.doctors"] = value::list(doctors);
    s["card.family"] = value::list(family_lines(p));
}

}  // namespace sheetgen::render

#include "profile/parse.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <fcntl.h>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

#include "common/date.hpp"
#include "common/geo.hpp"
#include "common/utf8.hpp"
#include "profile/yaml_tree.hpp"

namespace sheetgen {

using profile_detail::ColumnMap;
using profile_detail::YNode;

bool ProfileResult::ok() const {
    if (!profile) return false;
    for (const auto& d : diagnostics)
        if (d.severity == Severity::Error) return false;
    return true;
}

namespace {

std::string lower_ascii(std::string s) {
    for (auto& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

// Edit distance counting a swap of two neighbours as one edit (nmae -> name).
size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
    for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (size_t i = 1; i <= a.size(); ++i)
        for (size_t j = 1; j <= b.size(); ++j) {
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[a.size()][b.size()];
}

// The closest candidate when it is close enough to be a typo, else "".
std::string suggest(const std::string& word, const std::vector<std::string>& candidates) {
    std::string w = lower_ascii(word);
    std::string best;
    size_t best_d = std::string::npos;
    for (const auto& c : candidates) {
        size_t d = edit_distance(w, c);
        if (d < best_d) {
            best_d = d;
            best = c;
        }
    }
    size_t limit = std::max<size_t>(1, std::min(w.size(), best.size()) / 3);
    if (best_d <= limit || (best_d <= 2 && w.size() >= 5)) return best;
    return "";
}

std::string join(const std::vector<std::string>& v) {
    std::string s;
    for (size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + v[i];
    return s;
}

// A profile is sensitive data and messages reach logs: echo a wrong value
// only when it is a short single ASCII token (a typo such as 'sucton', a
// number, a date). Anything else, such as a name typed into the wrong field,
// is described, not repeated.
// A token is a word, number, date or path: letters, digits and _ . + - / only, so a
// line of another file (root:$6$...:19700:0:99999:7:::) is never repeated.
std::string shown(const std::string& v) {
    const bool token = !v.empty() && v.size() <= 32 && std::all_of(v.begin(), v.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '+' || c == '-' ||
               c == '/';
    });
    if (token) return "'" + v + "'";
    return "a value that is not repeated here (it may be personal data)";
}

// Keys follow the value rule (a key is a short name; a value typed on its own
// line, or a line of another file, becomes one).
std::string shown_key(const std::string& k) {
    std::string s = shown(k);
    if (s[0] == '\'') return s;
    return "(not repeated here: it is not a short ASCII name and may be personal data or another file's content)";
}

// The schema line: ASCII is shown exactly (a stray space matters), visibly
// quoted; anything else is described.
std::string shown_schema(const std::string& v) {
    const bool ascii = v.size() <= 60 && std::all_of(v.begin(), v.end(), [](char c) {
        auto u = static_cast<unsigned char>(c);
        return u >= 0x20 && u < 0x7F;
    });
    if (ascii) return "'" + v + "'";
    return "a value that is not repeated here (it may be personal data)";
}

std::string fmt_number(double v) {
    std::ostringstream s;
    s << v;
    return s.str();
}

const char* kind_name(const YNode& n) {
    switch (n.kind) {
        case YNode::Kind::Null: return "nothing";
        case YNode::Kind::Scalar: return "text";
        case YNode::Kind::Sequence: return "a list";
        case YNode::Kind::Map: return "a mapping (key: value)";
    }
    return "?";
}

template <typename E>
struct EnumName {
    const char* name;
    E value;
};

// Validation of one file: collects every problem, keeps going after each.
class Checker {
public:
    Checker(const std::string& file, std::vector<Diagnostic>& out) : file_(file), out_(out) {}

    void error(int line, int column, const std::string& message) {
        out_.push_back(Diagnostic{{file_, line, column}, message});
    }
    void error(const YNode& n, const std::string& message) { error(n.line, n.column, message); }
    // A draft (imported) profile is valid; say what a complete plan still needs.
    void draft_warning(const YNode& n, const Profile& p) {
        std::vector<std::string> missing;
        if (p.person.care_needs.empty()) missing.push_back("person.care_needs");
        if (p.devices.empty()) missing.push_back("devices");
        bool doctor = false;
        for (const auto& ct : p.contacts) doctor = doctor || ct.role == ContactRole::Doctor;
        if (!doctor) missing.push_back("contacts (doctor)");
        if (p.evacuation.destinations.empty() && p.evacuation.shelter.empty())
            missing.push_back("evacuation.destinations or evacuation.shelter");
        if (p.evacuation.supporters.empty()) missing.push_back("evacuation.supporters");
        if (!p.consent.date) missing.push_back("consent.date");
        std::string list;
        for (const auto& m : missing) list += (list.empty() ? "" : ", ") + m;
        out_.push_back(Diagnostic{{file_, n.line, n.column},
                                  "draft (下書き): imported from a ledger; a complete plan still needs " +
                                      (list.empty() ? std::string("a check at a home visit, then remove 'draft'") : list),
                                  Severity::Warning});
    }
    const std::string& file() const { return file_; }

    // A mapping's known keys; unknown keys are reported with a suggestion.
    class Map {
    public:
        const YNode* node = nullptr;
        std::string where;  // "person", "devices[2]" ...
        std::vector<std::pair<std::string, const YNode*>> found;  // key -> value
        std::vector<std::pair<std::string, const YNode*>> keys;   // key -> key node

        explicit operator bool() const { return node != nullptr; }
        const YNode* get(const std::string& k) const {
            const YNode* r = nullptr;
            for (auto& [name, v] : found)
                if (name == k) r = v;  // the last one, like YAML (duplicates already reported)
            return r;
        }
        const YNode* key_node(const std::string& k) const {
            for (auto& [name, v] : keys)
                if (name == k) return v;
            return nullptr;
        }
    };

    Map map(const YNode* n, const std::string& where, const std::vector<std::string>& allowed) {
        Map m;
        m.where = where;
        if (!n) return m;
        if (n->kind == YNode::Kind::Null) return m;  // "key:" with nothing: treated as absent
        if (n->kind != YNode::Kind::Map) {
            error(*n, where + " must be a mapping (key: value lines), got " + kind_name(*n));
            return m;
        }
        m.node = n;
        for (size_t i = 0; i < n->map_size(); ++i) {
            const YNode& k = n->key(i);
            if (k.kind != YNode::Kind::Scalar) {
                error(k, "keys must be plain names, got " + std::string(kind_name(k)) + " in " + where);
                continue;
            }
            if (std::find(allowed.begin(), allowed.end(), k.value) == allowed.end()) {
                // A value typed on a line of its own becomes a key: apply the
                // value rule (short ASCII token, or described) to keys too.
                std::string msg = "unknown key " + shown_key(k.value) + " in " + where;
                if (k.value.compare(0, 3, "\xE3\x80\x80") == 0)
                    msg += ": it starts with a full-width space (U+3000, 全角スペース); YAML indents with ASCII spaces only";
                else if (k.value.find("\xEF\xBC\x9A") != std::string::npos)
                    msg += ": it holds a full-width colon (：, U+FF1A); write an ASCII ':' followed by a space";
                std::string s = suggest(k.value, allowed);
                if (!s.empty())
                    msg += " (did you mean '" + s + "'?)";
                else
                    msg += "; allowed keys: " + join(allowed);
                error(k, msg);
                continue;
            }
            m.found.emplace_back(k.value, &n->val(i));
            m.keys.emplace_back(k.value, &k);
        }
        return m;
    }

    // Missing required key: reported at the parent mapping.
    const YNode* require(const Map& m, const std::string& key, const YNode& parent_pos) {
        const YNode* v = m ? m.get(key) : nullptr;
        if (v && v->kind == YNode::Kind::Null) {
            error(*m.key_node(key), "required key '" + key + "' in " + m.where + " has no value");
            return nullptr;
        }
        if (v && v->kind == YNode::Kind::Scalar && blank(v->value)) {
            // name: "" or name: "　" passes YAML but leaves the field empty.
            error(*v, "required key '" + key + "' in " + m.where + " is blank (only spaces or nothing): write the value");
            return nullptr;
        }
        if (!v) {
            const YNode& at = m ? *m.node : parent_pos;
            error(at, "missing required key '" + key + "' in " + m.where);
            return nullptr;
        }
        return v;
    }

    std::string text(const YNode* n, const std::string& what) {
        if (!n || n->kind == YNode::Kind::Null) return "";
        if (n->kind != YNode::Kind::Scalar) {
            error(*n, what + " must be text, got " + kind_name(*n));
            return "";
        }
        return n->value;
    }

    std::vector<std::string> text_list(const YNode* n, const std::string& what) {
        std::vector<std::string> r;
        if (!n || n->kind == YNode::Kind::Null) return r;
        if (n->kind != YNode::Kind::Sequence) {
            error(*n, what + " must be a list (e.g. [a, b] or '- a' lines), got " + kind_name(*n));
            return r;
        }
        for (size_t i = 0; i < n->items.size(); ++i) {
            std::string v = text(&n->items[i], what + "[" + std::to_string(i + 1) + "]");
            if (!v.empty()) r.push_back(v);
        }
        return r;
    }

    const std::vector<YNode>* list(const YNode* n, const std::string& what) {
        if (!n || n->kind == YNode::Kind::Null) return nullptr;
        if (n->kind != YNode::Kind::Sequence) {
            error(*n, what + " must be a list ('- ' items), got " + kind_name(*n));
            return nullptr;
        }
        return &n->items;
    }

    // A plain YAML number within [min, max] (min excluded when min_open).
    std::optional<double> number(const YNode* n, const std::string& what, double min, double max,
                                 bool min_open = false) {
        if (!n || n->kind == YNode::Kind::Null) return std::nullopt;
        if (n->kind != YNode::Kind::Scalar) {
            error(*n, what + " must be a number, got " + kind_name(*n));
            return std::nullopt;
        }
        const std::string& s = n->value;
        if (n->quoted) {
            error(*n, what + " must be a number, got quoted text (remove the quotes)");
            return std::nullopt;
        }
        std::string l = lower_ascii(s);
        if (l == ".nan" || l == "nan" || l == ".inf" || l == "+.inf" || l == "-.inf" || l == "inf" || l == "-inf" ||
            l == "+inf" || l == "infinity") {
            error(*n, what + " must be a finite number, got " + shown(s));
            return std::nullopt;
        }
        if (!looks_numeric(s)) {
            error(*n, what + " must be a number, got text");
            return std::nullopt;
        }
        errno = 0;
        char* end = nullptr;
        double v = std::strtod(s.c_str(), &end);
        if (errno == ERANGE && std::fabs(v) > 1) {
            error(*n, what + ": " + shown(s) + " is too large to be a number");
            return std::nullopt;
        }
        if (!std::isfinite(v)) {
            error(*n, what + " must be a finite number, got " + shown(s));
            return std::nullopt;
        }
        if (v < min || (min_open && v == min) || v > max) {
            error(*n, what + " must be " + range_text(min, max, min_open) + ", got " + shown(s));
            return std::nullopt;
        }
        return v;
    }

    std::optional<long> integer(const YNode* n, const std::string& what, long min, long max) {
        if (!n || n->kind == YNode::Kind::Null) return std::nullopt;
        if (n->kind != YNode::Kind::Scalar) {
            error(*n, what + " must be a whole number, got " + kind_name(*n));
            return std::nullopt;
        }
        const std::string& s = n->value;
        if (n->quoted) {
            error(*n, what + " must be a whole number, got quoted text (remove the quotes)");
            return std::nullopt;
        }
        size_t i = (!s.empty() && (s[0] == '+' || s[0] == '-')) ? 1 : 0;
        bool digits = i < s.size();
        for (size_t k = i; k < s.size(); ++k) digits = digits && s[k] >= '0' && s[k] <= '9';
        if (!digits) {
            if (looks_numeric(s))
                error(*n, what + " must be a whole number, got " + shown(s));
            else
                error(*n, what + " must be a whole number, got text");
            return std::nullopt;
        }
        errno = 0;
        long long v = std::strtoll(s.c_str(), nullptr, 10);
        if (errno == ERANGE || v < min || v > max) {
            error(*n, what + " must be a whole number from " + std::to_string(min) + " to " + std::to_string(max) +
                          ", got " + shown(s));
            return std::nullopt;
        }
        return static_cast<long>(v);
    }

    std::optional<bool> boolean(const YNode* n, const std::string& what) {
        if (!n || n->kind == YNode::Kind::Null) return std::nullopt;
        if (n->kind == YNode::Kind::Scalar) {
            std::string l = lower_ascii(n->value);
            if (l == "true") return true;
            if (l == "false") return false;
        }
        if (n->kind == YNode::Kind::Scalar)
            error(*n, what + " must be true or false, got " + shown(n->value));
        else
            error(*n, what + " must be true or false, got " + kind_name(*n));
        return std::nullopt;
    }

    // `personal`: do not repeat the value (a birthdate is personal data).
    std::optional<Date> date(const YNode* n, const std::string& what, bool personal) {
        if (!n || n->kind == YNode::Kind::Null) return std::nullopt;
        if (n->kind != YNode::Kind::Scalar) {
            error(*n, what + " must be a date (YYYY-MM-DD), got " + kind_name(*n));
            return std::nullopt;
        }
        const std::string& s = n->value;
        std::string echo = personal ? "" : " " + shown(s);
        bool shape = s.size() == 10 && s[4] == '-' && s[7] == '-';
        for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) shape = shape && i < s.size() && s[i] >= '0' && s[i] <= '9';
        if (!shape) {
            error(*n, what + " must be a date written YYYY-MM-DD (e.g. 2026-04-01), got" +
                          (personal ? std::string(" something else") : echo));
            return std::nullopt;
        }
        auto d = parse_iso_date(s);
        if (!d) {
            int y = std::atoi(s.substr(0, 4).c_str()), m = std::atoi(s.substr(5, 2).c_str());
            std::string why;
            if (y < 1850)
                why = "the year is before 1850";
            else if (m < 1 || m > 12)
                why = "there is no month " + std::to_string(m);
            else
                why = "that month has only " + std::to_string(days_in_month(y, m)) + " days";
            error(*n, what + (personal ? " is not a real calendar date (" : echo + " is not a real calendar date (") +
                          why + ")");
            return std::nullopt;
        }
        return d;
    }

    template <typename E, size_t N>
    std::optional<E> enumeration(const YNode* n, const std::string& what, const EnumName<E> (&names)[N]) {
        if (!n || n->kind == YNode::Kind::Null) return std::nullopt;
        std::vector<std::string> allowed;
        for (const auto& e : names) allowed.emplace_back(e.name);
        if (n->kind != YNode::Kind::Scalar) {
            error(*n, what + " must be one of: " + join(allowed) + "; got " + kind_name(*n));
            return std::nullopt;
        }
        for (const auto& e : names)
            if (n->value == e.name) return e.value;
        std::string msg = "unknown " + what + " " + shown(n->value);
        std::string s = suggest(n->value, allowed);
        if (!s.empty()) msg += " (did you mean '" + s + "'?)";
        msg += "; allowed: " + join(allowed);
        error(*n, msg);
        return std::nullopt;
    }

private:
    // Empty or only spaces (ASCII, tab, and the ideographic space U+3000).
    static bool blank(const std::string& s) {
        for (size_t i = 0; i < s.size();) {
            if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n') {
                ++i;
            } else if (s.compare(i, 3, "\xE3\x80\x80") == 0) {
                i += 3;
            } else {
                return false;
            }
        }
        return true;
    }

    static bool looks_numeric(const std::string& s) {
        // [+-] digits [. digits] [e [+-] digits], or .5
        size_t i = 0;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
        size_t digits = 0;
        while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++digits;
        if (i < s.size() && s[i] == '.') {
            ++i;
            while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++digits;
        }
        if (digits == 0) return false;
        if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
            ++i;
            if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
            size_t exp = 0;
            while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++exp;
            if (exp == 0) return false;
        }
        return i == s.size();
    }

    static std::string range_text(double min, double max, bool min_open) {
        if (max >= 1e9) return (min_open ? "greater than " : "at least ") + fmt_number(min);
        return (min_open ? "greater than " + fmt_number(min) + " and at most " : "between " + fmt_number(min) + " and ") +
               fmt_number(max);
    }

    const std::string& file_;
    std::vector<Diagnostic>& out_;
};

constexpr EnumName<Sex> kSexNames[] = {
    {"male", Sex::Male}, {"female", Sex::Female}, {"other", Sex::Other}, {"unknown", Sex::Unknown}};
constexpr EnumName<CareNeed> kCareNames[] = {
    {"ventilator", CareNeed::Ventilator},       {"tracheostomy", CareNeed::Tracheostomy},
    {"suction", CareNeed::Suction},             {"oxygen", CareNeed::Oxygen},
    {"tube_feeding", CareNeed::TubeFeeding},    {"iv", CareNeed::Iv},
    {"dialysis", CareNeed::Dialysis},           {"catheterisation", CareNeed::Catheterisation},
    {"ostomy", CareNeed::Ostomy},               {"blood_glucose", CareNeed::BloodGlucose},
    {"nebuliser", CareNeed::Nebuliser},         {"other", CareNeed::Other}};
constexpr EnumName<DeviceKind> kDeviceNames[] = {
    {"ventilator", DeviceKind::Ventilator},
    {"suction", DeviceKind::Suction},
    {"oxygen_concentrator", DeviceKind::OxygenConcentrator},
    {"oxygen_cylinder", DeviceKind::OxygenCylinder},
    {"feeding_pump", DeviceKind::FeedingPump},
    {"humidifier", DeviceKind::Humidifier},
    {"pulse_oximeter", DeviceKind::PulseOximeter},
    {"infusion_pump", DeviceKind::InfusionPump},
    {"cough_assist", DeviceKind::CoughAssist},
    {"bed", DeviceKind::Bed},
    {"air_mattress", DeviceKind::AirMattress},
    {"other", DeviceKind::Other}};
constexpr EnumName<BackupKind> kBackupNames[] = {{"power_station", BackupKind::PowerStation},
                                                 {"generator", BackupKind::Generator},
                                                 {"car_inverter", BackupKind::CarInverter},
                                                 {"other", BackupKind::Other}};
constexpr EnumName<BatteryOrder> kBatteryOrderNames[] = {{"external_first", BatteryOrder::ExternalFirst},
                                                        {"internal_first", BatteryOrder::InternalFirst}};
constexpr EnumName<DestinationType> kDestinationNames[] = {{"welfare_shelter", DestinationType::WelfareShelter},
                                                          {"hospital", DestinationType::Hospital},
                                                          {"relatives", DestinationType::Relatives},
                                                          {"evacuation_shelter", DestinationType::EvacuationShelter},
                                                          {"other", DestinationType::Other}};
constexpr EnumName<ContactRole> kRoleNames[] = {
    {"doctor", ContactRole::Doctor},
    {"hospital", ContactRole::Hospital},
    {"visiting_nurse", ContactRole::VisitingNurse},
    {"device_vendor", ContactRole::DeviceVendor},
    {"consultation_specialist", ContactRole::ConsultationSpecialist},
    {"care_coordinator", ContactRole::CareCoordinator},
    {"power_company", ContactRole::PowerCompany},
    {"relative", ContactRole::Relative},
    {"neighbour_supporter", ContactRole::NeighbourSupporter},
    {"municipality", ContactRole::Municipality},
    {"other", ContactRole::Other}};
constexpr EnumName<BuildingType> kBuildingNames[] = {
    {"detached", BuildingType::Detached}, {"apartment", BuildingType::Apartment}, {"other", BuildingType::Other}};

bool valid_blood_type(const std::string& s) {
    static const char* const kGroups[] = {"A", "B", "O", "AB"};
    for (const char* g : kGroups) {
        std::string base = g;
        if (s == base || s == base + " Rh+" || s == base + " Rh-") return true;
    }
    return false;
}

std::string index_name(const std::string& list, size_t i) { return list + "[" + std::to_string(i + 1) + "]"; }

void read_person(Checker& c, const YNode& root, const Checker::Map& top, Profile& p) {
    const YNode* node = c.require(top, "person", root);
    Checker::Map m = c.map(node, "person",
                           {"name", "kana", "birthdate", "sex", "blood_type", "weight_kg", "diagnoses", "care_needs",
                            "care_notes", "mobility", "communication", "allergies", "medications", "notes"});
    if (!m) return;
    Person& pe = p.person;
    pe.name = c.text(c.require(m, "name", *node), "person.name");
    pe.kana = c.text(m.get("kana"), "person.kana");
    if (auto d = c.date(c.require(m, "birthdate", *node), "person.birthdate", true)) pe.birthdate = *d;
    if (auto s = c.enumeration(m.get("sex"), "person.sex", kSexNames)) pe.sex = *s;
    if (const YNode* b = m.get("blood_type")) {
        std::string bt = c.text(b, "person.blood_type");
        if (!bt.empty() && !valid_blood_type(bt))
            c.error(*b, "person.blood_type must be A, B, O or AB, optionally followed by ' Rh+' or ' Rh-' (e.g. \"A Rh+\")");
        else
            pe.blood_type = bt;
    }
    if (auto w = c.number(m.get("weight_kg"), "person.weight_kg", 0, 300, true)) pe.weight_kg = *w;
    pe.diagnoses = c.text_list(m.get("diagnoses"), "person.diagnoses");
    if (auto* items = c.list(m.get("care_needs"), "person.care_needs"))
        for (const auto& it : *items)
            if (auto v = c.enumeration(&it, "care need", kCareNames)) pe.care_needs.push_back(*v);
    pe.care_notes = c.text(m.get("care_notes"), "person.care_notes");
    pe.mobility = c.text(m.get("mobility"), "person.mobility");
    pe.communication = c.text(m.get("communication"), "person.communication");
    pe.allergies = c.text_list(m.get("allergies"), "person.allergies");
    if (auto* items = c.list(m.get("medications"), "person.medications")) {
        for (size_t i = 0; i < items->size(); ++i) {
            std::string where = index_name("person.medications", i);
            Checker::Map mm = c.map(&(*items)[i], where, {"name", "dose", "timing"});
            if (!mm) {
                if ((*items)[i].kind == YNode::Kind::Null) c.error((*items)[i], where + " is empty");
                continue;
            }
            Medication med;
            med.name = c.text(c.require(mm, "name", (*items)[i]), where + ".name");
            med.dose = c.text(mm.get("dose"), where + ".dose");
            med.timing = c.text(mm.get("timing"), where + ".timing");
            pe.medications.push_back(std::move(med));
        }
    }
    pe.notes = c.text(m.get("notes"), "person.notes");
}

void read_location(Checker& c, const YNode* node, Household& h) {
    Checker::Map m = c.map(node, "household.location", {"lat", "lon"});
    if (!m) return;
    h.location_at.line = node->line;
    h.location_at.column = node->column;
    // Wide bounds here: the Japan check below gives the better message (and the swap hint).
    auto lat = c.number(c.require(m, "lat", *node), "household.location.lat", -1000, 1000);
    auto lon = c.number(c.require(m, "lon", *node), "household.location.lon", -1000, 1000);
    if (!lat || !lon) return;
    LatLon ll{*lat, *lon};
    if (!inside_japan_extent(ll)) {
        if (inside_japan_extent(LatLon{*lon, *lat}))
            c.error(*node, "household.location is outside Japan, and lat and lon look swapped: lat is the north-south "
                           "value (about 35.6 in Tama City), lon the east-west one (about 139.4)");
        else
            c.error(*node, "household.location is outside Japan (lat must be 20 to 46, lon 122 to 154); check the "
                           "coordinates (WGS84/JGD2011 degrees)");
        return;
    }
    h.location = ll;
}

void read_household(Checker& c, const YNode& root, const Checker::Map& top, Profile& p) {
    const YNode* node = c.require(top, "household", root);
    Checker::Map m = c.map(node, "household",
                           {"address", "district", "location", "location_source", "building", "living_floor",
                            "sleeping_floor", "members"});
    if (!m) return;
    Household& h = p.household;
    h.location_at.file = p.source_file;
    h.address = c.text(m.get("address"), "household.address");
    h.district = c.text(m.get("district"), "household.district");
    if (h.district.empty()) h.district = district_from_address(h.address);
    read_location(c, c.require(m, "location", *node), h);
    if (const YNode* ls = m.get("location_source")) {
        Checker::Map sm = c.map(ls, "household.location_source", {"method", "level", "gazetteer", "date"});
        if (sm) {
            LocationSource src;
            src.method = c.text(c.require(sm, "method", *ls), "household.location_source.method");
            src.level = c.text(sm.get("level"), "household.location_source.level");
            if (!src.level.empty() && src.level != "block" && src.level != "town")
                c.error(*sm.get("level"), "household.location_source.level must be block or town");
            src.gazetteer = c.text(sm.get("gazetteer"), "household.location_source.gazetteer");
            src.date = c.date(sm.get("date"), "household.location_source.date", false);
            h.location_source = src;
        }
    }

    const YNode* building = m.get("building");
    Checker::Map b = c.map(building, "household.building", {"type", "storeys", "elevator"});
    bool storeys_given = false;
    if (b) {
        if (auto t = c.enumeration(b.get("type"), "building type", kBuildingNames)) h.building_type = *t;
        if (auto s = c.integer(b.get("storeys"), "household.building.storeys", 1, 300)) {
            h.storeys = static_cast<int>(*s);
            storeys_given = true;
        } else if (b.get("storeys")) {
            storeys_given = true;  // bad value already reported; skip the floor checks against it
            h.storeys = 300;
        }
        if (auto e = c.boolean(b.get("elevator"), "household.building.elevator")) h.elevator = *e;
    }
    auto floor = [&](const char* key, int& out) {
        const YNode* f = m.get(key);
        auto v = c.integer(f, std::string("household.") + key, 1, 300);
        if (!v) return false;
        if (*v > h.storeys) {
            c.error(*f, std::string("household.") + key + " (" + std::to_string(*v) + ") is above the building's " +
                            (storeys_given ? "storeys (" + std::to_string(h.storeys) + ")"
                                           : "storeys (1: household.building.storeys is not given)"));
            return false;
        }
        out = static_cast<int>(*v);
        return true;
    };
    floor("living_floor", h.living_floor);
    if (!floor("sleeping_floor", h.sleeping_floor)) h.sleeping_floor = h.living_floor;

    if (auto* items = c.list(m.get("members"), "household.members")) {
        for (size_t i = 0; i < items->size(); ++i) {
            std::string where = index_name("household.members", i);
            Checker::Map mm = c.map(&(*items)[i], where, {"relation", "name", "age", "notes"});
            if (!mm) continue;
            HouseholdMember hm;
            hm.relation = c.text(mm.get("relation"), where + ".relation");
            hm.name = c.text(mm.get("name"), where + ".name");
            if (auto a = c.integer(mm.get("age"), where + ".age", 0, 130)) hm.age = static_cast<int>(*a);
            hm.notes = c.text(mm.get("notes"), where + ".notes");
            h.members.push_back(std::move(hm));
        }
    }
}

void read_devices(Checker& c, const Checker::Map& top, Profile& p) {
    auto* items = c.list(top.get("devices"), "devices");
    if (!items) return;
    for (size_t i = 0; i < items->size(); ++i) {
        const YNode& item = (*items)[i];
        std::string where = index_name("devices", i);
        Checker::Map m = c.map(&item, where,
                               {"kind", "name", "model", "hours_per_day", "watts", "internal_battery_h",
                                "external_batteries", "manual_fallback", "maintenance_contact", "vendor_phone_24h",
                                "power_dependent", "critical", "settings", "circuit", "humidifier", "battery_order"});
        if (!m) {
            if (item.kind == YNode::Kind::Null) c.error(item, where + " is empty");
            continue;
        }
        Device d;
        const YNode* kind = c.require(m, "kind", item);
        if (auto k = c.enumeration(kind, "device kind", kDeviceNames)) d.kind = *k;
        d.name = c.text(m.get("name"), where + ".name");
        if (kind && d.kind == DeviceKind::Other && d.name.empty() && kind->value == "other")
            c.error(*kind, where + ": kind: other needs a name (what the device is)");
        d.model = c.text(m.get("model"), where + ".model");
        // Magnitudes no device has (1e-200 W, 4.9e-324 h a day) are typing
        // slips; in the power model they underflow to 0 or make infinite
        // runtimes, so they are refused where they were written.
        auto tiny = [&](const char* key, double v, double smallest, const char* what) {
            if (v > 0 && v < smallest)
                c.error(*m.get(key), where + "." + key + " is above 0 but below " + what +
                                         ", which no device has: write 0 (unknown / not used) or the real value");
        };
        if (auto v = c.number(m.get("hours_per_day"), where + ".hours_per_day", 0, 24)) {
            d.hours_per_day = *v;
            tiny("hours_per_day", *v, 0.01, "0.01 h (36 seconds a day)");
        }
        if (auto v = c.number(m.get("watts"), where + ".watts", 0, 10000)) {
            d.watts = *v;
            tiny("watts", *v, 0.01, "0.01 W");
        }
        if (auto v = c.number(m.get("internal_battery_h"), where + ".internal_battery_h", 0, 1000))
            d.internal_battery_h = *v;
        Checker::Map eb = c.map(m.get("external_batteries"), where + ".external_batteries", {"count", "hours_each"});
        if (eb) {
            if (auto v = c.integer(eb.get("count"), where + ".external_batteries.count", 0, 100))
                d.external_battery_count = static_cast<int>(*v);
            if (auto v = c.number(eb.get("hours_each"), where + ".external_batteries.hours_each", 0, 1000))
                d.external_battery_h = *v;
        }
        d.manual_fallback = c.text(m.get("manual_fallback"), where + ".manual_fallback");
        d.maintenance_contact = c.text(m.get("maintenance_contact"), where + ".maintenance_contact");
        d.vendor_phone_24h = c.text(m.get("vendor_phone_24h"), where + ".vendor_phone_24h");
        d.power_dependent = default_power_dependent(d.kind);
        d.critical = default_critical(d.kind);
        if (auto v = c.boolean(m.get("power_dependent"), where + ".power_dependent")) d.power_dependent = *v;
        if (auto v = c.boolean(m.get("critical"), where + ".critical")) d.critical = *v;
        Checker::Map s = c.map(m.get("settings"), where + ".settings",
                               {"mode", "rate", "tidal_volume", "inspiratory_pressure", "peep", "oxygen", "other"});
        if (s) {
            VentilatorSettings vs;
            vs.mode = c.text(s.get("mode"), where + ".settings.mode");
            vs.rate = c.text(s.get("rate"), where + ".settings.rate");
            vs.tidal_volume = c.text(s.get("tidal_volume"), where + ".settings.tidal_volume");
            vs.inspiratory_pressure = c.text(s.get("inspiratory_pressure"), where + ".settings.inspiratory_pressure");
            vs.peep = c.text(s.get("peep"), where + ".settings.peep");
            vs.oxygen = c.text(s.get("oxygen"), where + ".settings.oxygen");
            vs.other = c.text(s.get("other"), where + ".settings.other");
            d.settings = std::move(vs);
        }
        d.circuit = c.text(m.get("circuit"), where + ".circuit");
        d.humidifier = c.text(m.get("humidifier"), where + ".humidifier");
        if (auto o = c.enumeration(m.get("battery_order"), "battery order", kBatteryOrderNames)) d.battery_order = *o;
        p.devices.push_back(std::move(d));
    }
}

void read_power_backup(Checker& c, const Checker::Map& top, Profile& p) {
    auto* items = c.list(top.get("power_backup"), "power_backup");
    if (!items) return;
    for (size_t i = 0; i < items->size(); ++i) {
        const YNode& item = (*items)[i];
        std::string where = index_name("power_backup", i);
        Checker::Map m = c.map(&item, where,
                               {"kind", "model", "capacity_wh", "efficiency", "output_w", "fuel", "fuel_hours",
                                "kept_outside_flood_zone"});
        if (!m) {
            if (item.kind == YNode::Kind::Null) c.error(item, where + " is empty");
            continue;
        }
        PowerBackup b;
        if (auto k = c.enumeration(c.require(m, "kind", item), "power_backup kind", kBackupNames)) b.kind = *k;
        b.model = c.text(m.get("model"), where + ".model");
        if (auto v = c.number(m.get("capacity_wh"), where + ".capacity_wh", 0, 1000000)) b.capacity_wh = *v;
        if (auto v = c.number(m.get("efficiency"), where + ".efficiency", 0, 1, true)) b.efficiency = *v;
        if (auto v = c.number(m.get("output_w"), where + ".output_w", 0, 100000)) b.output_w = *v;
        b.fuel = c.text(m.get("fuel"), where + ".fuel");
        if (auto v = c.number(m.get("fuel_hours"), where + ".fuel_hours", 0, 10000)) b.fuel_hours = *v;
        if (auto v = c.boolean(m.get("kept_outside_flood_zone"), where + ".kept_outside_flood_zone"))
            b.kept_outside_flood_zone = *v;
        p.power_backup.push_back(std::move(b));
    }
}

void read_contacts(Checker& c, const Checker::Map& top, Profile& p) {
    auto* items = c.list(top.get("contacts"), "contacts");
    if (!items) return;
    for (size_t i = 0; i < items->size(); ++i) {
        const YNode& item = (*items)[i];
        std::string where = index_name("contacts", i);
        Checker::Map m = c.map(&item, where, {"role", "name", "organisation", "phone", "notes"});
        if (!m) {
            if (item.kind == YNode::Kind::Null) c.error(item, where + " is empty");
            continue;
        }
        Contact ct;
        if (auto r = c.enumeration(c.require(m, "role", item), "contact role", kRoleNames)) ct.role = *r;
        ct.name = c.text(m.get("name"), where + ".name");
        ct.organisation = c.text(m.get("organisation"), where + ".organisation");
        ct.phone = c.text(m.get("phone"), where + ".phone");
        ct.notes = c.text(m.get("notes"), where + ".notes");
        if (ct.name.empty() && ct.organisation.empty()) c.error(item, where + " needs a name or an organisation");
        p.contacts.push_back(std::move(ct));
    }
}

// evacuation.destinations: places arranged in advance to go and stay.
void read_destinations(Checker& c, const Checker::Map& ev, Evacuation& e) {
    auto* items = c.list(ev.get("destinations"), "evacuation.destinations");
    if (!items) return;
    for (size_t i = 0; i < items->size(); ++i) {
        const YNode& item = (*items)[i];
        std::string where = index_name("evacuation.destinations", i);
        Checker::Map m = c.map(&item, where, {"type", "name", "address", "phone", "agreed", "power", "notes"});
        if (!m) {
            if (item.kind == YNode::Kind::Null) c.error(item, where + " is empty");
            continue;
        }
        ArrangedDestination d;
        d.at = SourceLocation{c.file(), item.line, item.column};
        if (auto t = c.enumeration(c.require(m, "type", item), "destination type", kDestinationNames)) d.type = *t;
        d.name = c.text(m.get("name"), where + ".name");
        if (d.name.empty()) c.error(item, where + " needs a name (the place, e.g. 都立神経病院)");
        d.address = c.text(m.get("address"), where + ".address");
        d.phone = c.text(m.get("phone"), where + ".phone");
        d.notes = c.text(m.get("notes"), where + ".notes");
        // Welfare shelters and hospitals receive only people they agreed to take.
        d.agreed = d.type == DestinationType::Relatives || d.type == DestinationType::Other ||
                   d.type == DestinationType::EvacuationShelter;
        if (auto v = c.boolean(m.get("agreed"), where + ".agreed")) d.agreed = *v;
        if (d.type == DestinationType::Hospital) d.power = true;
        if (auto v = c.boolean(m.get("power"), where + ".power")) d.power = *v;
        e.destinations.push_back(std::move(d));
    }
}

void read_evacuation(Checker& c, const Checker::Map& top, Profile& p) {
    Checker::Map m = c.map(top.get("evacuation"), "evacuation",
                           {"shelter", "welfare_shelter", "alternative", "destinations", "transport", "helpers_needed",
                            "supporters", "charge_locations", "notes"});
    if (!m) return;
    Evacuation& e = p.evacuation;
    e.shelter = c.text(m.get("shelter"), "evacuation.shelter");
    e.welfare_shelter = c.text(m.get("welfare_shelter"), "evacuation.welfare_shelter");
    e.alternative = c.text(m.get("alternative"), "evacuation.alternative");
    e.transport = c.text(m.get("transport"), "evacuation.transport");
    if (auto v = c.integer(m.get("helpers_needed"), "evacuation.helpers_needed", 0, 100))
        e.helpers_needed = static_cast<int>(*v);
    if (auto* items = c.list(m.get("supporters"), "evacuation.supporters")) {
        for (size_t i = 0; i < items->size(); ++i) {
            std::string where = index_name("evacuation.supporters", i);
            Checker::Map mm = c.map(&(*items)[i], where, {"name", "relation", "phone"});
            if (!mm) continue;
            Supporter s;
            s.name = c.text(mm.get("name"), where + ".name");
            s.relation = c.text(mm.get("relation"), where + ".relation");
            s.phone = c.text(mm.get("phone"), where + ".phone");
            e.supporters.push_back(std::move(s));
        }
    }
    if (auto* items = c.list(m.get("charge_locations"), "evacuation.charge_locations")) {
        for (size_t i = 0; i < items->size(); ++i) {
            std::string where = index_name("evacuation.charge_locations", i);
            Checker::Map mm = c.map(&(*items)[i], where, {"name", "address", "notes"});
            if (!mm) continue;
            ChargeLocation cl;
            cl.name = c.text(mm.get("name"), where + ".name");
            cl.address = c.text(mm.get("address"), where + ".address");
            cl.notes = c.text(mm.get("notes"), where + ".notes");
            e.charge_locations.push_back(std::move(cl));
        }
    }
    e.notes = c.text(m.get("notes"), "evacuation.notes");
    read_destinations(c, m, e);
}

// Optional stock and per-day use for the ventilator plan's checklist.
void read_supplies(Checker& c, const Checker::Map& top, Profile& p) {
    Checker::Map m = c.map(top.get("supplies"), "supplies",
                           {"suction_per_day", "suction_catheters", "spare_circuits", "medication_days", "stock_days"});
    if (!m) return;
    auto whole = [&](const char* key, long max) -> std::optional<int> {
        if (auto v = c.integer(m.get(key), std::string("supplies.") + key, 0, max)) return static_cast<int>(*v);
        return std::nullopt;
    };
    SupplyStock& s = p.supplies;
    s.suction_per_day = whole("suction_per_day", 500);
    s.suction_catheters = whole("suction_catheters", 100000);
    s.spare_circuits = whole("spare_circuits", 100);
    s.medication_days = whole("medication_days", 365);
    s.stock_days = whole("stock_days", 365);
}

void read_profile(Checker& c, const YNode& root, Profile& p, SourceLocation& id_at) {
    Checker::Map top = c.map(&root, "the profile",
                             {"schema", "id", "updated", "draft", "person", "household", "devices", "power_backup",
                              "contacts", "evacuation", "consent", "supplies"});
    if (!top) return;
    if (const YNode* s = c.require(top, "schema", root)) {
        std::string schema = c.text(s, "schema");
        if (s->kind == YNode::Kind::Scalar && schema != kProfileSchemaV1)
            // The schema line is never personal data: show it exactly (a stray space matters).
            c.error(*s, "schema must be exactly '" + std::string(kProfileSchemaV1) + "', got " + shown_schema(schema));
    }
    if (const YNode* idn = c.require(top, "id", root)) {
        std::string id = c.text(idn, "id");
        if (idn->kind == YNode::Kind::Scalar) {
            if (is_valid_profile_id(id) == false && id_has_reserved_suffix(id))
                c.error(*idn, "id " + shown(id) + " is not allowed: it ends in '" + std::string(kPlanFileSuffix) +
                                  "', which names another household's evacuation plan file (<id>" +
                                  std::string(kPlanFileSuffix) + ".pdf); choose an id without that ending");
            else if (!is_valid_profile_id(id))
                c.error(*idn, "id " + shown(id) +
                                  " is not allowed: use 1 to 64 letters A-Z a-z, digits, '-' or '_' (it becomes a file "
                                  "name), and not a Windows device name such as CON, PRN, AUX, NUL, COM1 or LPT1");
            else
                p.id = id;
            id_at = SourceLocation{p.source_file, idn->line, idn->column};
        }
    }
    const YNode* updated_node = c.require(top, "updated", root);
    auto updated = c.date(updated_node, "updated", false);
    if (updated) p.updated = *updated;

    read_person(c, root, top, p);
    if (updated && top.get("person")) {
        const YNode* person = top.get("person");
        if (person->kind == YNode::Kind::Map) {
            for (size_t i = 0; i < person->map_size(); ++i)
                if (person->key(i).value == "birthdate" && p.person.birthdate.year != 0 && *updated < p.person.birthdate)
                    c.error(person->val(i), "person.birthdate is after the profile's 'updated' date (" +
                                                updated->iso() + "): check both dates");
        }
    }
    read_household(c, root, top, p);
    read_devices(c, top, p);
    read_power_backup(c, top, p);
    read_contacts(c, top, p);
    read_evacuation(c, top, p);
    read_supplies(c, top, p);

    const YNode* cn = c.require(top, "consent", root);
    Checker::Map cm = c.map(cn, "consent", {"share_with_supporters", "date"});
    if (cm) {
        if (auto v = c.boolean(c.require(cm, "share_with_supporters", *cn), "consent.share_with_supporters"))
            p.consent.share_with_supporters = *v;
        p.consent.date = c.date(cm.get("date"), "consent.date", false);
    }
    if (const YNode* d = top.get("draft")) {
        if (auto v = c.boolean(d, "draft")) p.draft = *v;
        if (p.draft) c.draft_warning(*d, p);
    }
}

// Flow brackets nested deeper than the limit, found without a parser (outside
// quotes and comments). Block nesting is caught while parsing.
std::optional<size_t> too_deep_flow(std::string_view t, int max_depth) {
    int depth = 0;
    char quote = 0;
    for (size_t i = 0; i < t.size(); ++i) {
        char ch = t[i];
        if (quote) {
            if (quote == '"' && ch == '\\') {
                ++i;
            } else if (ch == quote) {
                if (quote == '\'' && i + 1 < t.size() && t[i + 1] == '\'')
                    ++i;
                else
                    quote = 0;
            }
            continue;
        }
        char prev = i ? t[i - 1] : '\n';
        bool token_start = prev == ' ' || prev == '\n' || prev == '\t' || prev == '[' || prev == '{' || prev == ',' ||
                           prev == ':' || prev == '-';
        if ((ch == '"' || ch == '\'') && token_start) {
            quote = ch;
        } else if (ch == '#' && (prev == ' ' || prev == '\n' || prev == '\t')) {
            while (i < t.size() && t[i] != '\n') ++i;
        } else if (ch == '[' || ch == '{') {
            if (++depth > max_depth) return i;
        } else if ((ch == ']' || ch == '}') && depth > 0) {
            --depth;
        }
    }
    return std::nullopt;
}

// First tab in a line's leading whitespace, at or before `last_line` (1-based).
std::optional<std::pair<int, int>> tab_in_indentation(std::string_view t, int last_line) {
    int line = 1;
    size_t i = 0;
    while (i < t.size() && line <= last_line) {
        int col = 1;
        while (i < t.size() && (t[i] == ' ' || t[i] == '\t')) {
            if (t[i] == '\t') return std::make_pair(line, col);
            ++i, ++col;
        }
        while (i < t.size() && t[i] != '\n') ++i;
        ++i, ++line;
    }
    return std::nullopt;
}

// A full-width character where YAML needs an ASCII one, at or before
// `last_line`: an ideographic space U+3000 in a line's indentation, or a
// full-width colon U+FF1A right after a key with no ASCII ':' on the line.
// Japanese input methods type both; yaml-cpp then says only "illegal map
// value", often at the next line. Returns line, column (characters), message.
struct FullWidthHint {
    int line = 0, column = 0;
    std::string message;
};
std::optional<FullWidthHint> full_width_in_syntax(std::string_view t, int first_line, int last_line) {
    static const std::string kIdeoSpace = "\xE3\x80\x80", kFullColon = "\xEF\xBC\x9A";
    int line = 1;
    size_t i = 0;
    while (i < t.size() && line <= last_line) {
        size_t eol = t.find('\n', i);
        if (eol == std::string_view::npos) eol = t.size();
        std::string_view l = t.substr(i, eol - i);
        if (line < first_line) {  // a '：' in a value far above is not the cause
            i = eol + 1;
            ++line;
            continue;
        }
        auto column_of = [&](size_t byte) {  // 1-based, in code points
            int col = 1;
            for (size_t k = 0; k < byte; ++k)
                if ((static_cast<unsigned char>(l[k]) & 0xC0) != 0x80) ++col;
            return col;
        };
        size_t k = 0;
        while (k < l.size()) {
            if (l[k] == ' ' || l[k] == '-') {
                ++k;
            } else if (l.compare(k, 3, kIdeoSpace) == 0) {
                return FullWidthHint{line, column_of(k),
                                     "full-width space (U+3000, 全角スペース) in the indentation: YAML indents with "
                                     "ASCII spaces only (replace it with two spaces)"};
            } else {
                break;
            }
        }
        const std::string_view rest = l.substr(k);
        if (!rest.empty() && rest[0] != '#') {
            const size_t colon = rest.find(kFullColon);
            const size_t ascii = rest.find(':');
            if (colon != std::string_view::npos && (ascii == std::string_view::npos || ascii > colon))
                return FullWidthHint{line, column_of(k + colon),
                                     "full-width colon (：, U+FF1A, 全角コロン) after a key: YAML needs an ASCII ':' "
                                     "followed by a space"};
        }
        i = eol + 1;
        ++line;
    }
    return std::nullopt;
}

void sort_diagnostics(std::vector<Diagnostic>& d) {
    std::stable_sort(d.begin(), d.end(), [](const Diagnostic& a, const Diagnostic& b) {
        if (a.where.line != b.where.line) return a.where.line < b.where.line;
        return a.where.column < b.where.column;
    });
}

}  // namespace

bool id_has_reserved_suffix(const std::string& id) {
    const std::string suffix = kPlanFileSuffix;
    std::string l = lower_ascii(id);
    return l.size() >= suffix.size() && l.compare(l.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool is_valid_profile_id(const std::string& id) {
    if (id.empty() || id.size() > 64) return false;
    // Document names must be unique over a run by construction: <id>.pdf may
    // never equal another household's <id>-ventilator-plan.pdf.
    if (id_has_reserved_suffix(id)) return false;
    for (char ch : id)
        if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '-' && ch != '_') return false;
    std::string u = lower_ascii(id);
    if (u == "con" || u == "prn" || u == "aux" || u == "nul") return false;
    if (u.size() == 4 && (u.rfind("com", 0) == 0 || u.rfind("lpt", 0) == 0) && u[3] >= '1' && u[3] <= '9')
        return false;
    return true;
}

std::string district_from_address(const std::string& address) {
    std::string rest;
    auto after = [&](const std::string& marker) -> bool {
        size_t p = address.find(marker);
        if (p == std::string::npos) return false;
        rest = address.substr(p + marker.size());
        return true;
    };
    if (!after("多摩市") && !after("市") && !after("区") && !after("町") && !after("村")) {
        // No city in the address (some open data omits it): drop a prefecture prefix.
        if (!after("都") && !after("道") && !after("府") && !after("県")) rest = address;
    }
    size_t end = rest.size();
    for (size_t i = 0; i < rest.size(); ++i) {
        unsigned char ch = static_cast<unsigned char>(rest[i]);
        if (std::isdigit(ch) || rest.compare(i, 6, "丁目") == 0 ||
            (ch == 0xEF && i + 2 < rest.size() && static_cast<unsigned char>(rest[i + 1]) == 0xBC &&
             static_cast<unsigned char>(rest[i + 2]) >= 0x90 && static_cast<unsigned char>(rest[i + 2]) <= 0x99)) {
            end = i;  // ASCII digit, 丁目 or a full-width digit (U+FF10..FF19)
            break;
        }
    }
    std::string d = rest.substr(0, end);
    if (rest.compare(end, 6, "丁目") == 0) {
        // 関戸一丁目: drop the kanji numeral before 丁目.
        static const char* const kNumerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
        bool stripped = true;
        while (stripped && d.size() >= 3) {
            stripped = false;
            for (const char* n : kNumerals)
                if (d.compare(d.size() - 3, 3, n) == 0) {
                    d.resize(d.size() - 3);
                    stripped = true;
                    break;
                }
        }
    }
    // Trim spaces (ASCII and the ideographic space U+3000).
    while (!d.empty() && d.back() == ' ') d.pop_back();
    while (d.size() >= 3 && d.compare(d.size() - 3, 3, "\xE3\x80\x80") == 0) d.resize(d.size() - 3);
    while (!d.empty() && d.front() == ' ') d.erase(0, 1);
    return d;
}

ProfileResult parse_profile(std::string_view text, const std::string& file_name) {
    ProfileResult r;
    auto fail = [&](int line, int col, const std::string& msg) {
        r.diagnostics.push_back(Diagnostic{{file_name, line, col}, msg});
        return r;
    };
    if (text.size() > kMaxProfileBytes)
        return fail(0, 0, "file too large (" + std::to_string(text.size()) + " bytes; the limit is " +
                              std::to_string(kMaxProfileBytes / (1024 * 1024)) +
                              " MiB and a profile is a few KB): is this the right file?");
    if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.remove_prefix(3);  // UTF-8 BOM

    if (auto bad = find_invalid_utf8(text)) {
        std::string enc = guess_encoding(text);
        ColumnMap cols(text);
        int col = cols.char_column(bad->line - 1, bad->column - 1);
        if (enc == "binary data (NUL bytes)")
            return fail(bad->line, col,
                        "this is not a text file (binary data with NUL bytes): a profile is UTF-8 YAML text");
        if (enc.rfind("UTF-16", 0) == 0)  // its first bad byte is meaningless: point at the start
            return fail(1, 1, "the file is not UTF-8: it looks like " + enc +
                                  ". Save it as UTF-8 (e.g. in Notepad/メモ帳: 名前を付けて保存 → 文字コード UTF-8) "
                                  "and check again");
        if (enc == "unknown") {
            // A mostly-UTF-8 file with one pasted Shift_JIS line: judge the bad line alone.
            size_t eol = text.find('\n', bad->offset);
            std::string_view rest = text.substr(bad->offset, eol == std::string_view::npos ? eol : eol - bad->offset);
            if (guess_encoding(rest) == "Shift_JIS")
                return fail(bad->line, col, "the file is not UTF-8: the text here looks like Shift_JIS (pasted from "
                                            "another file?). Save the file as UTF-8 and check again");
        }
        if (enc == "unknown")
            return fail(bad->line, col, "the file is not valid UTF-8 text (encoding not recognised): save it as UTF-8");
        return fail(bad->line, col, "the file is not UTF-8: it looks like " + enc +
                                        ". Save it as UTF-8 (e.g. in Notepad/メモ帳: 名前を付けて保存 → 文字コード "
                                        "UTF-8) and check again");
    }
    if (size_t nul = text.find('\0'); nul != std::string_view::npos) {
        std::string enc = guess_encoding(text);
        std::string_view before = text.substr(0, nul);
        int line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
        ColumnMap cols(text);
        size_t line_start = before.rfind('\n');
        line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
        int col = cols.char_column(line - 1, static_cast<int>(nul - line_start));
        if (enc.rfind("UTF-16", 0) == 0)
            return fail(1, 1, "the file is not UTF-8: it looks like " + enc + ". Save it as UTF-8 and check again");
        return fail(line, col, "the file contains NUL bytes (binary data?): a profile is YAML text");
    }
    if (auto at = too_deep_flow(text, kMaxProfileDepth)) {
        std::string_view before = text.substr(0, *at);
        int line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
        size_t ls = before.rfind('\n');
        ls = ls == std::string_view::npos ? 0 : ls + 1;
        ColumnMap cols(text);
        return fail(line, cols.char_column(line - 1, static_cast<int>(*at - ls)),
                    "nesting too deep (more than " + std::to_string(kMaxProfileDepth) +
                        " levels of [ ] or { }): a profile needs only a few levels");
    }

    profile_detail::YamlTree tree = profile_detail::read_yaml_tree(text, file_name, kMaxProfileDepth);
    if (!tree.root && !tree.problems.empty()) {
        // A syntax error: tabs in indentation are the usual cause and yaml-cpp's
        // own message for them ("illegal map value") does not say so.
        Diagnostic& d = tree.problems.back();
        if (d.message.rfind("YAML syntax error", 0) == 0 && d.where.line > 0) {
            if (auto tab = tab_in_indentation(text, d.where.line))
                d = Diagnostic{{file_name, tab->first, tab->second},
                               "tab character used for indentation: YAML indents with spaces only (replace the tab "
                               "with spaces)"};
            else if (auto fw = full_width_in_syntax(text, d.where.line - 2, d.where.line))
                d = Diagnostic{{file_name, fw->line, fw->column}, fw->message};
        }
    }
    r.diagnostics = std::move(tree.problems);
    if (!tree.root) {
        if (r.diagnostics.empty())
            r.diagnostics.push_back(Diagnostic{{file_name, 0, 0}, "empty profile: the file has no content (only blank "
                                                                  "lines or comments)"});
        sort_diagnostics(r.diagnostics);
        return r;
    }
    const YNode& root = *tree.root;
    if (root.kind == YNode::Kind::Null) {
        r.diagnostics.push_back(Diagnostic{{file_name, 0, 0}, "empty profile: the file has no content"});
        sort_diagnostics(r.diagnostics);
        return r;
    }
    if (root.kind != YNode::Kind::Map) {
        r.diagnostics.push_back(Diagnostic{{file_name, root.line, root.column},
                                           std::string("expected a mapping (schema:, id:, person: ... lines) at the top "
                                                       "level, got ") +
                                               kind_name(root)});
        sort_diagnostics(r.diagnostics);
        return r;
    }

    Profile p;
    p.source_file = file_name;
    Checker checker(file_name, r.diagnostics);
    read_profile(checker, root, p, r.id_at);
    sort_diagnostics(r.diagnostics);
    bool any_error = std::any_of(r.diagnostics.begin(), r.diagnostics.end(),
                                 [](const Diagnostic& d) { return d.severity == Severity::Error; });
    if (!any_error) r.profile = std::move(p);
    return r;
}

namespace {
// Why a path cannot be read as a profile file, or "" when it is a regular
// file (after following symbolic links). Never opens the path: a FIFO would
// block open() forever.
std::string unreadable_reason(const std::string& path, bool* is_dir = nullptr) {
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0) {
        if (S_ISREG(st.st_mode)) return "";
        if (S_ISDIR(st.st_mode)) {
            if (is_dir) *is_dir = true;
            return "is a directory, not a profile file";
        }
        if (S_ISFIFO(st.st_mode)) return "is a FIFO (named pipe), not a profile file: it cannot be read";
        if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)) return "is a device, not a profile file";
        if (S_ISSOCK(st.st_mode)) return "is a socket, not a profile file";
        return "is not a regular file";
    }
    const int err = errno;
    struct stat lst {};
    if (err == ELOOP) return "is a symbolic link loop: it cannot be read";
    if (::lstat(path.c_str(), &lst) == 0 && S_ISLNK(lst.st_mode))
        return "is a symbolic link to a file that does not exist (dangling link)";
    if (err == ENOENT) return "no such file or directory";
    return std::string("cannot read the file: ") + std::strerror(err);
}
}  // namespace

ProfileResult load_profile_file(const std::string& path) {
    namespace fs = std::filesystem;
    ProfileResult r;
    std::error_code ec;
    // Non-blocking open + fstat: a FIFO or device put in place of a profile
    // is refused instead of blocking the run forever.
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        int err = errno;
        std::string why = unreadable_reason(path);
        if (why.empty() || (err == ENOENT && why == "no such file or directory"))
            why = std::string("cannot read the file: ") + std::strerror(err);
        r.diagnostics.push_back(Diagnostic{{path, 0, 0}, why});
        return r;
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        std::string why = unreadable_reason(path);
        r.diagnostics.push_back(Diagnostic{{path, 0, 0}, why.empty() ? "is not a regular file" : why});
        return r;
    }
    // Read in chunks, at most one byte past the cap, so a huge file is never
    // loaded whole and a small one costs no more than its size (a cap-sized
    // buffer per file was the parser's biggest cost). Read from the checked
    // descriptor, not the path again, so nothing can be swapped in between.
    std::string bytes;
    char chunk[16384];
    bool io_error = false;
    while (bytes.size() <= kMaxProfileBytes) {
        const size_t want = std::min(sizeof chunk, kMaxProfileBytes + 1 - bytes.size());
        ssize_t n = ::read(fd, chunk, want);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) io_error = true;
        if (n <= 0) break;
        bytes.append(chunk, static_cast<size_t>(n));
    }
    ::close(fd);
    if (io_error) {
        r.diagnostics.push_back(Diagnostic{{path, 0, 0}, "cannot read the file (I/O error)"});
        return r;
    }
    if (bytes.size() > kMaxProfileBytes) {
        auto size = fs::file_size(path, ec);
        r.diagnostics.push_back(Diagnostic{
            {path, 0, 0},
            "file too large (" + (ec ? std::string("over 4 MiB") : std::to_string(size) + " bytes") +
                "; the limit is 4 MiB and a profile is a few KB): is this the right file?"});
        return r;
    }
    return parse_profile(bytes, path);
}

std::vector<std::string> expand_profile_paths(const std::vector<std::string>& paths,
                                              std::vector<Diagnostic>& problems) {
    namespace fs = std::filesystem;
    std::vector<std::string> out;
    for (const auto& path : paths) {
        bool is_dir = false;
        std::string why = unreadable_reason(path, &is_dir);
        if (!is_dir) {
            if (why.empty())
                out.push_back(path);
            else
                problems.push_back(Diagnostic{{path, 0, 0}, why});
            continue;
        }
        std::string prefix = path;
        if (prefix.back() != '/') prefix += '/';
        std::vector<std::pair<std::string, bool>> names;  // name, regular file
        std::error_code ec;
        fs::directory_iterator it(path, ec), end;
        if (ec) {
            problems.push_back(Diagnostic{{path, 0, 0}, "cannot list the directory: " + ec.message()});
            continue;
        }
        for (; it != end; it.increment(ec)) {
            if (ec) break;
            std::string name = it->path().filename().string();
            auto ends_with = [&](const std::string& suf) {
                return name.size() > suf.size() && name.compare(name.size() - suf.size(), suf.size(), suf) == 0;
            };
            if (!ends_with(".yaml") && !ends_with(".yml")) continue;
            // The entry's type comes with the listing (no extra stat for a
            // plain file); anything else is looked at closely below.
            std::error_code ec2;
            const bool regular = it->is_regular_file(ec2) && !ec2;
            names.emplace_back(name, regular);
        }
        if (ec) {
            problems.push_back(Diagnostic{{path, 0, 0}, "cannot list the directory: " + ec.message()});
            continue;
        }
        std::sort(names.begin(), names.end());
        for (const auto& [n, regular] : names) {
            // Every *.yaml entry is a household someone meant to include: one
            // that cannot be read is reported, never skipped silently.
            std::string entry_why = regular ? "" : unreadable_reason(prefix + n);
            if (!entry_why.empty()) {
                problems.push_back(Diagnostic{{prefix + n, 0, 0}, entry_why});
                continue;
            }
            out.push_back(prefix + n);
        }
        if (names.empty())
            problems.push_back(Diagnostic{{path, 0, 0}, "no profiles (*.yaml, *.yml) in this directory"});
    }
    return out;
}

std::optional<Diagnostic> IdRegistry::add(const std::string& id, const SourceLocation& id_at) {
    if (id.empty()) return std::nullopt;
    std::string key = lower_ascii(id);
    auto [it, inserted] = seen_.emplace(key, id_at);
    if (inserted) return std::nullopt;
    std::string msg = "duplicate id '" + id + "': already used by " + format_location(it->second) +
                      " (ids must be unique: they name the output files";
    msg += key == id ? ")" : "; upper and lower case count as the same)";
    return Diagnostic{id_at, msg};
}

std::optional<Diagnostic> IdRegistry::add(const ProfileResult& r) {
    if (!r.profile) return std::nullopt;
    return add(r.profile->id, r.id_at);
}

}  // namespace sheetgen

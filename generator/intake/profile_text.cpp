#include "intake/profile_text.hpp"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <sstream>

#include <yaml-cpp/yaml.h>

namespace sheetgen::intake {

std::string quote(const std::string& s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        if (c == '"') out += "\\\"";
        else if (c == '\\') out += "\\\\";
        else if (c == '\n') out += "\\n";
        else if (c == '\t') out += "\\t";
        else if (c < 0x20 || c == 0x7F) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02X", c);
            out += buf;
        } else out += static_cast<char>(c);
    }
    return out + "\"";
}

std::string format_degrees(double v) {
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, res.ptr);
}

namespace {

std::string location_yaml(const LatLon& p) {
    return "{lat: " + format_degrees(p.lat) + ", lon: " + format_degrees(p.lon) + "}";
}

std::string source_yaml(const FoundBy& s) {
    std::string y = "{method: " + s.method;
    if (!s.level.empty()) y += ", level: " + s.level;
    if (!s.gazetteer.empty()) y += ", gazetteer: " + quote(s.gazetteer);
    if (!s.date.empty()) y += ", date: " + s.date;
    return y + "}";
}

}  // namespace

std::vector<OwnedValue> owned_values(const Record& r, bool with_location) {
    std::vector<OwnedValue> v;
    v.push_back({"person.name", quote(r.name)});
    if (r.kana) v.push_back({"person.kana", quote(*r.kana)});
    v.push_back({"person.birthdate", r.birthdate.iso()});
    if (r.sex) v.push_back({"person.sex", *r.sex});
    if (r.address) v.push_back({"household.address", quote(*r.address)});
    if (with_location && r.location) v.push_back({"household.location", location_yaml(*r.location)});
    if (with_location && r.source) v.push_back({"household.location_source", source_yaml(*r.source)});
    if (r.floor) v.push_back({"household.living_floor", std::to_string(*r.floor)});
    if (r.consent) v.push_back({"consent.share_with_supporters", *r.consent ? "true" : "false"});
    return v;
}

std::string new_profile_text(const Record& r, const Date& today) {
    std::ostringstream o;
    o << "# Imported from the ledger by sheetgen import: a draft (下書き) to complete at a home visit.\n"
      << "# Lines the ledger owns are updated by the next import; everything else is yours.\n"
      << "schema: sheetgen/profile-v1\n"
      << "id: " << quote(r.id) << "\n"
      << "updated: " << today.iso() << "\n"
      << "draft: true\n";
    auto owned = owned_values(r);
    auto value = [&](const std::string& path) -> const std::string* {
        for (const auto& x : owned)
            if (x.path == path) return &x.yaml;
        return nullptr;
    };
    auto line = [&](const char* indent, const std::string& path, const char* key) {
        if (const std::string* v = value(path)) o << indent << key << ": " << *v << "\n";
    };
    o << "person:\n";
    line("  ", "person.name", "name");
    line("  ", "person.kana", "kana");
    line("  ", "person.birthdate", "birthdate");
    line("  ", "person.sex", "sex");
    if (r.reason) o << "  notes: " << quote("避難支援等を必要とする事由: " + *r.reason) << "\n";
    o << "household:\n";
    line("  ", "household.address", "address");
    line("  ", "household.location", "location");
    line("  ", "household.location_source", "location_source");
    // The floor needs a building at least that tall; the real storeys are for the home visit.
    if (r.floor && *r.floor > 1) o << "  building: {storeys: " << *r.floor << "}\n";
    line("  ", "household.living_floor", "living_floor");
    if (r.phone || r.emergency_contact) {
        o << "contacts:\n";
        if (r.phone) o << "  - {role: other, name: 自宅, phone: " << quote(*r.phone) << "}\n";
        if (r.emergency_contact) o << "  - {role: relative, name: " << quote(*r.emergency_contact) << ", notes: 緊急連絡先}\n";
    }
    if (r.supporter) o << "evacuation:\n  supporters:\n    - {name: " << quote(*r.supporter) << "}\n";
    o << "consent:\n";
    o << "  share_with_supporters: " << (r.consent && *r.consent ? "true" : "false") << "\n";
    return o.str();
}

namespace {

struct Lines {
    std::vector<std::string> lines;
    bool crlf = false;
    bool final_newline = true;
};

Lines split_lines(const std::string& text) {
    Lines l;
    l.crlf = text.find("\r\n") != std::string::npos;
    l.final_newline = !text.empty() && text.back() == '\n';
    std::string cur;
    for (char c : text) {
        if (c == '\n') {
            if (l.crlf && !cur.empty() && cur.back() == '\r') cur.pop_back();
            l.lines.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (!cur.empty()) l.lines.push_back(cur);
    return l;
}

std::string join_lines(const Lines& l) {
    std::string out;
    const char* nl = l.crlf ? "\r\n" : "\n";
    for (size_t i = 0; i < l.lines.size(); ++i) {
        out += l.lines[i];
        if (i + 1 < l.lines.size() || l.final_newline) out += nl;
    }
    return out;
}

int indent_of(const std::string& line) {
    int n = 0;
    while (n < static_cast<int>(line.size()) && line[n] == ' ') ++n;
    return n;
}
bool blank_or_comment(const std::string& line) {
    size_t i = line.find_first_not_of(' ');
    return i == std::string::npos || line[i] == '#';
}

// The " # comment" at the end of a key line, outside quotes ("" when none).
std::string trailing_comment(const std::string& line, size_t value_start) {
    char q = 0;
    for (size_t i = value_start; i < line.size(); ++i) {
        char c = line[i];
        if (q) {
            if (c == '\\' && q == '"') ++i;
            else if (c == q) q = 0;
        } else if (c == '"' || c == '\'') {
            q = c;
        } else if (c == '#' && i > 0 && (line[i - 1] == ' ' || line[i - 1] == '\t')) {
            size_t b = i;
            while (b > value_start && (line[b - 1] == ' ' || line[b - 1] == '\t')) --b;
            return line.substr(b);
        }
    }
    return "";
}

// Whether the existing node already holds the wanted value.
bool same_value(const YAML::Node& have, const std::string& want_yaml) {
    YAML::Node want;
    try {
        want = YAML::Load(want_yaml);
    } catch (const YAML::Exception&) {
        return false;
    }
    if (want.IsScalar()) {
        if (!have.IsScalar()) return false;
        return have.Scalar() == want.Scalar();
    }
    if (want.IsMap()) {
        if (!have.IsMap() || have.size() != want.size()) return false;
        for (auto it = want.begin(); it != want.end(); ++it) {
            YAML::Node h = have[it->first.Scalar()];
            if (!h || !h.IsScalar()) return false;
            const std::string &a = h.Scalar(), &b = it->second.Scalar();
            if (a == b) continue;
            // Coordinates compare as numbers (35.65 == 35.650).
            char *ea = nullptr, *eb = nullptr;
            double x = std::strtod(a.c_str(), &ea), y = std::strtod(b.c_str(), &eb);
            if (*ea || *eb || ea == a.c_str() || x != y) return false;
        }
        return true;
    }
    return false;
}

// Finds `key` in the block map at `node` by its line: the line index of the key.
std::optional<int> key_line(const YAML::Node& map, const std::string& key) {
    for (auto it = map.begin(); it != map.end(); ++it)
        if (it->first.IsScalar() && it->first.Scalar() == key) return it->first.Mark().line;
    return std::nullopt;
}

}  // namespace

MergeResult merge_profile(const std::string& existing, const Record& r, const Date& today) {
    MergeResult res;
    res.text = existing;
    YAML::Node root;
    try {
        root = YAML::Load(existing);
    } catch (const YAML::Exception& e) {
        res.error = "the existing profile is not valid YAML (line " + std::to_string(e.mark.line + 1) + ")";
        return res;
    }
    if (!root.IsMap()) {
        res.error = "the existing profile is not a YAML map";
        return res;
    }
    // The location is the importer's only while location_source says so.
    bool location_ours = true;
    if (root["household"] && root["household"].IsMap() && root["household"]["location"]) {
        YAML::Node src = root["household"]["location_source"];
        std::string method = src && src.IsMap() && src["method"] ? src["method"].as<std::string>("") : "";
        location_ours = method == "gazetteer" || method == "ledger";
    }
    Lines lines = split_lines(existing);

    struct Edit {
        int line;          // key line to replace (-1: insert)
        int remove_after;  // continuation lines to drop after it
        int insert_after;  // insert position (line index) when line == -1; -2: append a new parent block
        std::string text;
    };
    std::vector<Edit> edits;
    auto plan = [&](const std::string& path, const std::string& yaml) -> bool {
        auto dot = path.find('.');
        std::string parent = path.substr(0, dot), key = path.substr(dot + 1);
        YAML::Node p = root[parent];
        if (p && !p.IsMap()) {
            res.error = "cannot update " + path + ": " + parent + " is not a map";
            return false;
        }
        if (p && p.Style() == YAML::EmitterStyle::Flow) {
            res.error = "cannot update " + path + ": " + parent + " is written in flow style {...}";
            return false;
        }
        if (p && p[key]) {
            if (same_value(p[key], yaml)) return true;
            int kl = *key_line(p, key);
            const std::string& line = lines.lines[kl];
            int ind = indent_of(line);
            size_t colon = line.find(':', ind + key.size());
            std::string comment = trailing_comment(line, colon == std::string::npos ? line.size() : colon + 1);
            // A block value (location:\n  lat: ...) spans the lines indented under the key.
            int extra = 0;
            for (size_t i = kl + 1; i < lines.lines.size(); ++i) {
                if (blank_or_comment(lines.lines[i]) || indent_of(lines.lines[i]) > ind) {
                    if (!blank_or_comment(lines.lines[i])) extra = static_cast<int>(i - kl);
                    continue;
                }
                break;
            }
            edits.push_back({kl, extra, 0, std::string(ind, ' ') + key + ": " + yaml + comment});
        } else if (p) {
            // Missing key: after the parent's last child, at the children's indentation.
            int pl = p.Mark().line;  // first child line for a block map
            int parent_line = *key_line(root, parent);
            int pind = indent_of(lines.lines[parent_line]);
            int child_ind = pl > parent_line && pl < static_cast<int>(lines.lines.size()) ? indent_of(lines.lines[pl]) : pind + 2;
            int last = parent_line;
            for (size_t i = parent_line + 1; i < lines.lines.size(); ++i) {
                if (blank_or_comment(lines.lines[i])) continue;
                if (indent_of(lines.lines[i]) <= pind) break;
                last = static_cast<int>(i);
            }
            edits.push_back({-1, 0, last, std::string(child_ind, ' ') + key + ": " + yaml});
        } else {
            edits.push_back({-1, 0, -2, parent + ":\n  " + key + ": " + yaml});
        }
        res.changed.push_back(path);
        return true;
    };
    for (const auto& ov : owned_values(r, location_ours))
        if (!plan(ov.path, ov.yaml)) return res;
    if (res.changed.empty()) return res;
    // `updated` is a top-level key: replace its line.
    if (auto ul = key_line(root, "updated")) {
        std::string comment = trailing_comment(lines.lines[*ul], lines.lines[*ul].find(':') + 1);
        edits.push_back({*ul, 0, 0, "updated: " + today.iso() + comment});
    }
    // Apply from the bottom up so earlier line numbers stay valid.
    std::vector<std::string> appended;
    std::reverse(edits.begin(), edits.end());  // ties: inserted in owned order
    std::stable_sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) {
        int la = a.line >= 0 ? a.line : a.insert_after, lb = b.line >= 0 ? b.line : b.insert_after;
        return la > lb;
    });
    for (const Edit& e : edits) {
        if (e.line >= 0) {
            lines.lines[e.line] = e.text;
            lines.lines.erase(lines.lines.begin() + e.line + 1, lines.lines.begin() + e.line + 1 + e.remove_after);
        } else if (e.insert_after == -2) {
            appended.push_back(e.text);
        } else {
            lines.lines.insert(lines.lines.begin() + e.insert_after + 1, e.text);
        }
    }
    for (const auto& a : appended) {
        std::istringstream in(a);
        std::string l;
        while (std::getline(in, l)) lines.lines.push_back(l);
    }
    res.text = join_lines(lines);
    return res;
}

}  // namespace sheetgen::intake

#include "report/flag_report.hpp"

#include <cmath>
#include <cstdio>
#include <optional>

namespace sheetgen {

namespace {

std::string join(const std::vector<std::string>& parts, const std::string& sep) {
    std::string r;
    for (size_t i = 0; i < parts.size(); ++i) {
        if (i) r += sep;
        r += parts[i];
    }
    return r;
}

std::string depth_text(const Exposure& e) {
    if (!e.in_flood_zone) return "";
    if (!e.depth) return "区域内（深さ不明）";
    return e.depth->label_ja();
}

std::string duration_text(const Exposure& e) {
    if (!e.duration) return e.in_duration_zone ? "区域内（時間不明）" : "";
    return e.duration->label_ja();
}

std::string collapse_text(const Exposure& e) {
    std::vector<std::string> parts;
    if (e.in_house_collapse) {
        if (e.house_collapse_type == "flood_flow") parts.push_back("家屋倒壊等氾濫想定区域（氾濫流）");
        else if (e.house_collapse_type == "bank_erosion") parts.push_back("家屋倒壊等氾濫想定区域（河岸侵食）");
        else parts.push_back("家屋倒壊等氾濫想定区域");
    }
    if (e.in_landslide) parts.push_back(e.landslide_type.empty() ? "土砂災害警戒区域" : "土砂災害（" + e.landslide_type + "）");
    return join(parts, " / ");
}

// A JSON number, or null when it has no finite value: JSON has no inf/NaN,
// and an empty value would make the whole file unreadable.
std::string json_number(std::optional<double> value, int decimals) {
    if (!value || !std::isfinite(*value)) return "null";
    return format_fixed(*value, decimals);
}

std::string reasons(const Verdict& v, bool japanese) {
    std::vector<std::string> parts;
    for (const auto& r : v.reasons) parts.push_back(japanese ? r.ja : r.en);
    return join(parts, japanese ? " ／ " : " / ");
}

}  // namespace

std::string format_fixed(double value, int decimals) {
    if (!std::isfinite(value)) return "";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);  // "C" locale: the CLI never calls setlocale
    return buf;
}

std::string csv_field(const std::string& value) {
    std::string v = value;
    // A cell starting with = + - @ is run as a formula by Excel; names and
    // notes come from many hands, so defuse it the customary way.
    if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r'))
        v.insert(v.begin(), '\'');
    bool quote = v.find_first_of(",\"\r\n") != std::string::npos;
    if (!quote) return v;
    std::string r = "\"";
    for (char c : v) {
        if (c == '"') r += '"';
        r += c;
    }
    r += '"';
    return r;
}

std::string json_string(const std::string& value) {
    std::string r = "\"";
    for (unsigned char c : value) {
        switch (c) {
            case '"': r += "\\\""; break;
            case '\\': r += "\\\\"; break;
            case '\n': r += "\\n"; break;
            case '\r': r += "\\r"; break;
            case '\t': r += "\\t"; break;
            default:
                if (c < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    r += buf;
                } else {
                    r += static_cast<char>(c);
                }
        }
    }
    r += '"';
    return r;
}

std::string flag_csv_header() {
    return "\xEF\xBB\xBF"
           "ID,氏名,地区,優先度,想定浸水深,浸水継続時間,家屋倒壊・土砂災害,居室の階,電源持続時間(h),"
           "計画避難先,避難先の状況,推奨避難先,推奨避難先までの距離(m),電源のある福祉避難所,福祉避難所までの距離(m),"
           "理由,reasons (en)\r\n";
}

std::string flag_csv_row(const Profile& p, const Verdict& v) {
    const Exposure& e = v.exposure;
    std::vector<std::string> cells;
    cells.push_back(csv_field(p.id));
    cells.push_back(csv_field(p.person.name));
    cells.push_back(csv_field(p.household.district));
    cells.push_back(to_string(v.level));
    cells.push_back(csv_field(depth_text(e)));
    cells.push_back(csv_field(duration_text(e)));
    cells.push_back(csv_field(collapse_text(e)));
    cells.push_back(std::to_string(p.household.living_floor));
    cells.push_back(v.power_hours ? format_fixed(*v.power_hours, 1) : "");
    cells.push_back(csv_field(v.planned_shelter ? v.planned_shelter->name : p.evacuation.shelter));
    cells.push_back(csv_field(label_ja(v.planned_shelter_status)));
    cells.push_back(csv_field(v.suggested_shelter ? v.suggested_shelter->name : ""));
    cells.push_back(v.suggested_shelter ? format_fixed(v.suggested_shelter->distance_m, 0) : "");
    cells.push_back(csv_field(v.suggested_welfare ? v.suggested_welfare->name : ""));
    cells.push_back(v.suggested_welfare ? format_fixed(v.suggested_welfare->distance_m, 0) : "");
    cells.push_back(csv_field(reasons(v, true)));
    cells.push_back(csv_field(reasons(v, false)));
    return join(cells, ",") + "\r\n";
}

std::string flag_geojson_header() {
    return "{\"type\":\"FeatureCollection\",\"name\":\"sheetgen-flag\",\"features\":[\n";
}

std::string flag_geojson_footer() { return "\n]}\n"; }

std::string flag_geojson_feature(const Profile& p, const Verdict& v) {
    const Exposure& e = v.exposure;
    std::string s = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[";
    s += json_number(p.household.location.lon, 6) + "," + json_number(p.household.location.lat, 6) + "]},";
    s += "\"properties\":{";
    s += "\"id\":" + json_string(p.id);
    s += ",\"name\":" + json_string(p.person.name);
    s += ",\"district\":" + json_string(p.household.district);
    s += ",\"level\":" + json_string(to_string(v.level));
    s += ",\"in_flood_zone\":" + std::string(e.in_flood_zone ? "true" : "false");
    s += ",\"depth\":" + json_string(depth_text(e));
    s += ",\"depth_min_m\":" + json_number(e.depth ? std::optional<double>(e.depth->min_m) : std::nullopt, 1);
    s += ",\"duration\":" + json_string(duration_text(e));
    s += ",\"house_collapse\":" + std::string(e.in_house_collapse ? "true" : "false");
    s += ",\"landslide\":" + std::string(e.in_landslide ? "true" : "false");
    s += ",\"living_floor\":" + std::to_string(p.household.living_floor);
    s += ",\"power_hours\":" + json_number(v.power_hours, 1);
    s += ",\"shelter_status\":" + json_string(to_string(v.planned_shelter_status));
    s += ",\"suggested_shelter\":" + json_string(v.suggested_shelter ? v.suggested_shelter->name : "");
    s += ",\"suggested_distance_m\":" +
         json_number(v.suggested_shelter ? std::optional<double>(v.suggested_shelter->distance_m) : std::nullopt, 0);
    std::vector<std::string> codes;
    for (const auto& r : v.reasons) codes.push_back(r.code);
    s += ",\"reason_codes\":" + json_string(join(codes, ","));
    s += ",\"reasons\":" + json_string(reasons(v, true));
    s += ",\"reasons_en\":" + json_string(reasons(v, false));
    s += "}}";
    return s;
}

std::string format_level_summary(const LevelCounts& c) {
    std::string s;
    for (int i = 0; i < 4; ++i) {
        auto p = static_cast<Priority>(i);
        s += "  " + std::string(label_en(p)) + ": " + std::to_string(c.by_level[i]) + "\n";
    }
    return s;
}

}  // namespace sheetgen

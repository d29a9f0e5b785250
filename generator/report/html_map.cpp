#include "report/html_map.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <sys/stat.h>

#include "common/error.hpp"
#include "common/utf8.hpp"
#include "hazard/config.hpp"
#include "hazard/gsi_colours.hpp"
#include "report/flag_report.hpp"
#include "report/html_map_page.hpp"

namespace sheetgen {

namespace fs = std::filesystem;

namespace {

bool regular_file(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

std::string slurp(const std::string& path) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return {};
    std::string s;
    char buf[65536];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) s.append(buf, n);
    std::fclose(f);
    return s;
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
}

// Coordinates at 1e-5 degrees (about 1 m): enough for a screen map, and short.
std::string coord(double v) { return format_fixed(v, 5); }

std::string hex_colour(unsigned rgb) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%06X", rgb & 0xFFFFFFu);
    return buf;
}

// Path characters outside the unreserved set are percent-encoded ('/' kept).
std::string encode_path(const std::string& s) {
    std::string r;
    for (unsigned char c : s) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
            c == '.' || c == '~' || c == '/') {
            r += static_cast<char>(c);
        } else {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", c);
            r += buf;
        }
    }
    return r;
}

const char* zone_code(ZoneKind k) {
    switch (k) {
        case ZoneKind::FloodDepth: return "f";
        case ZoneKind::HouseCollapse: return "h";
        case ZoneKind::Landslide: return "l";
        default: return nullptr;  // duration zones are not drawn: depth says where water goes
    }
}

std::string zones_json(const std::vector<MapPolygon>& zones) {
    std::string s = "[";
    bool first = true;
    for (const MapPolygon& z : zones) {
        const char* code = zone_code(z.kind);
        if (!code) continue;
        s += first ? "\n" : ",\n";
        first = false;
        s += std::string("{\"k\":\"") + code + "\"";
        if (z.kind == ZoneKind::FloodDepth) {
            s += ",\"c\":" + std::to_string(z.depth ? z.depth->gsi_class() : 0);
            s += ",\"col\":\"" + hex_colour(gsi_depth_rgb(z.depth)) + "\"";
        }
        // A storm-surge or tsunami zone: outlined in its kind's colour (config "kinds").
        if (has_kind_outline(z.layer_kind)) s += std::string(",\"kd\":\"") + to_string(z.layer_kind) + "\"";
        s += ",\"r\":[";
        for (size_t r = 0; r < z.rings.size(); ++r) {
            s += r ? ",[" : "[";
            // Leaflet wants [lat, lon]; the closing point is implied.
            const auto& pts = z.rings[r].points;
            size_t n = pts.size() > 1 && pts.front() == pts.back() ? pts.size() - 1 : pts.size();
            for (size_t i = 0; i < n; ++i)
                s += std::string(i ? "," : "") + "[" + coord(pts[i].second) + "," + coord(pts[i].first) + "]";
            s += "]";
        }
        s += "]}";
    }
    return s + "\n]";
}

std::string shelters_json(const std::vector<Shelter>& shelters) {
    std::string s = "[";
    for (size_t i = 0; i < shelters.size(); ++i) {
        const Shelter& sh = shelters[i];
        s += i ? ",\n" : "\n";
        s += "{\"n\":" + html_json_string(sh.name) + ",\"t\":\"" + to_string(sh.type) + "\",\"lat\":" +
             coord(sh.location.lat) + ",\"lon\":" + coord(sh.location.lon) +
             ",\"flood\":" + (sh.usable_in_flood() ? "true" : "false") +
             ",\"power\":" + (sh.power ? (*sh.power ? "true" : "false") : "null") + "}";
    }
    return s + "\n]";
}

// The kinds drawn in the depth colours with an outline of their own, from
// the kind table: {"tsunami":{"ja":...,"en":...,"col":"#..."}, ...}.
std::string outlined_kinds_json() {
    std::string s = "{";
    for (const HazardKind& k : kHazardKinds) {
        if (!has_kind_outline(k.kind)) continue;
        s += std::string(s.size() > 1 ? "," : "") + "\"" + to_string(k.kind) + "\":{\"ja\":" +
             html_json_string(label_ja(k.kind)) + ",\"en\":" + html_json_string(k.label_en) + ",\"col\":\"" +
             hex_colour(kind_outline_rgb(k.kind)) + "\"}";
    }
    return s + "}";
}

// The credit lines of the data the page draws: the zones' layers (those
// drawn), then the shelters', each once, in that order.
std::vector<std::string> page_credits(const std::vector<MapPolygon>& zones, const HtmlMapOptions& o) {
    std::vector<std::string> out;
    auto add = [&out](const std::string& a) {
        if (!a.empty() && std::find(out.begin(), out.end(), a) == out.end()) out.push_back(a);
    };
    for (const MapPolygon& z : zones)
        if (zone_code(z.kind)) add(z.attribution);
    for (const std::string& a : o.shelter_attributions) add(a);
    return out;
}

// Labels from the libraries (one source of wording): levels, actions, devices, legend.
std::string config_json(const HtmlMapOptions& o, const std::vector<std::string>& credits) {
    std::string s = "{\"as_of\":" + html_json_string(o.as_of) + ",\"hazards\":" + html_json_string(o.hazards_name) +
                    ",\"no_names\":" + (o.no_names ? "true" : "false") +
                    ",\"tiles\":" + (o.tiles_url ? html_json_string(*o.tiles_url) : "null");
    if (o.changes) s += ",\"changes\":true,\"removed\":" + std::to_string(o.removed_households);
    s += ",\"levels\":{";
    for (int i = 0; i < 4; ++i) {
        auto p = static_cast<Priority>(i);
        s += std::string(i ? "," : "") + "\"" + to_string(p) + "\":{\"ja\":" + html_json_string(label_ja(p)) +
             ",\"en\":" + html_json_string(label_en(p)) + "}";
    }
    s += "},\"actions\":{";
    const FloodAction actions[] = {FloodAction::LeaveEarly, FloodAction::ShelterUpstairs, FloodAction::StayHomePowerPlan,
                                   FloodAction::NoHazardData};
    for (size_t i = 0; i < 4; ++i)
        s += std::string(i ? "," : "") + "\"" + to_string(actions[i]) + "\":{\"ja\":" +
             html_json_string(label_ja(actions[i])) + ",\"en\":" + html_json_string(label_en(actions[i])) + "}";
    s += "},\"devices\":{";
    for (int k = 0; k <= static_cast<int>(DeviceKind::Other); ++k) {
        auto d = static_cast<DeviceKind>(k);
        s += std::string(k ? "," : "") + "\"" + to_string(d) + "\":" + html_json_string(label_ja(d));
    }
    s += "},\"shelter_types\":{";
    const ShelterType types[] = {ShelterType::WelfareShelter, ShelterType::EvacuationShelter, ShelterType::EmergencySite};
    for (size_t i = 0; i < 3; ++i)
        s += std::string(i ? "," : "") + "\"" + to_string(types[i]) + "\":" + html_json_string(label_ja(types[i]));
    s += "},\"depth_legend\":[";
    for (int c = 1; c <= 6; ++c) {
        DepthRange probe;
        const double mins[] = {0, 0, 0.5, 3, 5, 10, 20};
        probe.min_m = mins[c];
        s += std::string(c > 1 ? "," : "") + "{\"c\":" + std::to_string(c) + ",\"col\":\"" +
             hex_colour(gsi_depth_rgb(probe)) + "\",\"ja\":" + html_json_string(gsi_depth_legend(c)) + "}";
    }
    s += ",{\"c\":0,\"col\":\"" + hex_colour(gsi_depth_rgb(std::nullopt)) + "\",\"ja\":\"深さ不明\"}]";
    s += ",\"credits\":[";
    for (size_t i = 0; i < credits.size(); ++i) s += (i ? "," : "") + html_json_string(credits[i]);
    return s + "],\"kinds\":" + outlined_kinds_json() + "}";
}

}  // namespace

// Non-ASCII as \uXXXX (UTF-16, surrogate pairs above U+FFFF): Chromium's
// parser takes the page's script data in about half the time when it is all
// ASCII (bench/RESULTS.md), and the data then reads the same whatever
// encoding a browser assumes for the file.
std::string html_json_string(const std::string& value) {
    std::string s;
    const std::string quoted = json_string(value);
    s.reserve(quoted.size());
    auto unit = [&s](unsigned u) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", u & 0xFFFFu);
        s += buf;
    };
    for (char32_t cp : decode_utf8(quoted)) {
        if (cp == '&' || cp == '<' || cp == '>' || cp >= 0x7F) {
            if (cp >= 0x10000) {
                unit(0xD800 + ((cp - 0x10000) >> 10));
                unit(0xDC00 + ((cp - 0x10000) & 0x3FF));
            } else {
                unit(cp);
            }
        } else {
            s += static_cast<char>(cp);
        }
    }
    return s;
}

LeafletAssets load_leaflet_assets(const std::string& dir) {
    const std::string js_min = dir + "/leaflet.min.js", js_full = dir + "/leaflet.js", css = dir + "/leaflet.css";
    const std::string js = regular_file(js_min) ? js_min : js_full;
    for (const std::string& f : {js, css})
        if (!regular_file(f))
            throw InputError(SourceLocation{f, 0, 0},
                             "cannot read Leaflet for the --html page; install the Debian package libjs-leaflet");
    LeafletAssets a{slurp(js), slurp(css)};
    if (a.js.empty() || a.css.empty())
        throw InputError(SourceLocation{dir, 0, 0}, "Leaflet files empty or unreadable; reinstall libjs-leaflet");
    a.js = inline_leaflet_js(std::move(a.js));
    a.css = inline_leaflet_css(std::move(a.css));
    return a;
}

std::string inline_leaflet_js(std::string js) {
    replace_all(js, "href=\"https://leafletjs.com\"", "href=\"#\"");
    // Drop the source-map comment: the browser would look for the .map file.
    for (size_t at = js.find("//# sourceMappingURL="); at != std::string::npos; at = js.find("//# sourceMappingURL=", at)) {
        size_t eol = js.find('\n', at);
        js.erase(at, eol == std::string::npos ? std::string::npos : eol - at);
    }
    replace_all(js, "</script", "<\\/script");
    return js;
}

std::string inline_leaflet_css(std::string css) {
    for (size_t at = css.find("url("); at != std::string::npos; at = css.find("url(", at)) {
        size_t close = css.find(')', at);
        if (close == std::string::npos) {
            css.erase(at);
            break;
        }
        css.replace(at, close + 1 - at, "none");
    }
    // Comments (/*# sourceMappingURL=... */) go too.
    for (size_t at = css.find("/*"); at != std::string::npos; at = css.find("/*", at)) {
        size_t end = css.find("*/", at + 2);
        css.erase(at, end == std::string::npos ? std::string::npos : end + 2 - at);
    }
    replace_all(css, "</style", "<\\/style");
    return css;
}

std::string relative_href_prefix(const std::string& html_path, const std::string& pdf_dir) {
    std::error_code ec;
    fs::path html_dir = fs::path(html_path).parent_path();
    if (html_dir.empty()) html_dir = ".";
    fs::path from = fs::weakly_canonical(fs::absolute(html_dir, ec), ec);
    fs::path to = fs::weakly_canonical(fs::absolute(pdf_dir, ec), ec);
    std::string rel = to.lexically_relative(from).generic_string();
    if (rel.empty() || rel == ".") return "";
    return rel + "/";
}

HtmlPdfLinks find_pdf_links(const std::string& pdf_dir, const std::string& href_prefix, const std::string& id) {
    HtmlPdfLinks l;
    // An id with a path separator never names a file outside the folder.
    if (id.empty() || id.find('/') != std::string::npos || id == "." || id == "..") return l;
    if (regular_file(pdf_dir + "/" + id + ".pdf")) l.sheet = encode_path(href_prefix + id + ".pdf");
    if (regular_file(pdf_dir + "/" + id + "-ventilator-plan.pdf"))
        l.plan = encode_path(href_prefix + id + "-ventilator-plan.pdf");
    return l;
}

HtmlRecord html_household_record(const Profile& p, const Verdict& v, const HtmlMapOptions& o, const HtmlPdfLinks& pdf) {
    HtmlRecord r;
    auto literal = [&r](const char* name, std::string json) { r.fields.push_back({name, std::move(json), std::nullopt}); };
    for (const Property& prop : household_properties(p, v, o.columns)) {
        const std::string name = prop.name;
        if (o.no_names && name == "name") continue;  // not hidden: absent from the file
        if (name == "reasons" || name == "reasons_en") continue;  // the same sentences, through the table
        if (prop.type == Property::Type::Text) r.fields.push_back({name, {}, prop.text.value_or("")});
        else if (!prop.number) literal(prop.name, "null");
        else if (prop.type == Property::Type::Boolean) literal(prop.name, *prop.number != 0 ? "true" : "false");
        else literal(prop.name, format_fixed(*prop.number, prop.type == Property::Type::Integer ? 0 : 1));
    }
    literal("lat", format_fixed(p.household.location.lat, 6));
    literal("lon", format_fixed(p.household.location.lon, 6));
    std::vector<std::string> kinds;
    for (const Device& d : p.devices) {
        std::string k = to_string(d.kind);
        bool seen = false;
        for (const auto& x : kinds) seen = seen || x == k;
        if (!seen) kinds.push_back(k);
    }
    std::string devices = "[";
    for (size_t i = 0; i < kinds.size(); ++i) devices += std::string(i ? "," : "") + "\"" + kinds[i] + "\"";
    literal("devices", devices + "]");
    // A location from the address (a gazetteer's town or block point) is drawn dotted.
    const auto& src = p.household.location_source;
    literal("approximate", src && src->method == "gazetteer" ? "true" : "false");
    r.pdf = pdf.sheet;
    r.plan_pdf = pdf.plan;
    r.action_ja = action_label_ja(v);
    r.action_en = action_label_en(v);
    r.start_ja = start_label_ja(v);
    r.start_en = start_label_en(v);
    // The verdict's own sentences: what household_properties joins into reasons / reasons_en.
    for (const auto& reason : v.reasons) {
        r.reasons_ja.push_back(reason.ja);
        r.reasons_en.push_back(reason.en);
    }
    return r;
}

size_t HtmlSentences::number(const std::string& sentence) {
    auto [it, added] = index_.emplace(sentence, sentences_.size());
    if (added) sentences_.push_back(sentence);
    return it->second;
}

std::string HtmlSentences::numbers(const std::vector<std::string>& list) {
    std::string s = "[";
    for (size_t i = 0; i < list.size(); ++i) s += (i ? "," : "") + std::to_string(number(list[i]));
    return s + "]";
}

void HtmlSentences::check_fields(const std::vector<std::string>& names, const std::vector<size_t>& text) {
    if (!fields_known_) {
        field_names_ = names;
        text_fields_ = text;
        fields_known_ = true;
    } else if (names != field_names_ || text != text_fields_) {
        throw std::logic_error("html page: a household record's fields differ from the first record's");
    }
}

std::string HtmlSentences::close(const HtmlRecord& r) {
    // Each value is numbered in its own statement, in field order: sentence
    // numbers follow first appearance, which must not be left to the
    // (unsequenced) order of evaluation of one expression.
    std::vector<std::string> names, values;
    std::vector<size_t> text;
    auto add = [&](const std::string& name, std::string value) {
        names.push_back(name);
        values.push_back(std::move(value));
    };
    for (const HtmlRecord::Field& f : r.fields) {
        if (f.text) {
            text.push_back(names.size());
            add(f.name, std::to_string(number(*f.text)));
        } else {
            add(f.name, f.json);
        }
    }
    add("rj", numbers(r.reasons_ja));
    add("re", numbers(r.reasons_en));
    auto pair = [&](const char* key, const std::string& ja, const std::string& en) {
        const size_t nja = number(ja);
        const size_t nen = number(en);
        add(key, "[" + std::to_string(nja) + "," + std::to_string(nen) + "]");
    };
    pair("al", r.action_ja, r.action_en);
    pair("sl", r.start_ja, r.start_en);
    // Links are unique to a household: kept in the row, not in the table.
    add("pdf", r.pdf.empty() ? "null" : html_json_string(r.pdf));
    add("plan_pdf", r.plan_pdf.empty() ? "null" : html_json_string(r.plan_pdf));
    if (r.change_codes.empty()) {
        for (const char* key : {"cc", "cj", "ce"}) add(key, "null");
    } else {
        std::string codes = "[";
        for (size_t i = 0; i < r.change_codes.size(); ++i)
            codes += (i ? "," : "") + html_json_string(r.change_codes[i]);
        add("cc", codes + "]");
        add("cj", numbers(r.changes_ja));
        add("ce", numbers(r.changes_en));
    }
    check_fields(names, text);
    size_t n = values.size();
    while (n > 0 && values[n - 1] == "null") --n;  // the page reads a missing value as null
    std::string s = "[";
    for (size_t i = 0; i < n; ++i) s += (i ? "," : "") + values[i];
    return s + "]";
}

std::string HtmlSentences::json() const {
    std::string s = "[";
    for (size_t i = 0; i < sentences_.size(); ++i) s += (i ? ",\n" : "\n") + html_json_string(sentences_[i]);
    return s + "\n]";
}

std::string HtmlSentences::fields_json() const {
    std::string s = "{\"names\":[";
    for (size_t i = 0; i < field_names_.size(); ++i) s += (i ? "," : "") + html_json_string(field_names_[i]);
    s += "],\"text\":[";
    for (size_t i = 0; i < text_fields_.size(); ++i) s += (i ? "," : "") + std::to_string(text_fields_[i]);
    return s + "]}";
}

std::string html_map_head(const LeafletAssets& leaflet, const std::vector<MapPolygon>& zones,
                          const std::vector<Shelter>& shelters, const HtmlMapOptions& o) {
    std::string s = html_page::kHeadStart;
    s += "<style>\n" + leaflet.css + "\n</style>\n<style>\n" + html_page::kStyle + "</style>\n";
    s += html_page::kErrorRecorder;
    s += "</head>\n";
    s += html_page::kBody;
    s += "<script>\n" + leaflet.js + "\n</script>\n";
    s += "<script type=\"application/json\" id=\"config\">" + config_json(o, page_credits(zones, o)) + "</script>\n";
    s += "<script type=\"application/json\" id=\"zones\">" + zones_json(zones) + "</script>\n";
    s += "<script type=\"application/json\" id=\"shelters\">" + shelters_json(shelters) + "</script>\n";
    s += "<script type=\"application/json\" id=\"households\">[\n";
    return s;
}

std::string html_map_tail(const HtmlMapOptions&, const HtmlSentences& sentences) {
    return "\n]</script>\n<script type=\"application/json\" id=\"sentences\">" + sentences.json() +
           "</script>\n<script type=\"application/json\" id=\"fields\">" + sentences.fields_json() +
           "</script>\n<script>\n" + html_page::kApp + "</script>\n</body>\n</html>\n";
}

}  // namespace sheetgen

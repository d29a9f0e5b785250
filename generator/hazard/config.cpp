#include "hazard/config.hpp"

#include "common/read_file.hpp"

#include <yaml-cpp/yaml.h>

#include <cmath>
#include <fstream>
#include <functional>
#include <limits>
#include <set>
#include <sstream>
#include <sys/stat.h>

#include "common/utf8.hpp"

namespace sheetgen {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
// Configs are a few KB. A cap keeps a wrong --hazards argument (a disk image,
// a 1 GB log) from being read whole and parsed for minutes.
constexpr size_t kMaxConfigBytes = 1024 * 1024;

SourceLocation at(const std::string& file, const YAML::Node& n) {
    YAML::Mark m = n.Mark();
    // yaml-cpp marks are 0-based; a default (null) mark is -1.
    if (m.line < 0) return {file, 0, 0};
    return {file, m.line + 1, m.column + 1};
}

[[noreturn]] void fail(const std::string& file, const YAML::Node& n, const std::string& msg) {
    throw InputError(at(file, n), msg);
}

std::string scalar(const std::string& file, const YAML::Node& n, const std::string& key) {
    if (!n.IsScalar()) fail(file, n, "'" + key + "' must be a text value");
    return n.Scalar();
}

// Map entries in file order, rejecting duplicate keys (yaml-cpp keeps the last silently).
struct Entry {
    std::string key;
    YAML::Node key_node;
    YAML::Node value;
};

std::vector<Entry> entries(const std::string& file, const YAML::Node& map, const std::string& what) {
    if (!map.IsMap()) fail(file, map, what + " must be a mapping (key: value)");
    std::vector<Entry> out;
    std::set<std::string> seen;
    for (auto it = map.begin(); it != map.end(); ++it) {
        if (!it->first.IsScalar()) fail(file, it->first, what + ": keys must be text");
        const std::string& k = it->first.Scalar();
        if (!seen.insert(k).second) fail(file, it->first, "duplicate key '" + k + "' in " + what);
        out.push_back({k, it->first, it->second});
    }
    return out;
}

double range_bound(const std::string& file, const YAML::Node& n, bool allow_null) {
    if (n.IsNull() || (n.IsScalar() && (n.Scalar() == "null" || n.Scalar() == "~"))) {
        if (allow_null) return kInf;
        fail(file, n, "the lower bound of a class cannot be null");
    }
    if (!n.IsScalar()) fail(file, n, "class bound must be a number");
    const std::string& s = n.Scalar();
    char* end = nullptr;
    double v = std::strtod(s.c_str(), &end);
    if (s.empty() || end != s.c_str() + s.size() || !std::isfinite(v))
        fail(file, n, "class bound '" + s + "' is not a number");
    return v;
}

std::string trim(const std::string& s) {
    size_t b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return "";
    size_t e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

std::string base_name(const std::string& path) {
    size_t slash = path.find_last_of('/');
    std::string b = slash == std::string::npos ? path : path.substr(slash + 1);
    size_t dot = b.find_last_of('.');
    if (dot != std::string::npos && dot > 0) b = b.substr(0, dot);
    return b;
}

// Connection strings (PG:..., WFS:..., https://...) and absolute or /vsi paths
// pass through; everything else is relative to the config's directory.
std::string resolve_source(const std::string& dir, const std::string& source) {
    if (source.empty() || source[0] == '/') return source;
    size_t colon = source.find(':');
    size_t slash = source.find('/');
    if (colon != std::string::npos && (slash == std::string::npos || colon < slash)) return source;
    if (dir.empty() || dir == ".") return source;
    return dir + "/" + source;
}

LayerKind parse_kind(const std::string& file, const YAML::Node& n) {
    std::string s = scalar(file, n, "kind");
    if (s == "flood_depth") return LayerKind::FloodDepth;
    if (s == "flood_duration") return LayerKind::FloodDuration;
    if (s == "house_collapse") return LayerKind::HouseCollapse;
    if (s == "landslide") return LayerKind::Landslide;
    if (s == "shelters") return LayerKind::Shelters;
    fail(file, n, "unknown kind '" + s + "' (expected flood_depth, flood_duration, house_collapse, landslide or shelters)");
}

LayerKind preset_kind(const std::string& preset) {
    return preset == "a31a_duration" ? LayerKind::FloodDuration : LayerKind::FloodDepth;
}

std::string preset_default_field(const std::string& preset) {
    if (preset == "a31_2012_depth") return "A31_001";
    if (preset == "a31a_duration") return "A31a_305";
    return "";  // a31a_depth: A31a_105 (計画規模) or A31a_205 (想定最大規模), so it must be named
}

const std::map<std::string, std::string ShelterFields::*>& shelter_keys() {
    static const std::map<std::string, std::string ShelterFields::*> keys = {
        {"id_field", &ShelterFields::id},
        {"name_field", &ShelterFields::name},
        {"address_field", &ShelterFields::address},
        {"flood_field", &ShelterFields::flood},
        {"landslide_field", &ShelterFields::landslide},
        {"earthquake_field", &ShelterFields::earthquake},
        {"inland_flood_field", &ShelterFields::inland_flood},
        {"welfare_field", &ShelterFields::welfare},
        {"power_field", &ShelterFields::power},
        {"indoor_field", &ShelterFields::indoor},
        {"x_field", &ShelterFields::x},
        {"y_field", &ShelterFields::y},
    };
    return keys;
}

LayerConfig parse_layer(const std::string& file, const std::string& dir, const YAML::Node& node) {
    LayerConfig lc;
    lc.at = at(file, node);
    auto items = entries(file, node, "layer entry");
    // kind first: which keys are legal depends on it.
    const YAML::Node* kind_node = nullptr;
    for (auto& e : items)
        if (e.key == "kind") kind_node = &e.value;
    if (!kind_node) fail(file, node, "layer entry has no 'kind' (flood_depth, flood_duration, house_collapse, landslide, shelters)");
    lc.kind = parse_kind(file, *kind_node);
    const bool zone_classes = lc.kind == LayerKind::FloodDepth || lc.kind == LayerKind::FloodDuration;
    const bool typed = lc.kind == LayerKind::HouseCollapse || lc.kind == LayerKind::Landslide;
    bool has_source = false;
    YAML::Node classes_node, preset_node, field_node;
    bool has_classes = false, has_preset = false, has_field = false;  // a default Node() is itself "defined"

    for (const Entry& e : items) {
        const std::string& k = e.key;
        const YAML::Node& key_node = e.key_node;
        const YAML::Node& v = e.value;
        auto not_for_kind = [&]() {
            fail(file, key_node, "key '" + k + "' does not apply to a " + std::string(to_string(lc.kind)) + " layer");
        };
        if (k == "kind") continue;
        if (k == "name") {
            lc.name = scalar(file, v, k);
        } else if (k == "source") {
            lc.source = trim(scalar(file, v, k));
            lc.source_at = at(file, v);
            if (lc.source.empty()) fail(file, v, "'source' is empty");
            has_source = true;
        } else if (k == "layer") {
            lc.layer = scalar(file, v, k);
            lc.layer_at = at(file, v);
        } else if (k == "scenario") {
            lc.scenario = scalar(file, v, k);
        } else if (k == "crs") {
            lc.crs = trim(scalar(file, v, k));
            lc.crs_at = at(file, v);
        } else if (k == "where") {
            lc.where = scalar(file, v, k);
            lc.where_at = at(file, v);
        } else if (k == "open_options") {
            if (!v.IsSequence()) fail(file, v, "'open_options' must be a list of NAME=VALUE");
            for (const auto& o : v) {
                std::string s = scalar(file, o, "open_options item");
                if (s.find('=') == std::string::npos || s.front() == '=')
                    fail(file, o, "open option '" + s + "' is not NAME=VALUE");
                lc.open_options.push_back(s);
            }
        } else if (k == "raster") {
            if (!v.IsScalar() || (v.Scalar() != "true" && v.Scalar() != "false"))
                fail(file, v, "'raster' must be true or false");
            lc.raster = v.Scalar() == "true";
            lc.raster_at = at(file, v);
        } else if (k == "band") {
            std::string b = scalar(file, v, k);
            char* end = nullptr;
            long n = std::strtol(b.c_str(), &end, 10);
            if (b.empty() || *end || n < 1 || n > 65535) fail(file, v, "'band' must be a band number from 1");
            lc.band = static_cast<int>(n);
            lc.band_at = at(file, v);
        } else if (k == "legend") {
            if (!zone_classes) not_for_kind();
            lc.legend_at = at(file, v);
            for (auto& [colour, cn, code] : entries(file, v, "legend")) {
                std::string c = trim(colour);
                char* end = nullptr;
                unsigned long rgb = c.size() == 7 && c[0] == '#' ? std::strtoul(c.c_str() + 1, &end, 16) : 0;
                if (c.size() != 7 || c[0] != '#' || !end || *end)
                    fail(file, cn, "legend colour '" + c + "' is not #RRGGBB");
                if (!lc.legend.emplace(static_cast<uint32_t>(rgb), trim(scalar(file, code, "legend code"))).second)
                    fail(file, cn, "legend colour '" + c + "' is given twice");
            }
            if (lc.legend.empty()) fail(file, v, "'legend' is empty");
        } else if (k == "field") {
            if (!zone_classes) not_for_kind();
            field_node = v;
            has_field = true;
            lc.field_given = true;
            lc.field = scalar(file, v, k);
            lc.field_at = at(file, v);
        } else if (k == "preset") {
            if (!zone_classes) not_for_kind();
            preset_node = v;
            has_preset = true;
            lc.preset = scalar(file, v, k);
        } else if (k == "classes") {
            if (!zone_classes) not_for_kind();
            classes_node = v;
            has_classes = true;
        } else if (k == "type") {
            if (!typed) not_for_kind();
            lc.type = scalar(file, v, k);
            if (lc.kind == LayerKind::HouseCollapse && lc.type != "flood_flow" && lc.type != "bank_erosion")
                fail(file, v, "house_collapse type must be flood_flow (氾濫流) or bank_erosion (河岸侵食)");
        } else if (k == "type_field") {
            if (!typed) not_for_kind();
            lc.type_field = scalar(file, v, k);
            lc.type_field_at = at(file, v);
        } else if (k == "shelter_type") {
            if (lc.kind != LayerKind::Shelters) not_for_kind();
            lc.shelter_type = scalar(file, v, k);
            if (lc.shelter_type != "emergency_site" && lc.shelter_type != "evacuation_shelter" &&
                lc.shelter_type != "welfare_shelter")
                fail(file, v, "shelter_type must be emergency_site (指定緊急避難場所), evacuation_shelter (指定避難所) "
                              "or welfare_shelter (福祉避難所)");
        } else if (shelter_keys().count(k)) {
            if (lc.kind != LayerKind::Shelters) not_for_kind();
            // null switches a default-named field off.
            lc.shelter_fields.*(shelter_keys().at(k)) = v.IsNull() ? std::string() : scalar(file, v, k);
            lc.shelter_field_at[k] = at(file, v);
        } else {
            fail(file, key_node, "unknown key '" + k + "' in layer entry");
        }
    }
    if (!has_source) fail(file, node, "layer entry has no 'source'");
    lc.resolved_source = resolve_source(dir, lc.source);
    if (lc.name.empty()) lc.name = lc.layer.empty() ? base_name(lc.source) : lc.layer;
    if (!lc.type.empty() && !lc.type_field.empty())
        fail(file, node, "use either 'type' or 'type_field', not both");

    if (zone_classes) {
        if (has_preset && has_classes) fail(file, classes_node, "use either 'preset' or 'classes', not both");
        if (has_preset) {
            if (preset_classes(lc.preset).empty())
                fail(file, preset_node, "unknown preset '" + lc.preset + "' (a31a_depth, a31_2012_depth, a31a_duration)");
            if (preset_kind(lc.preset) != lc.kind)
                fail(file, preset_node, "preset '" + lc.preset + "' does not fit a " + to_string(lc.kind) + " layer");
            lc.classes = preset_classes(lc.preset);
            lc.preset_at = at(file, preset_node);
            if (lc.field.empty() && lc.raster != true) {
                lc.field = preset_default_field(lc.preset);
                lc.field_at = at(file, preset_node);
                // Unless the source turns out to be a raster (cell values are the codes).
                if (lc.field.empty()) {
                    if (lc.raster == false)
                        fail(file, preset_node, "preset '" + lc.preset + "' needs 'field' (e.g. A31a_205 for 想定最大規模, A31a_105 for 計画規模)");
                    lc.field_required = true;
                }
            }
        } else if (has_classes) {
            for (auto& [code, code_node, range] : entries(file, classes_node, "classes")) {
                (void)code_node;
                if (!range.IsSequence() || range.size() != 2)
                    fail(file, range, "class '" + code + "' must be [min, max] (max may be null)");
                ClassRange r{range_bound(file, range[0], false), range_bound(file, range[1], true)};
                if (r.min < 0 || !(r.max > r.min))
                    fail(file, range, "class '" + code + "' needs 0 <= min < max");
                lc.classes[trim(code)] = r;
            }
            if (lc.classes.empty()) fail(file, classes_node, "'classes' is empty");
            if (lc.field.empty() && lc.raster == false)
                fail(file, classes_node, "'classes' needs 'field' (the attribute holding the code)");
            // Without field and without raster: true, a vector source needs it (checked at load).
            if (lc.field.empty() && lc.raster != true) {
                lc.field_required = true;
                lc.preset_at = at(file, classes_node);
            }
        } else if (has_field) {
            fail(file, field_node, "'field' needs 'classes' or 'preset' to say what its codes mean");
        } else if (lc.kind == LayerKind::FloodDuration) {
            fail(file, node, "a flood_duration layer needs 'field' with 'preset: a31a_duration' or 'classes'");
        }
        // A flood_depth layer without field is legal: inside = "depth unknown".
    }
    if (lc.raster == true) {
        if (!zone_classes)
            fail(file, node, "a raster layer must be flood_depth or flood_duration (classes from cell values)");
        if (!lc.field.empty() && has_field)
            fail(file, field_node, "'field' does not apply to a raster layer: the cell value is the class code");
        if (lc.classes.empty())
            fail(file, node, "a raster layer needs 'preset' or 'classes' for its cell values");
    }
    if (lc.band_at.line && lc.raster == false) fail(file, node, "'band' applies only to raster layers");
    if (!lc.legend.empty()) {
        if (lc.raster == false) fail(file, node, "'legend' applies only to raster layers");
        if (lc.band_at.line) fail(file, node, "use either 'legend' (colours of bands 1-3) or 'band', not both");
        if (has_field) fail(file, field_node, "'field' does not apply to a raster layer: the cell colour is the class");
        if (lc.classes.empty()) fail(file, node, "'legend' needs 'preset' or 'classes' for its codes");
        for (const auto& [rgb, code] : lc.legend)
            if (!lc.classes.count(code))
                fail(file, node, "legend code '" + code + "' is not a class of this layer's preset or classes");
        lc.raster = true;
        lc.field.clear();  // a preset's default field does not apply
        lc.field_required = false;
    }
    return lc;
}

// `coverage:` / `municipality:`: a source path, or {source, layer, crs}.
AreaConfig parse_area(const std::string& file, const std::string& dir, const std::string& key, const YAML::Node& key_node,
                      const YAML::Node& v) {
    AreaConfig a;
    a.at = at(file, key_node);
    if (v.IsScalar()) {
        a.source = trim(v.Scalar());
    } else if (v.IsMap()) {
        for (auto& [k, kn, val] : entries(file, v, key)) {
            if (k == "source") a.source = trim(scalar(file, val, k));
            else if (k == "layer") a.layer = scalar(file, val, k);
            else if (k == "crs") a.crs = trim(scalar(file, val, k));
            else fail(file, kn, "unknown key '" + k + "' in " + key + " (expected source, layer, crs)");
        }
    } else {
        fail(file, v, "'" + key + "' must be a polygon source or {source, layer}");
    }
    if (a.source.empty()) fail(file, v, "'" + key + "' has no source");
    a.resolved_source = resolve_source(dir, a.source);
    return a;
}

}  // namespace

const char* to_string(LayerKind k) {
    switch (k) {
        case LayerKind::FloodDepth: return "flood_depth";
        case LayerKind::FloodDuration: return "flood_duration";
        case LayerKind::HouseCollapse: return "house_collapse";
        case LayerKind::Landslide: return "landslide";
        case LayerKind::Shelters: return "shelters";
    }
    return "?";
}

std::map<std::string, ClassRange> preset_classes(const std::string& preset) {
    if (preset == "a31a_depth")
        return {{"1", {0, 0.5}}, {"2", {0.5, 3}}, {"3", {3, 5}}, {"4", {5, 10}}, {"5", {10, 20}}, {"6", {20, kInf}}};
    if (preset == "a31_2012_depth")
        return {{"11", {0, 0.5}}, {"12", {0.5, 1}}, {"13", {1, 2}}, {"14", {2, 5}}, {"15", {5, kInf}},
                {"21", {0, 0.5}}, {"22", {0.5, 1}}, {"23", {1, 2}}, {"24", {2, 3}}, {"25", {3, 4}},
                {"26", {4, 5}},   {"27", {5, kInf}}};
    if (preset == "a31a_duration")
        return {{"1", {0, 12}},    {"2", {12, 24}},   {"3", {24, 72}}, {"4", {72, 168}},
                {"5", {168, 336}}, {"6", {336, 672}}, {"7", {672, kInf}}};
    return {};
}

bool truthy_flag(const std::string& value) {
    std::string v = trim(value);
    return v == "1" || v == "true" || v == "TRUE" || v == "True" || v == "yes" || v == "○" || v == "◯" ||
           v == "〇" || v == "１";
}

HazardConfig parse_hazard_config(const std::string& text, const std::string& path) {
    HazardConfig cfg;
    cfg.path = path;
    size_t slash = path.find_last_of('/');
    cfg.dir = slash == std::string::npos ? "." : (slash == 0 ? "/" : path.substr(0, slash));
    if (auto bad = find_invalid_utf8(text))
        throw InputError({path, bad->line, bad->column},
                         "hazard config is not UTF-8 (looks like " + guess_encoding(text) + "); save it as UTF-8");
    // NUL is valid UTF-8 but yaml-cpp reports it as a baffling "unknown escape character".
    if (size_t nul = text.find('\0'); nul != std::string::npos) {
        int line = 1, column = 1;
        for (size_t i = 0; i < nul; ++i) {
            if (text[i] == '\n') {
                ++line;
                column = 1;
            } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
                ++column;
            }
        }
        throw InputError({path, line, column}, "hazard config contains a NUL byte (a binary file, not YAML?)");
    }
    YAML::Node root;
    try {
        root = YAML::Load(text);
    } catch (const YAML::ParserException& e) {
        throw InputError({path, e.mark.line + 1, e.mark.column + 1}, "YAML syntax error: " + e.msg);
    } catch (const YAML::Exception& e) {
        // Deep nesting ends here with the bare text "bad file".
        throw InputError({path, 0, 0}, "cannot parse hazard config (too deeply nested or malformed)");
    }
    if (!root || root.IsNull()) throw InputError({path, 0, 0}, "hazard config is empty");
    bool has_layers = false;
    for (auto& [k, key_node, v] : entries(path, root, "hazard config")) {
        if (k == "name") {
            cfg.name = scalar(path, v, k);
        } else if (k == "description") {
            scalar(path, v, k);
        } else if (k == "coverage" || k == "municipality") {
            (k == "coverage" ? cfg.coverage : cfg.municipality) = parse_area(path, cfg.dir, k, key_node, v);
        } else if (k == "layers") {
            if (!v.IsSequence() || v.size() == 0) fail(path, v, "'layers' must be a non-empty list");
            for (const auto& item : v) cfg.layers.push_back(parse_layer(path, cfg.dir, item));
            has_layers = true;
        } else {
            fail(path, key_node, "unknown key '" + k + "' (expected name, description, coverage, municipality, layers)");
        }
    }
    if (!has_layers) throw InputError(at(path, root), "hazard config has no 'layers'");
    if (cfg.name.empty()) cfg.name = base_name(path);
    return cfg;
}

HazardConfig load_hazard_config(const std::string& path) {
    const std::string text = read_file_limited(path, kMaxConfigBytes, "hazard config");
    return parse_hazard_config(text, path);
}

}  // namespace sheetgen

#include "hazard/config.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <glob.h>
#include <limits>
#include <set>

#include "common/read_file.hpp"
#include "common/schema.hpp"
#include "hazard/source_check.hpp"

namespace sheetgen {

namespace {

using Map = SchemaChecker::Map;

constexpr double kInf = std::numeric_limits<double>::infinity();
// Configs are a few KB. A cap keeps a wrong --hazards argument (a disk image,
// a 1 GB log) from being read whole and parsed for minutes.
constexpr size_t kMaxConfigBytes = 1024 * 1024;

// The schema: keys of the top level, of coverage/municipality, of a layer.
const std::vector<std::string> kTopKeys = {"name",   "description",          "coverage",
                                           "municipality", "location_uncertainty", "layers",
                                           "verdict_scenario"};
const std::vector<std::string> kUncertaintyKeys = {"town_m", "block_m"};
const std::vector<std::string> kAreaKeys = {"source", "layer", "crs"};
const std::vector<std::string> kCommonLayerKeys = {"kind",  "name",         "source", "layer", "scenario",
                                                   "crs",   "where",        "open_options", "raster", "band"};
const std::vector<std::string> kZoneKeys = {"legend", "field", "preset", "classes"};  // kinds with depth/duration classes
const std::vector<std::string> kTypedKeys = {"type", "type_field"};                   // typed kinds (house_collapse, landslide)
const std::vector<std::string> kRiverKeys = {"river", "river_field"};                 // every zone kind
const std::vector<std::string> kSourceItemKeys = {"source", "river"};                 // a map item of a source list
const std::vector<std::string> kPresetNames = {"a31a_depth", "a31_2012_depth", "a31a_duration"};
const std::vector<std::string> kCollapseTypes = {"flood_flow", "bank_erosion"};  // 氾濫流, 河岸侵食
// Base-map layers (kind: basemap) and the credit line any layer may carry.
const std::vector<std::string> kBasemapKeys = {"style", "label"};
const std::vector<std::string> kNotForBasemap = {"scenario", "raster", "band"};  // common keys a base map has no use for
const std::string kAttributionKey = "attribution";

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

// Depth presets fit every kind with depth classes (flood, storm surge, tsunami).
KindClasses preset_classes_kind(const std::string& preset) {
    return preset == "a31a_duration" ? KindClasses::Duration : KindClasses::Depth;
}

std::string preset_default_field(const std::string& preset) {
    if (preset == "a31_2012_depth") return "A31_001";
    if (preset == "a31a_duration") return "A31a_305";
    return "";  // a31a_depth: A31a_105 (計画規模) or A31a_205 (想定最大規模), so it must be named
}

// Shelter attribute keys, in the order the docs list them.
const std::vector<std::pair<std::string, std::string ShelterFields::*>>& shelter_keys() {
    static const std::vector<std::pair<std::string, std::string ShelterFields::*>> keys = {
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

std::vector<std::string> layer_keys() {
    std::vector<std::string> keys = kCommonLayerKeys;
    keys.insert(keys.end(), kZoneKeys.begin(), kZoneKeys.end());
    keys.insert(keys.end(), kTypedKeys.begin(), kTypedKeys.end());
    keys.insert(keys.end(), kRiverKeys.begin(), kRiverKeys.end());
    keys.push_back("shelter_type");
    for (const auto& [k, member] : shelter_keys()) keys.push_back(k);
    keys.insert(keys.end(), kBasemapKeys.begin(), kBasemapKeys.end());
    keys.push_back(kAttributionKey);
    return keys;
}

bool contains(const std::vector<std::string>& v, const std::string& k) {
    return std::find(v.begin(), v.end(), k) != v.end();
}

// Whether a (known) layer key means anything for a layer of this kind.
bool key_applies(const std::string& k, LayerKind kind) {
    const KindClasses classes = kind_info(kind).classes;
    if (k == kAttributionKey) return true;
    if (classes == KindClasses::Basemap)
        return contains(kBasemapKeys, k) || (contains(kCommonLayerKeys, k) && !contains(kNotForBasemap, k));
    if (contains(kBasemapKeys, k)) return false;
    if (contains(kZoneKeys, k)) return has_zone_classes(kind);
    if (contains(kTypedKeys, k)) return classes == KindClasses::Typed;
    if (contains(kRiverKeys, k)) return classes != KindClasses::Sites;
    if (contains(kCommonLayerKeys, k)) return true;
    return classes == KindClasses::Sites;  // shelter_type and the *_field keys
}

// One layer entry. Reports every problem it finds; the consistency checks at
// the end stop at a layer's first one, as later ones would only echo it.
class LayerReader {
public:
    LayerReader(SchemaChecker& c, const std::string& dir, const YNode& node, const std::string& where)
        : c_(c), dir_(dir), node_(node), where_(where) {}

    std::optional<LayerConfig> read() {
        const size_t problems_before = c_.problem_count();
        m_ = c_.map(&node_, where_, layer_keys());
        if (!m_) return std::nullopt;
        lc_.at = c_.at(node_);
        auto kind = c_.enumeration(c_.require(m_, "kind", node_), "layer kind", EnumTable<LayerKind>(kLayerKindNames));
        if (kind) {
            lc_.kind = *kind;
            drop_keys_of_other_kinds();
        }
        read_source();
        read_river_keys();
        read_common();
        read_raster_keys();
        if (kind) {
            read_zone_keys();
            read_typed_keys();
            read_shelter_keys();
            read_basemap_keys();
        }
        if (const YNode* v = get(kAttributionKey.c_str())) lc_.attribution = trim(c_.text(v, key_path(kAttributionKey)));
        if (c_.problem_count() == problems_before && kind) check_consistency();
        if (c_.problem_count() != problems_before) return std::nullopt;
        return lc_;
    }

private:
    const YNode* get(const char* k) const { return m_.get(k); }
    std::string key_path(const std::string& k) const { return where_ + "." + k; }

    // "key 'preset' does not apply to a shelters layer", then read as absent.
    void drop_keys_of_other_kinds() {
        for (size_t i = m_.keys.size(); i-- > 0;) {
            const std::string& k = m_.keys[i].first;
            if (key_applies(k, lc_.kind)) continue;
            c_.error(*m_.keys[i].second,
                     "key '" + k + "' does not apply to a " + std::string(to_string(lc_.kind)) + " layer");
            m_.found.erase(m_.found.begin() + static_cast<long>(i));
            m_.keys.erase(m_.keys.begin() + static_cast<long>(i));
        }
    }

public:
    // One file of the entry: where it was written, its river name.
    struct SourceItem {
        std::string source;
        SourceLocation at;
        std::string river;
        bool river_given = false;
    };
    const std::vector<SourceItem>& items() const { return items_; }
    const std::string& layer_river() const { return layer_river_; }

private:
    // `source:` is a path, a list of paths / {source, river} items, or a glob
    // (expanded when the config is read, see expand_layer).
    void read_source() {
        const YNode* v = c_.require(m_, "source", node_);
        if (!v) return;
        if (v->kind == YNode::Kind::Sequence) {
            if (v->items.empty()) c_.error(*v, "'source' is an empty list");
            for (size_t i = 0; i < v->items.size(); ++i) read_source_item(v->items[i], index_name(key_path("source"), i));
        } else {
            SourceItem it;
            it.source = trim(c_.text(v, key_path("source")));
            it.at = c_.at(*v);
            items_.push_back(it);
        }
        if (items_.empty()) return;
        lc_.source = items_.front().source;
        lc_.source_at = items_.front().at;
        lc_.resolved_source = resolve_source(dir_, lc_.source);
    }

    void read_source_item(const YNode& item, const std::string& where) {
        SourceItem it;
        it.at = c_.at(item);
        if (item.kind == YNode::Kind::Map) {
            Map im = c_.map(&item, where, kSourceItemKeys);
            it.source = trim(c_.text(c_.require(im, "source", item), where + ".source"));
            if (const YNode* r = im.get("river")) {
                it.river = trim(c_.text(r, where + ".river"));
                it.river_given = true;
            }
        } else {
            it.source = trim(c_.text(&item, where));
        }
        if (it.source.empty()) c_.error(item, "empty source in the 'source' list");
        else items_.push_back(it);
    }

    void read_river_keys() {
        if (const YNode* v = get("river")) layer_river_ = trim(c_.text(v, key_path("river")));
        if (const YNode* v = get("river_field")) {
            lc_.river_field = c_.text(v, key_path("river_field"));
            lc_.river_field_at = c_.at(*v);
        }
    }

    void read_common() {
        lc_.name = c_.text(get("name"), key_path("name"));
        if (const YNode* v = get("layer")) {
            lc_.layer = c_.text(v, key_path("layer"));
            lc_.layer_at = c_.at(*v);
        }
        if (auto sc = c_.enumeration_or_label(get("scenario"), "scenario", EnumTable<FloodScenario>(kFloodScenarioNames)))
            lc_.scenario = *sc;
        if (const YNode* v = get("crs")) {
            lc_.crs = trim(c_.text(v, key_path("crs")));
            lc_.crs_at = c_.at(*v);
        }
        if (const YNode* v = get("where")) {
            lc_.where = c_.text(v, key_path("where"));
            lc_.where_at = c_.at(*v);
        }
        if (auto* items = c_.list(get("open_options"), key_path("open_options")))
            for (const YNode& o : *items) {
                std::string s = c_.text(&o, key_path("open_options") + " item");
                if (o.kind == YNode::Kind::Scalar && (s.find('=') == std::string::npos || s.front() == '='))
                    c_.error(o, "open option '" + s + "' is not NAME=VALUE");
                else if (!s.empty())
                    lc_.open_options.push_back(s);
            }
        if (lc_.name.empty()) lc_.name = lc_.layer.empty() ? base_name(lc_.source) : lc_.layer;
    }

    void read_raster_keys() {
        if (const YNode* v = get("raster")) {
            lc_.raster = c_.boolean(v, key_path("raster"));
            lc_.raster_at = c_.at(*v);
        }
        if (const YNode* v = get("band")) {
            if (auto b = c_.integer(v, key_path("band"), 1, 65535)) lc_.band = static_cast<int>(*b);
            lc_.band_at = c_.at(*v);
        }
    }

    // legend: {"#RRGGBB": code, ...}; colours are the map's keys.
    void read_legend(const YNode& v) {
        lc_.legend_at = c_.at(v);
        if (v.kind != YNode::Kind::Map) {
            c_.error(v, "'legend' must map #RRGGBB colours to class codes, got " + std::string(kind_name(v)));
            return;
        }
        for (size_t i = 0; i < v.map_size(); ++i) {
            const std::string c = trim(v.key(i).value);
            char* end = nullptr;
            unsigned long rgb = c.size() == 7 && c[0] == '#' ? std::strtoul(c.c_str() + 1, &end, 16) : 0;
            if (v.key(i).kind != YNode::Kind::Scalar || c.size() != 7 || c[0] != '#' || !end || *end) {
                c_.error(v.key(i), "legend colour '" + c + "' is not #RRGGBB");
                continue;
            }
            std::string code = trim(c_.text(&v.val(i), "legend code"));
            if (!lc_.legend.emplace(static_cast<uint32_t>(rgb), code).second)
                c_.error(v.key(i), "legend colour '" + c + "' is given twice");
        }
        if (v.map_size() == 0) c_.error(v, "'legend' is empty");
    }

    // classes: {code: [min, max], ...}; max may be null (open-ended).
    void read_classes(const YNode& v) {
        if (v.kind != YNode::Kind::Map) {
            c_.error(v, "'classes' must map codes to [min, max], got " + std::string(kind_name(v)));
            return;
        }
        for (size_t i = 0; i < v.map_size(); ++i) {
            const std::string code = v.key(i).value;
            const YNode& range = v.val(i);
            if (range.kind != YNode::Kind::Sequence || range.items.size() != 2) {
                c_.error(range, "class '" + code + "' must be [min, max] (max may be null)");
                continue;
            }
            const std::string what = "class '" + code + "'";
            auto lo = c_.number(&range.items[0], what + " min", -1e300, 1e300);
            if (range.items[0].kind == YNode::Kind::Null)
                c_.error(range.items[0], "the lower bound of a class cannot be null");
            auto hi = range.items[1].kind == YNode::Kind::Null ? std::optional<double>(kInf)
                                                                 : c_.number(&range.items[1], what + " max", -1e300, 1e300);
            if (!lo || !hi) continue;
            if (*lo < 0 || !(*hi > *lo)) {
                c_.error(range, what + " needs 0 <= min < max");
                continue;
            }
            lc_.classes[trim(code)] = ClassRange{*lo, *hi};
        }
        if (v.map_size() == 0) c_.error(v, "'classes' is empty");
    }

    void read_zone_keys() {
        if (const YNode* v = get("legend")) read_legend(*v);
        if ((field_node_ = get("field"))) {
            lc_.field_given = true;
            lc_.field = c_.text(field_node_, key_path("field"));
            lc_.field_at = c_.at(*field_node_);
        }
        if ((preset_node_ = get("preset"))) {
            if (auto p = c_.one_of(preset_node_, "preset", kPresetNames)) lc_.preset = *p;
            lc_.preset_at = c_.at(*preset_node_);
        }
        if ((classes_node_ = get("classes"))) read_classes(*classes_node_);
    }

    void read_typed_keys() {
        if (const YNode* v = get("type")) {
            if (lc_.kind == LayerKind::HouseCollapse) {
                if (auto t = c_.one_of(v, "house_collapse type", kCollapseTypes)) lc_.type = *t;
            } else {
                lc_.type = c_.text(v, key_path("type"));
            }
        }
        if (const YNode* v = get("type_field")) {
            lc_.type_field = c_.text(v, key_path("type_field"));
            lc_.type_field_at = c_.at(*v);
        }
    }

    void read_shelter_keys() {
        if (auto t = c_.enumeration(get("shelter_type"), "shelter_type", EnumTable<ShelterType>(kShelterTypeNames)))
            lc_.shelter_type = *t;
        for (const auto& [k, member] : shelter_keys()) {
            const YNode* v = m_.get(k);
            if (!v) continue;
            // null switches a default-named field off.
            lc_.shelter_fields.*member = c_.text(v, key_path(k));
            lc_.shelter_field_at[k] = c_.at(*v);
        }
    }

    // style (required) and label of a base-map layer.
    void read_basemap_keys() {
        if (lc_.kind != LayerKind::Basemap) return;
        if (auto s = c_.enumeration(c_.require(m_, "style", node_), "basemap style",
                                    EnumTable<BasemapStyle>(kBasemapStyleNames)))
            lc_.style = *s;
        if (const YNode* v = get("label")) {
            lc_.label_field = trim(c_.text(v, key_path("label")));
            lc_.label_at = c_.at(*v);
        }
    }

    bool fail(const YNode& at, const std::string& message) {
        c_.error(at, message);
        return false;
    }

    bool check_consistency() {
        if (!lc_.type.empty() && !lc_.type_field.empty()) return fail(node_, "use either 'type' or 'type_field', not both");
        const bool zone_classes = has_zone_classes(lc_.kind);
        if (zone_classes && !check_class_source()) return false;
        if (lc_.raster == true && !check_raster(zone_classes)) return false;
        if (lc_.band_at.line && lc_.raster == false) return fail(node_, "'band' applies only to raster layers");
        return lc_.legend.empty() || check_legend();
    }

    // Where the class of a zone comes from: a preset, classes, or nothing
    // (a flood_depth layer without field is legal: inside = "depth unknown").
    bool check_class_source() {
        if (preset_node_ && classes_node_) return fail(*classes_node_, "use either 'preset' or 'classes', not both");
        if (preset_node_) return check_preset();
        if (classes_node_) {
            if (lc_.field.empty() && lc_.raster == false)
                return fail(*classes_node_, "'classes' needs 'field' (the attribute holding the code)");
            // Without field and without raster: true, a vector source needs it (checked at load).
            if (lc_.field.empty() && lc_.raster != true) {
                lc_.field_required = true;
                lc_.preset_at = c_.at(*classes_node_);
            }
            return true;
        }
        if (field_node_) return fail(*field_node_, "'field' needs 'classes' or 'preset' to say what its codes mean");
        if (kind_info(lc_.kind).classes == KindClasses::Duration)
            return fail(node_, "a " + std::string(to_string(lc_.kind)) +
                                   " layer needs 'field' with 'preset: a31a_duration' or 'classes'");
        return true;
    }

    bool check_preset() {
        if (preset_classes_kind(lc_.preset) != kind_info(lc_.kind).classes)
            return fail(*preset_node_, "preset '" + lc_.preset + "' does not fit a " + to_string(lc_.kind) + " layer");
        lc_.classes = preset_classes(lc_.preset);
        if (!lc_.field.empty() || lc_.raster == true) return true;
        lc_.field = preset_default_field(lc_.preset);
        lc_.field_at = lc_.preset_at;
        if (!lc_.field.empty()) return true;
        // Unless the source turns out to be a raster (cell values are the codes).
        if (lc_.raster == false)
            return fail(*preset_node_, "preset '" + lc_.preset +
                                           "' needs 'field' (e.g. A31a_205 for 想定最大規模, A31a_105 for 計画規模)");
        lc_.field_required = true;
        return true;
    }

    bool check_raster(bool zone_classes) {
        if (!zone_classes)
            return fail(node_, "a raster layer must be of a kind with depth or duration classes (flood_depth, "
                               "flood_duration, storm_surge, tsunami): classes come from cell values");
        if (field_node_)
            return fail(*field_node_, "'field' does not apply to a raster layer: the cell value is the class code");
        if (lc_.classes.empty()) return fail(node_, "a raster layer needs 'preset' or 'classes' for its cell values");
        return true;
    }

    bool check_legend() {
        if (lc_.raster == false) return fail(node_, "'legend' applies only to raster layers");
        if (lc_.band_at.line) return fail(node_, "use either 'legend' (colours of bands 1-3) or 'band', not both");
        if (field_node_)
            return fail(*field_node_, "'field' does not apply to a raster layer: the cell colour is the class");
        if (lc_.classes.empty()) return fail(node_, "'legend' needs 'preset' or 'classes' for its codes");
        for (const auto& [rgb, code] : lc_.legend)
            if (!lc_.classes.count(code))
                return fail(node_, "legend code '" + code + "' is not a class of this layer's preset or classes");
        lc_.raster = true;
        lc_.field.clear();  // a preset's default field does not apply
        lc_.field_required = false;
        return true;
    }

    SchemaChecker& c_;
    const std::string& dir_;
    const YNode& node_;
    std::string where_;
    Map m_;
    LayerConfig lc_;
    std::vector<SourceItem> items_;
    std::string layer_river_;
    const YNode* field_node_ = nullptr;
    const YNode* preset_node_ = nullptr;
    const YNode* classes_node_ = nullptr;
};

// `coverage:` / `municipality:`: a source path, or {source, layer, crs}.
std::optional<AreaConfig> read_area(SchemaChecker& c, const std::string& dir, const std::string& key, const Map& top) {
    const YNode* v = top.get(key);
    if (!v) return std::nullopt;
    AreaConfig a;
    a.at = c.at(*top.key_node(key));
    if (v->kind == YNode::Kind::Scalar) {
        a.source = trim(v->value);
    } else if (v->kind == YNode::Kind::Map) {
        Map m = c.map(v, key, kAreaKeys);
        a.source = trim(c.text(m.get("source"), key + ".source"));
        a.layer = c.text(m.get("layer"), key + ".layer");
        a.crs = trim(c.text(m.get("crs"), key + ".crs"));
    } else {
        c.error(*v, "'" + key + "' must be a polygon source or {source, layer}");
        return std::nullopt;
    }
    if (a.source.empty()) {
        c.error(*v, "'" + key + "' has no source");
        return std::nullopt;
    }
    a.resolved_source = resolve_source(dir, a.source);
    return a;
}

bool is_glob(const std::string& s) { return s.find_first_of("*?[") != std::string::npos; }

// "{file}" in a river name is the file's base name (A31a files are named per river).
std::string river_name(const std::string& tmpl, const std::string& file) {
    std::string r = tmpl;
    const size_t at = r.find("{file}");
    if (at != std::string::npos) r.replace(at, 6, base_name(file));
    return r;
}

// The files of one layer entry, each a LayerConfig located at its list item.
// A glob matches files on the disk now (sorted, so the order is stable); a
// glob matching nothing is an error at its line.
void expand_layer(SchemaChecker& c, const std::string& dir, const LayerReader& reader, LayerConfig lc, size_t entry,
                  std::vector<LayerConfig>& out) {
    lc.entry = entry;
    const bool several = reader.items().size() > 1;
    for (const auto& item : reader.items()) {
        std::vector<std::string> files;
        const std::string resolved = resolve_source(dir, item.source);
        if (is_file_source(resolved) && is_glob(item.source)) {
            glob_t g{};
            const int rc = ::glob(resolved.c_str(), GLOB_ERR, nullptr, &g);
            for (size_t i = 0; rc == 0 && i < g.gl_pathc; ++i) files.push_back(g.gl_pathv[i]);
            globfree(&g);
            if (files.empty()) {
                c.error(item.at.line, item.at.column, "source pattern '" + item.source + "' matches no file");
                continue;
            }
        } else {
            files.push_back(resolved);
        }
        for (const auto& f : files) {
            LayerConfig one = lc;
            one.resolved_source = f;
            // As written, or the matched file relative to how the pattern was written.
            one.source = files.size() == 1 && !is_glob(item.source) ? item.source : f;
            one.source_at = item.at;
            if (several || files.size() > 1 || is_glob(item.source)) one.at = item.at;
            one.river = river_name(item.river_given ? item.river : reader.layer_river(), f);
            out.push_back(std::move(one));
        }
    }
}

void read_config(SchemaChecker& c, const YNode& root, HazardConfig& cfg) {
    Map top = c.map(&root, "the hazard config", kTopKeys);
    if (!top) return;
    cfg.name = c.text(top.get("name"), "name");
    c.text(top.get("description"), "description");
    cfg.coverage = read_area(c, cfg.dir, "coverage", top);
    cfg.municipality = read_area(c, cfg.dir, "municipality", top);
    if (Map u = c.map(top.get("location_uncertainty"), "location_uncertainty", kUncertaintyKeys)) {
        cfg.uncertainty_town_m = c.number(u.get("town_m"), "location_uncertainty.town_m", 0, 5000);
        cfg.uncertainty_block_m = c.number(u.get("block_m"), "location_uncertainty.block_m", 0, 5000);
    }
    if (const YNode* v = top.get("verdict_scenario")) {
        if (auto sc = c.enumeration_or_label(v, "verdict_scenario", EnumTable<FloodScenario>(kFloodScenarioNames)))
            cfg.verdict_scenario = *sc;
        cfg.verdict_scenario_at = c.at(*v);
    }
    const YNode* layers = c.require(top, "layers", root);
    const std::vector<YNode>* items = c.list(layers, "layers");
    if (items && items->empty()) c.error(*layers, "'layers' must be a non-empty list");
    for (size_t i = 0; items && i < items->size(); ++i) {
        LayerReader reader(c, cfg.dir, (*items)[i], index_name("layers", i));
        if (auto lc = reader.read()) expand_layer(c, cfg.dir, reader, std::move(*lc), i, cfg.layers);
    }
}

}  // namespace

const char* to_string(LayerKind k) { return EnumTable<LayerKind>(kLayerKindNames).name(k); }

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
    YamlReadOptions options;
    options.what = "hazard config";
    options.one_document_hint = "a hazard config is one document";
    read_or_throw(text, path, options, [&](SchemaChecker& c, const YNode& root) { read_config(c, root, cfg); });
    if (cfg.name.empty()) cfg.name = base_name(path);
    return cfg;
}

HazardConfig load_hazard_config(const std::string& path) {
    const std::string text = read_file_limited(path, kMaxConfigBytes, "hazard config");
    return parse_hazard_config(text, path);
}

}  // namespace sheetgen

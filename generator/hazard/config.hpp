#pragma once
// Hazard configuration (geodata/*.yaml): which layers to load and how to read
// their attributes. Every element remembers where it was written so errors
// can point at the config line. Format: docs/hazard-config.md.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/enum_table.hpp"
#include "common/error.hpp"
#include "hazard/basemap_styles.hpp"
#include "hazard/exposure.hpp"
#include "hazard/kinds.hpp"

namespace sheetgen {

const char* to_string(LayerKind k);  // "flood_depth" ... (hazard/kinds.hpp)

// A value range for one attribute code: metres for depth, hours for duration.
// max is kUnbounded-like (infinity) when open-ended.
struct ClassRange {
    double min = 0;
    double max = 0;
};

// Field names of a shelter layer. Empty = not mapped (flag stays false, or
// power stays unknown).
struct ShelterFields {
    std::string id = "共通ID";
    std::string name = "施設・場所名";
    std::string address = "住所";
    std::string flood = "洪水";
    std::string landslide = "崖崩れ、土石流及び地滑り";
    std::string earthquake = "地震";
    std::string inland_flood = "内水氾濫";
    std::string welfare;  // optional
    std::string power;    // optional
    std::string indoor;   // optional: 1 = a building one can stay in
    std::string x;        // optional: read coordinates from these attributes
    std::string y;        //           instead of the feature geometry
};

struct LayerConfig {
    SourceLocation at;        // the layer entry (its first key); for a file of a list or glob, that list item
    std::string name;         // label; defaults to `layer` or the source file name
    // Multi-file layers: an entry whose `source:` is a list or a glob (A31a
    // comes as one shapefile per river and scenario) is read as one
    // LayerConfig per file, consecutive in `layers`, sharing `entry`; the
    // worst class across the files wins like across any layers.
    size_t entry = 0;         // index of the config's layer entry
    std::string source;       // as written (for a glob: the matched file)
    std::string resolved_source;  // relative paths joined to the config's directory
    SourceLocation source_at;
    std::string layer;        // OGR layer name; empty = the first layer
    SourceLocation layer_at;
    LayerKind kind = LayerKind::FloodDepth;
    FloodScenario scenario = FloodScenario::Unknown;  // `scenario:` planned / maximum (計画規模 / 想定最大規模)
    std::string crs;          // used when the source has no CRS
    SourceLocation crs_at;
    std::string where;        // OGR attribute filter
    SourceLocation where_at;
    std::vector<std::string> open_options;  // NAME=VALUE for GDALOpenEx
    // Raster sources (GeoTIFF, VRT, MBTiles ...): the class comes from the
    // cell value of `band`. Unset = detected when loading (a source with
    // raster bands and no vector layer is a raster).
    std::optional<bool> raster;
    SourceLocation raster_at;
    int band = 1;
    SourceLocation band_at;
    // Colour-legend rasters (GSI hazard tiles): cell colour 0xRRGGBB -> class
    // code. The raster is read as RGB(A) bands 1-3 (4 = alpha) or a paletted band.
    std::map<uint32_t, std::string> legend;
    SourceLocation legend_at;
    // A preset without a default field (a31a_depth) on a layer that may turn
    // out to be a raster: a vector source then needs `field`, checked at load.
    bool field_required = false;
    bool field_given = false;  // `field:` written (not a preset's default)
    SourceLocation preset_at;
    // Depth / duration class mapping (code as text -> range).
    std::string field;
    SourceLocation field_at;
    std::string preset;       // a31a_depth, a31_2012_depth, a31a_duration
    std::map<std::string, ClassRange> classes;
    // house_collapse / landslide: fixed type label or a field holding it.
    std::string type;
    std::string type_field;
    SourceLocation type_field_at;
    // River name for the reasons (「多摩川の浸水想定」): `river:` of the list
    // item or the layer ("{file}" = the file's base name), or per feature
    // from `river_field`. Empty = not named.
    std::string river;
    std::string river_field;
    SourceLocation river_field_at;
    // shelters: what the layer's sites are (emergency_site for the GSI
    // 指定緊急避難場所 data); a truthy welfare field makes a site a welfare shelter.
    ShelterType shelter_type = ShelterType::EmergencySite;
    ShelterFields shelter_fields;
    std::map<std::string, SourceLocation> shelter_field_at;  // config key -> where written
    // basemap: how the map draws the features (hazard/basemap_styles.hpp) and
    // the attribute holding their label text (a station's N02_005); empty = no labels.
    BasemapStyle style = BasemapStyle::Road;
    std::string label_field;
    SourceLocation label_at;
    // Any layer: the credit line its licence asks for (「国土数値情報（鉄道データ）
    // （国土交通省）を加工して作成」), printed under every map that draws its data.
    std::string attribution;
};

// A polygon source for an area (coverage, municipality boundary).
struct AreaConfig {
    SourceLocation at;  // the key in the config
    std::string source;
    std::string resolved_source;
    std::string layer;  // empty = the first layer
    std::string crs;    // for a source without a CRS
};

struct HazardConfig {
    std::string path;  // config file as given
    std::string dir;   // its directory ("." when none)
    std::string name;  // `name:` or the file's base name
    std::vector<LayerConfig> layers;
    // Where the flood data is known to apply; unset = the union of the flood
    // layers' extents. A point outside is "no hazard data", never "safe".
    std::optional<AreaConfig> coverage;
    // The municipality the households should lie in; unset = not checked.
    std::optional<AreaConfig> municipality;
    // How far a home located from its address may be from the gazetteer
    // point (location_uncertainty: {town_m, block_m}); unset = 500 m / 50 m.
    std::optional<double> uncertainty_town_m, uncertainty_block_m;
    // The scenario whose depth decides the verdict when the config loads
    // flood layers of both (`verdict_scenario:`, default maximum).
    FloodScenario verdict_scenario = FloodScenario::Maximum;
    SourceLocation verdict_scenario_at;  // line 0 when not written
};

// Throws one InputError listing EVERY problem found, each at file:line:column
// (columns in characters): syntax, unknown or duplicate key (with a
// did-you-mean), wrong type, bad class range, unknown preset/kind.
HazardConfig load_hazard_config(const std::string& path);
// Same, from text already read; `path` names the file for messages and for
// resolving relative sources.
HazardConfig parse_hazard_config(const std::string& text, const std::string& path);

// Class tables of the presets (for docs and tests); empty when unknown.
std::map<std::string, ClassRange> preset_classes(const std::string& preset);

// true for the usual "yes" spellings in Japanese open data: 1, true, yes, ○, ◯, 〇.
bool truthy_flag(const std::string& value);

}  // namespace sheetgen

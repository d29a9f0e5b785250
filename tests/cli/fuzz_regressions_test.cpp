// Replays every input the fuzzers ever crashed on (tests/fuzz/regressions/
// <target>/) through the same entry points as the fuzz targets, plus the
// invalid-profile corpus through all three loaders: bad input must end in
// diagnostics or InputError, never another exception or a crash. Run under
// SHEETGEN_SANITIZE=ON to catch memory errors too.
#include <catch2/catch.hpp>

#include <functional>
#include <memory>
#include <utility>

#include "cli/hardening_support.hpp"
#include "hazard/config.hpp"
#include "hazard/hazard_set.hpp"
#include "profile/parse.hpp"
#include "layout/font.hpp"
#include "render/template.hpp"

using namespace sheetgen;
using namespace sheetgen::test;

namespace {

std::vector<std::string> files_under(const std::string& dir) {
    std::vector<std::string> out;
    for (const auto& n : list_dir(dir))
        if (n != "README.md" && n[0] != '.') out.push_back(dir + "/" + n);
    return out;
}

// Same as fuzz_profile: diagnostics only, nothing thrown.
void replay_profile(const std::string& bytes) {
    ProfileResult r = parse_profile(bytes, "regression.yaml");
    if (!r.ok()) CHECK_FALSE(r.diagnostics.empty());
}

// Same as fuzz_hazard_config: the loader reads a file; InputError is fine.
void replay_hazard_config(const std::string& bytes, const TempDir& tmp) {
    write_file(tmp.file("config.yaml"), bytes);
    try {
        load_hazard_config(tmp.file("config.yaml"));
    } catch (const InputError& e) {
        CHECK(e.where().file == tmp.file("config.yaml"));
    }
}

// Same as fuzz_hazard_layer: the bytes are a GeoJSON layer read by two zone
// layers, then overlaid and extracted; InputError is fine.
void replay_hazard_layer(const std::string& bytes, const TempDir& tmp) {
    write_file(tmp.file("zones.geojson"), bytes);
    const std::string config =
        "layers:\n"
        "  - {name: zones, source: zones.geojson, kind: flood_depth, crs: EPSG:6668}\n"
        "  - {name: collapse, source: zones.geojson, kind: house_collapse, type: flood_flow, crs: EPSG:6668}\n";
    try {
        std::vector<Diagnostic> warnings;
        HazardSet set = HazardSet::load(parse_hazard_config(config, tmp.file("layer-config.yaml")), &warnings);
        for (const LatLon& p : {LatLon{35.63, 139.45}, LatLon{0, 0}, LatLon{35.0, 135.0}, LatLon{-90, 180}})
            set.expose(p);
        set.extract_map({35.63, 139.45}, 2000, 1500, 5);
    } catch (const InputError& e) {
        CHECK(e.where().file == tmp.file("layer-config.yaml"));
    }
}

struct TemplateContext {
    render::FieldSchema schema = render::build_field_schema();
    std::shared_ptr<const render::FontFace> font = render::FontFace::load(SHEETGEN_DEFAULT_FONT);
    std::function<bool(char32_t)> drawable = [f = font](char32_t cp) { return f->has_glyph(cp); };
};

void replay_template(const std::string& bytes, const TempDir& tmp, const TemplateContext& ctx) {
    write_file(tmp.file("template.yaml"), bytes);
    try {
        render::load_template(tmp.file("template.yaml"), ctx.schema, ctx.drawable);
    } catch (const InputError& e) {
        CHECK(e.where().file == tmp.file("template.yaml"));
    }
}

}  // namespace

TEST_CASE("Fuzzer regression inputs replay without crashing", "[cli][fuzz]") {
    TempDir tmp;
    TemplateContext ctx;
    const std::string root = source_path("tests/fuzz/regressions");
    const std::pair<const char*, std::function<void(const std::string&)>> targets[] = {
        {"fuzz_profile", [&](const std::string& b) { replay_profile(b); }},
        {"fuzz_hazard_config", [&](const std::string& b) { replay_hazard_config(b, tmp); }},
        {"fuzz_template", [&](const std::string& b) { replay_template(b, tmp, ctx); }},
        {"fuzz_hazard_layer", [&](const std::string& b) { replay_hazard_layer(b, tmp); }},
    };
    for (const auto& [target, replay] : targets) {
        // An empty folder would make this test pass without replaying anything.
        const auto files = files_under(root + "/" + target);
        INFO(target);
        REQUIRE(files.size() >= 5);
        for (const auto& f : files) {
            INFO(f);
            CHECK_NOTHROW(replay(read_file(f)));
        }
    }
}

TEST_CASE("Every seed and invalid input is handled by every loader", "[cli][fuzz]") {
    // Profiles fed to the config and template loaders (and the reverse) are
    // the cheapest wrong-schema inputs there are.
    TempDir tmp;
    TemplateContext ctx;
    std::vector<std::string> inputs;
    for (const auto& dir : {"samples", "samples/invalid", "geodata", "templates"})
        for (const auto& n : list_dir(source_path(dir)))
            if (ends_with(n, ".yaml")) inputs.push_back(source_path(std::string(dir) + "/" + n));
    REQUIRE(inputs.size() > 30);
    for (const auto& f : inputs) {
        INFO(f);
        const std::string bytes = read_file(f);
        CHECK_NOTHROW(replay_profile(bytes));
        CHECK_NOTHROW(replay_hazard_config(bytes, tmp));
        CHECK_NOTHROW(replay_template(bytes, tmp, ctx));
    }
}

// Acceptance on the real public data: diff between the 2012 A31 layer
// (geodata/tokyo-real.yaml) and the 2023 maximum-scale ranks
// (geodata/tama-maxscale.yaml) says entered_zone / left_zone exactly where
// GDAL's own point-in-polygon on the two sources says so, at generated points
// at least 15 m from any zone edge.
#include <catch2/catch.hpp>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <map>
#include <memory>
#include <sstream>
#include <sys/stat.h>

#include "diff/diff_lib.hpp"
#include "report/flag_report.hpp"
#include "test_support.hpp"

using namespace sheetgen;
using namespace sheetgen::commands;
using namespace sheetgen::test;

namespace {

constexpr double kMarginM = 15.0;

// Every polygon of one source layer, in a metric CRS (JGD2011 plane IX,
// EPSG:6677, metres), repaired only where GEOS calls it invalid.
struct Zones {
    std::vector<std::unique_ptr<OGRGeometry>> polygons;
    std::vector<OGREnvelope> boxes;

    void add(const std::string& path, const std::string& layer_name, const OGRSpatialReference& metric,
             const OGRGeometry& area_ll) {
        GDALDataset* ds =
            GDALDataset::FromHandle(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr));
        REQUIRE(ds);
        OGRLayer* layer = layer_name.empty() ? ds->GetLayer(0) : ds->GetLayerByName(layer_name.c_str());
        REQUIRE(layer);
        OGRSpatialReference src(*layer->GetSpatialRef());
        src.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        std::unique_ptr<OGRCoordinateTransformation> ct(OGRCreateCoordinateTransformation(&src, &metric));
        REQUIRE(ct);
        std::unique_ptr<OGRGeometry> filter(area_ll.clone());
        layer->SetSpatialFilter(filter.get());  // lon/lat, as both sources are (JGD2000 / JGD2011 degrees)
        for (auto& f : *layer) {
            const OGRGeometry* g = f->GetGeometryRef();
            if (!g) continue;
            std::unique_ptr<OGRGeometry> m(g->IsValid() ? g->clone() : g->MakeValid());
            if (!m || m->transform(ct.get()) != OGRERR_NONE) continue;
            OGREnvelope env;
            m->getEnvelope(&env);
            boxes.push_back(env);
            polygons.push_back(std::move(m));
        }
        GDALClose(GDALDataset::ToHandle(ds));
    }

    // inside: the point lies in some polygon; near: a polygon's edge passes
    // within the margin (the disc is neither inside nor outside it).
    void classify(const OGRPoint& pt, const OGRGeometry& disc, bool& inside, bool& near) const {
        inside = near = false;
        OGREnvelope d;
        disc.getEnvelope(&d);
        for (size_t i = 0; i < polygons.size(); ++i) {
            const OGREnvelope& b = boxes[i];
            if (b.MaxX < d.MinX || b.MinX > d.MaxX || b.MaxY < d.MinY || b.MinY > d.MaxY) continue;
            if (!polygons[i]->Intersects(&disc)) continue;
            if (polygons[i]->Contains(&disc)) inside = true;
            else near = true;
            (void)pt;
        }
    }
};

}  // namespace

TEST_CASE("diff: tokyo-real to tama-maxscale, entered/left zone exactly where GDAL's point-in-polygon says") {
    if (!file_exists(shared_data("tokyo/A31-12_13.shp")) ||
        !file_exists(shared_data("tama-maxscale/flood_maxscale_tama.gpkg")))
        SHEETGEN_SKIP(shared_data_dir() + " not present (real public data; SHEETGEN_SHARED_DATA overrides)");
    GDALAllRegister();
    CPLPushErrorHandler(CPLQuietErrorHandler);
    OGRSpatialReference ll, metric;
    ll.importFromEPSG(6668);
    ll.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    metric.importFromEPSG(6677);
    metric.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> to_metric(OGRCreateCoordinateTransformation(&ll, &metric));
    REQUIRE(to_metric);

    // The city (the configs' coverage): points at least 15 m inside it.
    GDALDataset* city_ds = GDALDataset::FromHandle(GDALOpenEx(
        shared_data("tokyo/tama_boundary_13224.geojson").c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr));
    REQUIRE(city_ds);
    std::unique_ptr<OGRGeometry> city_ll;
    for (auto& f : *city_ds->GetLayer(0))
        if (f->GetGeometryRef())
            city_ll.reset(city_ll ? city_ll->Union(f->GetGeometryRef()) : f->GetGeometryRef()->clone());
    GDALClose(GDALDataset::ToHandle(city_ds));
    REQUIRE(city_ll);
    std::unique_ptr<OGRGeometry> city(city_ll->clone());
    REQUIRE(city->transform(to_metric.get()) == OGRERR_NONE);
    OGREnvelope area;
    city_ll->getEnvelope(&area);

    Zones old_zones, new_zones;
    old_zones.add(shared_data("tokyo/A31-12_13.shp"), "", metric, *city_ll);
    for (const char* layer : {"primary_rivers", "other_rivers"})
        new_zones.add(shared_data("tama-maxscale/flood_maxscale_tama.gpkg"), layer, metric, *city_ll);
    REQUIRE(old_zones.polygons.size() > 10);
    REQUIRE(new_zones.polygons.size() > 1000);

    // A regular grid (about 150 m) plus points around 永山駅, where the
    // issue says the 2023 data adds a zone the 2012 data lacks.
    TempDir dir;
    ::mkdir(dir.file("profiles").c_str(), 0700);
    const std::string sample = read_file(source_path("samples/tama-004.yaml"));
    std::map<std::string, std::pair<bool, bool>> truth;  // id -> (in 2012, in 2023)
    int n = 0, skipped_near = 0;
    std::vector<LatLon> points;
    for (double lat = area.MinY + 0.0007; lat < area.MaxY; lat += 0.0007)
        for (double lon = area.MinX + 0.0009; lon < area.MaxX; lon += 0.0008) points.push_back({lat, lon});
    for (double dlat = -0.002; dlat <= 0.002; dlat += 0.0005)
        for (double dlon = -0.002; dlon <= 0.002; dlon += 0.0005) points.push_back({35.6238 + dlat, 139.4480 + dlon});
    for (const LatLon& p : points) {
        OGRPoint pt(p.lon, p.lat);
        REQUIRE(pt.transform(to_metric.get()) == OGRERR_NONE);
        std::unique_ptr<OGRGeometry> disc(pt.Buffer(kMarginM, 8));
        if (!city->Contains(disc.get())) continue;
        bool in_old, near_old, in_new, near_new;
        old_zones.classify(pt, *disc, in_old, near_old);
        new_zones.classify(pt, *disc, in_new, near_new);
        if (near_old || near_new) {
            ++skipped_near;
            continue;
        }
        char id[32];
        std::snprintf(id, sizeof id, "pt-%05d", n++);
        truth[id] = {in_old, in_new};
        std::string text = sample;
        text.replace(text.find("id: tama-004"), 12, std::string("id: ") + id);
        const std::string loc = "location: {lat: 35.6305, lon: 139.4480}";
        text.replace(text.find(loc), loc.size(),
                     "location: {lat: " + format_fixed(p.lat, 6) + ", lon: " + format_fixed(p.lon, 6) + "}");
        write_file(dir.file(std::string("profiles/") + id + ".yaml"), text);
    }
    CPLPopErrorHandler();
    int entered = 0, left = 0, both = 0;
    for (const auto& [id, t] : truth) {
        entered += !t.first && t.second;
        left += t.first && !t.second;
        both += t.first && t.second;
    }
    INFO(truth.size() << " points, " << skipped_near << " near an edge, entered " << entered << ", left " << left);
    REQUIRE(truth.size() > 500);
    REQUIRE(entered >= 10);  // otherwise the comparison below proves little
    REQUIRE(left >= 2);      // the 2012 zones lie mostly inside the 2023 ones: few points leave
    REQUIRE(both >= 10);

    DiffOptions o;
    o.before_config = real_config(dir.path(), "tokyo-real.yaml");
    o.after_config = real_config(dir.path(), "tama-maxscale.yaml");
    o.profile_paths = {dir.file("profiles")};
    o.out_csv = dir.file("out/changes.csv");
    o.geojson = dir.file("out/changes.geojson");
    o.as_of = Date{2026, 5, 1};
    o.run.jobs = 2;
    std::ostringstream out, err;
    DiffResult r = diff_households(o, Streams{out, err});
    CHECK(r.skipped == 0);
    CHECK(r.counts["entered_zone"] == entered);
    CHECK(r.counts["left_zone"] == left);

    // Row by row, read back through OGR.
    GDALDataset* ds = GDALDataset::FromHandle(
        GDALOpenEx(dir.file("out/changes.geojson").c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr));
    REQUIRE(ds);
    int rows = 0, wrong = 0;
    for (auto& f : *ds->GetLayer(0)) {
        ++rows;
        const std::string id = f->GetFieldAsString("id");
        const std::string codes = ";" + std::string(f->GetFieldAsString("change_codes")) + ";";
        const auto& t = truth.at(id);
        const bool want_entered = !t.first && t.second, want_left = t.first && !t.second;
        if ((codes.find(";entered_zone;") != std::string::npos) != want_entered ||
            (codes.find(";left_zone;") != std::string::npos) != want_left) {
            ++wrong;
            WARN(id << ": " << codes << " but GDAL says 2012 " << t.first << ", 2023 " << t.second);
        }
    }
    GDALClose(GDALDataset::ToHandle(ds));
    CHECK(rows == static_cast<int>(truth.size()));
    CHECK(wrong == 0);
}

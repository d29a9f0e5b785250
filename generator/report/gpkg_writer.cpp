#include "report/gpkg_writer.hpp"

#include <cmath>
#include <cstdio>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/error.hpp"
#include "report/flag_report.hpp"

namespace sheetgen {

struct GpkgWriter::Impl {
    std::string path, temp, temp_dir;
    OutputOptions opts;
    GDALDataset* ds = nullptr;
    OGRLayer* layer = nullptr;
    bool in_transaction = false;

    ~Impl() {
        if (ds) GDALClose(ds);
        if (!temp_dir.empty()) {
            ::unlink(temp.c_str());
            ::unlink((temp + "-journal").c_str());
            ::rmdir(temp_dir.c_str());
            unregister_temporary(temp_dir);
        }
    }
};

namespace {
// A real field gets NULL for a non-finite number (an unbounded runtime, a
// failed computation): SQLite would store inf, which QGIS shows as garbage.
void set_real(OGRFeature& f, const char* field, double v) {
    if (std::isfinite(v))
        f.SetField(field, v);
    else
        f.SetFieldNull(f.GetFieldIndex(field));
}

std::string join_reasons(const Verdict& v, bool ja) {
    std::string s;
    for (const auto& r : v.reasons) {
        if (!s.empty()) s += ja ? " ／ " : " / ";
        s += ja ? r.ja : r.en;
    }
    return s;
}
}  // namespace

GpkgWriter::GpkgWriter(const std::string& path, const Date& stamp, const OutputOptions& opts)
    : impl_(std::make_unique<Impl>()) {
    GDALAllRegister();
    impl_->path = path;
    impl_->opts = opts;
    check_replaceable(path);
    // GDAL picks the driver by name, so the temporary keeps the .gpkg ending;
    // it lives in a fresh 0700 directory beside the target (mkdtemp), so it is
    // never readable by others while written and never collides with a file
    // that is already there.
    std::string dir_tmpl = path + ".tmp-XXXXXX";
    if (!::mkdtemp(dir_tmpl.data())) throw OutputError("cannot create a temporary directory beside " + path);
    impl_->temp_dir = dir_tmpl;
    register_temporary(impl_->temp_dir, true);
    impl_->temp = impl_->temp_dir + "/households.gpkg";
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GPKG");
    if (!drv) throw OutputError("GDAL has no GeoPackage driver");
    // Fixed timestamps (gpkg_contents.last_change) for byte-identical output.
    const std::string when = stamp.iso() + "T00:00:00Z";
    CPLSetThreadLocalConfigOption("OGR_CURRENT_DATE", when.c_str());
    impl_->ds = drv->Create(impl_->temp.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
    if (!impl_->ds) throw OutputError("cannot create GeoPackage " + path + ": " + CPLGetLastErrorMsg());
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    impl_->layer = impl_->ds->CreateLayer("households", &wgs84, wkbPoint, nullptr);
    if (!impl_->layer) throw OutputError("cannot create layer in " + path + ": " + CPLGetLastErrorMsg());
    const std::pair<const char*, OGRFieldType> fields[] = {
        {"id", OFTString},          {"name", OFTString},           {"district", OFTString},
        {"level", OFTString},       {"in_flood_zone", OFTInteger}, {"depth_min_m", OFTReal},
        {"depth", OFTString},       {"duration", OFTString},       {"house_collapse", OFTInteger},
        {"landslide", OFTInteger},  {"living_floor", OFTInteger},  {"power_hours", OFTReal},
        {"shelter_status", OFTString}, {"suggested_shelter", OFTString}, {"suggested_distance_m", OFTReal},
        {"reason_codes", OFTString}, {"reasons", OFTString},       {"reasons_en", OFTString},
    };
    for (const auto& [name, type] : fields) {
        OGRFieldDefn def(name, type);
        if (impl_->layer->CreateField(&def) != OGRERR_NONE)
            throw OutputError(std::string("cannot create field ") + name + " in " + path);
    }
    impl_->in_transaction = impl_->ds->StartTransaction() == OGRERR_NONE;
}

GpkgWriter::~GpkgWriter() { CPLSetThreadLocalConfigOption("OGR_CURRENT_DATE", nullptr); }

void GpkgWriter::add(const Profile& p, const Verdict& v) {
    OGRFeature f(impl_->layer->GetLayerDefn());
    const Exposure& e = v.exposure;
    f.SetField("id", p.id.c_str());
    f.SetField("name", p.person.name.c_str());
    f.SetField("district", p.household.district.c_str());
    f.SetField("level", to_string(v.level));
    f.SetField("in_flood_zone", e.in_flood_zone ? 1 : 0);
    if (e.depth) {
        set_real(f, "depth_min_m", e.depth->min_m);
        f.SetField("depth", e.depth->label_ja().c_str());
    } else if (e.in_flood_zone) {
        f.SetField("depth", "区域内（深さ不明）");
    }
    if (e.duration) f.SetField("duration", e.duration->label_ja().c_str());
    f.SetField("house_collapse", e.in_house_collapse ? 1 : 0);
    f.SetField("landslide", e.in_landslide ? 1 : 0);
    f.SetField("living_floor", p.household.living_floor);
    if (v.power_hours) set_real(f, "power_hours", *v.power_hours);
    f.SetField("shelter_status", to_string(v.planned_shelter_status));
    if (v.suggested_shelter) {
        f.SetField("suggested_shelter", v.suggested_shelter->name.c_str());
        set_real(f, "suggested_distance_m", v.suggested_shelter->distance_m);
    }
    std::string codes;
    for (const auto& r : v.reasons) codes += (codes.empty() ? "" : ",") + r.code;
    f.SetField("reason_codes", codes.c_str());
    f.SetField("reasons", join_reasons(v, true).c_str());
    f.SetField("reasons_en", join_reasons(v, false).c_str());
    OGRPoint pt(p.household.location.lon, p.household.location.lat);
    f.SetGeometry(&pt);
    if (impl_->layer->CreateFeature(&f) != OGRERR_NONE)
        throw OutputError("cannot write a feature to " + impl_->path + ": " + CPLGetLastErrorMsg());
}

void GpkgWriter::commit() {
    if (impl_->in_transaction && impl_->ds->CommitTransaction() != OGRERR_NONE)
        throw OutputError("cannot write " + impl_->path + ": " + CPLGetLastErrorMsg());
    // GDAL 3.6's GDALClose returns nothing: a failed final write shows as the last error.
    CPLErrorReset();
    GDALClose(impl_->ds);
    impl_->ds = nullptr;
    if (CPLGetLastErrorType() >= CE_Failure)
        throw OutputError("cannot write " + impl_->path + ": " + CPLGetLastErrorMsg());
    check_replaceable(impl_->path);
    if (::chmod(impl_->temp.c_str(), impl_->opts.file_mode) != 0 || std::rename(impl_->temp.c_str(), impl_->path.c_str()) != 0)
        throw OutputError("cannot move the GeoPackage into place at " + impl_->path);
}

}  // namespace sheetgen

#include "report/gpkg_writer.hpp"

#include <cmath>
#include <cstdio>
#include <cpl_conv.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/error.hpp"
#include "hazard/gdal_util.hpp"
#include "report/flag_report.hpp"

namespace sheetgen {

namespace {
// GDAL's last message, without the SQL it may quote (SQLite errors repeat
// the whole statement): the reason is at the end.
std::string gdal_error() {
    std::string m = hazard_detail::QuietGdalErrors::last_error();
    constexpr size_t kKeep = 160;
    return m.size() > kKeep ? "..." + m.substr(m.size() - kKeep) : m;
}
}  // namespace

struct GpkgWriter::Impl {
    // Fixed timestamps (gpkg_contents.last_change) for byte-identical output.
    // Declared first, so it is restored last: after the dataset is closed,
    // also when the constructor throws. Thread-local, like the writer.
    std::unique_ptr<CPLConfigOptionSetter> current_date;
    std::string path, temp, temp_dir;
    OutputOptions opts;
    GDALDatasetUniquePtr ds;
    OGRLayer* layer = nullptr;
    bool in_transaction = false;
    FlagColumns columns;  // of the households layer

    ~Impl() {
        ds.reset();  // closed before its files are removed
        if (!temp_dir.empty()) {
            ::unlink(temp.c_str());
            ::unlink((temp + "-journal").c_str());
            ::rmdir(temp_dir.c_str());
            unregister_temporary(temp_dir);
        }
    }
};


GpkgWriter::GpkgWriter(const std::string& path, const Date& stamp, const OutputOptions& opts,
                       const FlagColumns& columns)
    : GpkgWriter(path, stamp, opts, "households", household_properties(Profile{}, Verdict{}, columns)) {
    impl_->columns = columns;
}

GpkgWriter::GpkgWriter(const std::string& path, const Date& stamp, const OutputOptions& opts, const std::string& layer,
                       const std::vector<Property>& schema)
    : impl_(std::make_unique<Impl>()) {
    hazard_detail::ensure_gdal_registered();
    hazard_detail::QuietGdalErrors quiet;  // failures become our OutputError, not lines on stderr
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
    // The GeoPackage standard's timestamp form (milliseconds included): GDAL
    // warns about any other on every later open of the file.
    const std::string when = stamp.iso() + "T00:00:00.000Z";
    impl_->current_date = std::make_unique<CPLConfigOptionSetter>("OGR_CURRENT_DATE", when.c_str(), false);
    impl_->ds.reset(drv->Create(impl_->temp.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!impl_->ds) throw OutputError("cannot create GeoPackage " + path + ": " + gdal_error());
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    impl_->layer = impl_->ds->CreateLayer(layer.c_str(), &wgs84, wkbPoint, nullptr);
    if (!impl_->layer) throw OutputError("cannot create layer in " + path + ": " + gdal_error());
    // The same properties, in the same order, as the GeoJSON (flag_report.hpp).
    for (const Property& prop : schema) {
        OGRFieldType type = prop.type == Property::Type::Text ? OFTString
                            : prop.type == Property::Type::Real ? OFTReal
                                                                : OFTInteger;
        OGRFieldDefn def(prop.name, type);
        if (impl_->layer->CreateField(&def) != OGRERR_NONE)
            throw OutputError(std::string("cannot create field ") + prop.name + " in " + path);
    }
    impl_->in_transaction = impl_->ds->StartTransaction() == OGRERR_NONE;
}

GpkgWriter::~GpkgWriter() = default;

void GpkgWriter::add(const Profile& p, const Verdict& v) {
    add(p.household.location, household_properties(p, v, impl_->columns));
}

void GpkgWriter::add(const std::optional<LatLon>& location, const std::vector<Property>& properties) {
    hazard_detail::QuietGdalErrors quiet;
    OGRFeature f(impl_->layer->GetLayerDefn());
    for (const Property& prop : properties) {
        if (prop.type == Property::Type::Text) f.SetField(prop.name, prop.text.value_or("").c_str());
        else if (!prop.number) f.SetFieldNull(f.GetFieldIndex(prop.name));
        else if (prop.type == Property::Type::Real) f.SetField(prop.name, *prop.number);
        else f.SetField(prop.name, static_cast<int>(*prop.number));
    }
    if (location) {
        OGRPoint pt(location->lon, location->lat);
        f.SetGeometry(&pt);
    }
    if (impl_->layer->CreateFeature(&f) != OGRERR_NONE)
        throw OutputError("cannot write a feature to " + impl_->path + ": " + gdal_error());
}

void GpkgWriter::commit() {
    hazard_detail::QuietGdalErrors quiet;
    if (impl_->in_transaction && impl_->ds->CommitTransaction() != OGRERR_NONE)
        throw OutputError("cannot write " + impl_->path + ": " + gdal_error());
    // GDAL 3.6's GDALClose returns nothing: a failed final write shows as the last error.
    CPLErrorReset();
    impl_->ds.reset();
    if (CPLGetLastErrorType() >= CE_Failure)
        throw OutputError("cannot write " + impl_->path + ": " + gdal_error());
    check_replaceable(impl_->path);
    if (::chmod(impl_->temp.c_str(), impl_->opts.file_mode) != 0 || std::rename(impl_->temp.c_str(), impl_->path.c_str()) != 0)
        throw OutputError("cannot move the GeoPackage into place at " + impl_->path);
}

}  // namespace sheetgen

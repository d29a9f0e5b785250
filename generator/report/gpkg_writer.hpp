#pragma once
// The households with their verdicts as a GeoPackage point layer (EPSG:4326)
// for QGIS, streamed: open, add features in priority order, commit. The same
// writer takes any point layer described by a Property list (diff's changes).
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/atomic_file.hpp"
#include "common/date.hpp"
#include "common/geo.hpp"
#include "profile/profile.hpp"
#include "report/flag_report.hpp"
#include "risk/verdict.hpp"

namespace sheetgen {

class GpkgWriter {
public:
    // Writes into a temporary file beside `path`; commit() renames it into
    // place. `stamp` fixes the GeoPackage's last-change dates so the same
    // inputs give the same bytes. Throws OutputError.
    GpkgWriter(const std::string& path, const Date& stamp, const OutputOptions& opts,
               const FlagColumns& columns = {});
    // Any point layer: `schema` names the fields and their types, in order
    // (its values are ignored).
    GpkgWriter(const std::string& path, const Date& stamp, const OutputOptions& opts, const std::string& layer,
               const std::vector<Property>& schema);
    ~GpkgWriter();
    GpkgWriter(const GpkgWriter&) = delete;
    GpkgWriter& operator=(const GpkgWriter&) = delete;

    void add(const Profile& profile, const Verdict& verdict);
    // One feature of the schema's fields; no location = no geometry.
    void add(const std::optional<LatLon>& location, const std::vector<Property>& properties);
    void commit();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace sheetgen

#pragma once
// The households with their verdicts as a GeoPackage point layer (EPSG:4326)
// for QGIS, streamed: open, add features in priority order, commit.
#include <memory>
#include <string>

#include "common/atomic_file.hpp"
#include "common/date.hpp"
#include "profile/profile.hpp"
#include "risk/verdict.hpp"

namespace sheetgen {

class GpkgWriter {
public:
    // Writes into a temporary file beside `path`; commit() renames it into
    // place. `stamp` fixes the GeoPackage's last-change dates so the same
    // inputs give the same bytes. Throws OutputError.
    GpkgWriter(const std::string& path, const Date& stamp, const OutputOptions& opts);
    ~GpkgWriter();
    GpkgWriter(const GpkgWriter&) = delete;
    GpkgWriter& operator=(const GpkgWriter&) = delete;

    void add(const Profile& profile, const Verdict& verdict);
    void commit();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace sheetgen

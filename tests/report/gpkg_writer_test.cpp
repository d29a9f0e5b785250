#include <catch2/catch.hpp>

#include <cpl_conv.h>
#include <csignal>
#include <sys/resource.h>
#include <sys/stat.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "common/error.hpp"
#include "report/gpkg_writer.hpp"
#include "test_support.hpp"

using namespace sheetgen;

namespace {
const char* current_date() { return CPLGetThreadLocalConfigOption("OGR_CURRENT_DATE", nullptr); }
}  // namespace

TEST_CASE("GpkgWriter: the fixed timestamp is scoped to the writer, and stamps the file", "[report][gpkg]") {
    test::TempDir dir;
    const std::string path = dir.file("h.gpkg");
    REQUIRE(current_date() == nullptr);
    {
        GpkgWriter w(path, Date{2026, 11, 24}, OutputOptions{});
        REQUIRE(current_date() != nullptr);
        CHECK(std::string(current_date()) == "2026-11-24T00:00:00.000Z");
        w.commit();
    }
    CHECK(current_date() == nullptr);  // restored, not left set for the rest of the process

    // Read back without a word from GDAL: a timestamp outside the GeoPackage
    // standard's form ("...T00:00:00Z", no milliseconds) made every reader of
    // gpkg_contents warn "Non-conformant content".
    std::vector<std::string> gdal_said;
    CPLErrorHandlerPusher collect([](CPLErr, CPLErrorNum, const char* msg) {
        static_cast<std::vector<std::string>*>(CPLGetErrorHandlerUserData())->push_back(msg);
    }, &gdal_said);
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    REQUIRE(ds);
    OGRLayer* contents = ds->ExecuteSQL("SELECT last_change FROM gpkg_contents", nullptr, nullptr);
    REQUIRE(contents);
    OGRFeatureUniquePtr f(contents->GetNextFeature());
    REQUIRE(f);
    CHECK(std::string(f->GetFieldAsString(0)).rfind("2026/11/24 00:00:00", 0) == 0);
    ds->ReleaseResultSet(contents);
    for (const auto& m : gdal_said) UNSCOPED_INFO(m);
    CHECK(gdal_said.empty());
}

TEST_CASE("GpkgWriter: a writer that fails is cleaned up and restores the option", "[report][gpkg]") {
    test::TempDir dir;
    // A directory where the GeoPackage should go cannot be replaced.
    const std::string path = dir.file("taken.gpkg");
    REQUIRE(::mkdir(path.c_str(), 0700) == 0);
    CHECK_THROWS_AS(GpkgWriter(path, Date{2026, 11, 24}, OutputOptions{}), OutputError);
    CHECK(current_date() == nullptr);
    SECTION("creating the GeoPackage fails after the option is set (no file may grow: RLIMIT_FSIZE 0)") {
        struct rlimit old {};
        REQUIRE(::getrlimit(RLIMIT_FSIZE, &old) == 0);
        auto* old_handler = std::signal(SIGXFSZ, SIG_IGN);  // a failed write, not a killed process
        struct rlimit none = old;
        none.rlim_cur = 0;
        REQUIRE(::setrlimit(RLIMIT_FSIZE, &none) == 0);
        bool threw = false;
        try {
            GpkgWriter w(dir.file("full.gpkg"), Date{2026, 11, 24}, OutputOptions{});
            w.commit();
        } catch (const OutputError&) {
            threw = true;
        }
        ::setrlimit(RLIMIT_FSIZE, &old);
        std::signal(SIGXFSZ, old_handler);
        CHECK(threw);
        CHECK(current_date() == nullptr);  // before the fix it stayed set after a throwing constructor
        CHECK_FALSE(test::file_exists(dir.file("full.gpkg")));
    }
    {
        GpkgWriter w(dir.file("abandoned.gpkg"), Date{2026, 11, 24}, OutputOptions{});
        // destroyed without commit: nothing published, option restored
    }
    CHECK(current_date() == nullptr);
    CHECK_FALSE(test::file_exists(dir.file("abandoned.gpkg")));
}

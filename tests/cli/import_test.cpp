// End-to-end: the sheetgen binary's import command on the sample ledger.
#include <catch2/catch.hpp>

#include "test_support.hpp"

using namespace sheetgen::test;

namespace {
std::string q(const std::string& s) { return "'" + s + "'"; }
}  // namespace

TEST_CASE("import: the sample ledger becomes draft profiles that validate, a re-run changes nothing", "[cli][import]") {
    std::string gaz = shared_data("tama-towns/tama_13224_towns.geojson");
    if (!file_exists(gaz)) SHEETGEN_SKIP("no ../shared/data/tama-towns");
    TempDir dir;
    std::string args = q(source_path("samples/ledger/ledger-sjis.csv")) + " --mapping " +
                       q(source_path("samples/ledger/mapping.yaml")) + " --gazetteer " + q(gaz) + " --out " +
                       q(dir.file("p"));
    auto r = run_sheetgen("import " + args + " --date 2026-11-01");
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("Shift_JIS (CP932)") != std::string::npos);
    CHECK(r.out.find("8 created, 0 updated, 0 unchanged, 0 rows skipped") != std::string::npos);
    auto v = run_sheetgen("validate " + q(dir.file("p")));
    CHECK(v.exit_code == 0);
    CHECK(v.err == "8 profiles checked: 8 valid, 8 warnings\n");
    CHECK(v.out.find("draft (下書き)") != std::string::npos);
    std::string before = read_file(dir.file("p/ledger-00104.yaml"));
    auto again = run_sheetgen("import " + args + " --date 2026-12-01");
    CHECK(again.exit_code == 0);
    CHECK(again.out.find("0 created, 0 updated, 8 unchanged") != std::string::npos);
    CHECK(read_file(dir.file("p/ledger-00104.yaml")) == before);
}

TEST_CASE("import: bad rows give exit 1 with LEDGER:ROW lines, usage errors exit 2", "[cli][import]") {
    TempDir dir;
    write_file(dir.file("l.csv"), "管理番号,氏名,生年月日,緯度,経度\n1,架空　一子,2014/2/30,35.6,139.4\n2,架空　二子,H27.2.14,35.6,139.4\n");
    auto r = run_sheetgen("import " + q(dir.file("l.csv")) + " --out " + q(dir.file("p")));
    CHECK(r.exit_code == 1);
    CHECK(r.err.find(dir.file("l.csv") + ":2: column '生年月日': impossible date") != std::string::npos);
    CHECK(r.err.find("架空") == std::string::npos);
    CHECK(file_exists(dir.file("p/2.yaml")));
    CHECK(run_sheetgen("import " + q(dir.file("l.csv"))).exit_code == 2);  // no --out
    auto missing = run_sheetgen("import " + q(dir.file("none.csv")) + " --out " + q(dir.file("p")));
    CHECK(missing.exit_code == 3);
}

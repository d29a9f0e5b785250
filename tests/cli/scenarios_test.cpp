// End to end on the real data: geodata/tama-scenarios.yaml loads the 2012
// 計画規模 zones (no depth attribute) and the 2023 想定最大規模 ranks; `flag`
// lists both depths and judges on the maximum scale, `render` prints both.
#include <catch2/catch.hpp>

#include <map>
#include <sstream>

#include "cli/cli_fixtures.hpp"

using namespace sheetgen::test;

namespace {

// RFC 4180 rows of flag's CSV (no newline inside a cell: flag writes none).
std::vector<std::vector<std::string>> csv_rows(const std::string& text) {
    std::vector<std::vector<std::string>> rows;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        std::vector<std::string> cells(1);
        bool quoted = false;
        for (size_t i = 0; i < line.size(); ++i) {
            const char c = line[i];
            if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') cells.back() += line[++i];
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) cells.emplace_back();
            else if (c != '\r') cells.back() += c;
        }
        rows.push_back(cells);
    }
    return rows;
}

}  // namespace

TEST_CASE("tama-scenarios: flag lists both scenarios' depths and judges on 想定最大規模, the sheet shows both",
          "[cli][flag][scenario][realdata]") {
    if (!file_exists(shared_data("tokyo/A31-12_13.shp")) ||
        !file_exists(shared_data("tama-maxscale/flood_maxscale_tama.gpkg")))
        SHEETGEN_SKIP(shared_data("") + " lacks the A31 2012 or the 2023 maximum-scale data (real public data)");
    TempDir dir;
    const std::string config = real_config(dir.path(), "tama-scenarios.yaml");
    RunResult r = run_sheetgen("flag --hazards " + q(config) + " " + q(source_path("samples")) + " -q -o " +
                               q(dir.file("a.csv")) + " --date 2026-11-24");
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    const auto rows = csv_rows(read_file(dir.file("a.csv")));
    REQUIRE(rows.size() == 13);
    const auto& h = rows[0];
    REQUIRE(h.size() == 32);
    CHECK(h[28] == "reasons (en)");  // the fixed columns keep their places
    CHECK(h[29] == "浸水深（計画規模）");
    CHECK(h[30] == "浸水深（想定最大規模）");
    CHECK(h[31] == "判定に用いた想定");
    std::map<std::string, std::vector<std::string>> by_id;
    for (size_t i = 1; i < rows.size(); ++i) by_id[rows[i][0]] = rows[i];
    // 関戸: in the 2012 zone (no depth) and a 2023 rank 2: judged on 0.5-3 m.
    CHECK(by_id["tama-001"][10] == "0.5m以上3.0m未満");
    CHECK(by_id["tama-001"][29] == "区域内（深さ不明）");
    CHECK(by_id["tama-001"][30] == "0.5m以上3.0m未満");
    CHECK(by_id["tama-001"][31] == "想定最大規模");
    // Only in the 2012 zone: judged on it (depth unknown), never "outside".
    CHECK(by_id["tama-008"][8] == "1");
    CHECK(by_id["tama-008"][10] == "区域内（深さ不明）");
    CHECK(by_id["tama-008"][30].empty());
    CHECK(by_id["tama-008"][31] == "計画規模");
    // Only in the 2023 data (乞田川 valley).
    CHECK(by_id["tama-010"][29].empty());
    CHECK(by_id["tama-010"][30] == "0.5m未満");
    // Outside both.
    CHECK(by_id["tama-004"][8] == "0");
    CHECK(by_id["tama-004"][31].empty());

    RunResult rr = run_sheetgen("render --hazards " + q(config) + " " + q(source_path("samples/tama-001.yaml")) +
                                " -q --out " + q(dir.file("sheets")) + " --date 2026-11-24");
    INFO(rr.out << rr.err);
    REQUIRE(rr.exit_code == 0);
    const std::string text = capture("pdftotext " + q(dir.file("sheets/tama-001.pdf")) + " - 2>/dev/null");
    CHECK(text.find("想定最大規模 0.5m以上3.0m未満（計画規模") != std::string::npos);
}

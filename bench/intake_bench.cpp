// Ledger import benchmark: N generated (fictional) ledger rows in Shift_JIS,
// every one located from its address with the Tama gazetteer.
//   bench_intake --rows N --gazetteer tama_13224_towns.geojson --work DIR
// Writes DIR/ledger.csv (kept for the Python peer), then prints key=value lines:
// the matcher alone (addresses/s, CPU of one thread), the whole import
// (rows/s, wall: GDAL read, values, geocoding, validation, atomic 0600 writes)
// and a second, unchanged import (rows/s; nothing written).
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <cpl_conv.h>
#include <cpl_string.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "intake/gazetteer.hpp"
#include "intake/import_lib.hpp"
#include "intake/text.hpp"

using namespace sheetgen;
using namespace sheetgen::intake;

namespace {

double cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}
double wall_seconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

std::vector<std::string> town_names(const std::string& path) {
    GDALAllRegister();
    std::vector<std::string> names;
    auto* ds = static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr));
    if (!ds) throw std::runtime_error("cannot open " + path);
    for (auto& f : *ds->GetLayer(0)) names.emplace_back(f->GetFieldAsString("town"));
    GDALClose(ds);
    return names;
}

std::string full_width(const std::string& ascii_digits) {
    std::string out;
    for (char c : ascii_digits) {
        if (c >= '0' && c <= '9') out += "\xEF\xBC" + std::string(1, static_cast<char>(0x90 + (c - '0')));
        else if (c == '-') out += "－";
        else out += c;
    }
    return out;
}

// The spellings offices use, in rotation: 丁目 as digits-dash, as N丁目, full-width, ヶ, with a building.
std::string address_for(const std::string& town, unsigned i) {
    TownName t = split_town_name(town);
    std::string base = t.base;
    if (i % 3 == 0) {  // 桜ケ丘 written 桜ヶ丘
        auto p = base.find("ケ");
        if (p != std::string::npos) base.replace(p, std::string("ケ").size(), "ヶ");
    }
    std::string numbers = t.chome ? std::to_string(t.chome) + "-" + std::to_string(1 + i % 40) + "-" + std::to_string(1 + i % 9)
                                  : std::to_string(100 + i % 900) + "番地";
    std::string a;
    switch (i % 5) {
        case 0: a = "東京都多摩市" + base + numbers; break;
        case 1: a = "多摩市" + base + full_width(numbers); break;
        case 2: a = t.chome ? "多摩市" + base + std::to_string(t.chome) + "丁目" + std::to_string(1 + i % 40) + "番" + std::to_string(1 + i % 9) + "号"
                            : "多摩市" + base + numbers;
                break;
        case 3: a = "東京都多摩市" + base + numbers + " ハイツ架空" + std::to_string(100 + i % 300); break;
        default: a = base + numbers; break;
    }
    return a;
}

}  // namespace

int main(int argc, char** argv) {
    size_t rows = 100000;
    std::string gaz, work = "bench/work/intake";
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string k = argv[i];
        if (k == "--rows") rows = std::stoul(argv[i + 1]);
        else if (k == "--gazetteer") gaz = argv[i + 1];
        else if (k == "--work") work = argv[i + 1];
    }
    if (gaz.empty()) {
        std::cerr << "usage: bench_intake --rows N --gazetteer tama_13224_towns.geojson --work DIR\n";
        return 2;
    }
    std::filesystem::remove_all(work);
    std::filesystem::create_directories(work);
    const auto towns = town_names(gaz);
    std::vector<std::string> addresses;
    std::ostringstream csv;
    csv << "管理番号,氏名,ふりがな,生年月日,性別,住所,電話番号,居住階,情報提供の同意\r\n";
    static const char* const kDates[] = {"平成29年7月3日", "H27.2.14", "S60.3.12", "令和2年9月9日", "2016/4/12", "２０１２／１０／５"};
    static const char* const kConsent[] = {"有", "無", "済", "未", "○", "×"};
    for (size_t i = 0; i < rows; ++i) {
        std::string a = address_for(towns[(i * 7919) % towns.size()], static_cast<unsigned>(i));
        addresses.push_back(a);
        char id[24];
        std::snprintf(id, sizeof id, "%06zu", i + 1);
        csv << id << ",架空　太郎" << i << ",かくう たろう," << kDates[i % 6] << "," << (i % 2 ? "男" : "女") << "," << a
            << ",042-000-" << (1000 + i % 9000) << "," << (1 + i % 3) << "," << kConsent[i % 6] << "\r\n";
    }
    char* sjis = CPLRecode(csv.str().c_str(), CPL_ENC_UTF8, "CP932");
    const std::string ledger = work + "/ledger.csv";
    std::ofstream(ledger, std::ios::binary) << sjis;
    CPLFree(sjis);

    Gazetteer g = Gazetteer::load(gaz);
    g.add_city("多摩市");
    double c0 = cpu_seconds();
    size_t matched = 0;
    for (const auto& a : addresses) matched += g.match(a).match.has_value();
    double match_cpu = cpu_seconds() - c0;

    ImportOptions o;
    o.ledgers = {ledger};
    o.out_dir = work + "/profiles";
    o.gazetteer = gaz;
    o.today = Date{2026, 11, 1};
    o.gazetteer_date = "2026-04-01";
    std::ostringstream sink, err;
    double w0 = wall_seconds();
    ImportResult r = run_import(o, sink, err);
    double import_wall = wall_seconds() - w0;
    std::ostringstream sink2, err2;
    w0 = wall_seconds();
    ImportResult again = run_import(o, sink2, err2);
    double reimport_wall = wall_seconds() - w0;

    std::printf("rows=%zu matched=%zu match_cpu_s=%.3f addresses_per_s=%.0f\n", rows, matched, match_cpu,
                rows / match_cpu);
    std::printf("import_wall_s=%.2f created=%d skipped=%d rows_per_s=%.0f\n", import_wall, r.created, r.skipped_rows,
                rows / import_wall);
    std::printf("reimport_wall_s=%.2f unchanged=%d rows_per_s=%.0f\n", reimport_wall, again.unchanged,
                rows / reimport_wall);
    if (r.skipped_rows) std::cerr << err.str().substr(0, 2000);
    return r.created == static_cast<int>(rows) ? 0 : 1;
}

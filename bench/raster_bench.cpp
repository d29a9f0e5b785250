// Raster sampling against the vector overlay of the same data, in one run:
// geodata/tama-maxscale-raster.yaml (two rank GeoTIFFs, sampled per point
// through the block cache) vs geodata/tama-maxscale.yaml (the same ranks as
// 14,331 polygons in a GeoPackage). Needs ../shared/data beside the repo.
// Usage: bench_raster [points] [raster-config] [vector-config]
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "hazard/hazard_set.hpp"

using namespace sheetgen;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

double thread_cpu_s() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// Points per CPU-second on this thread; `inside` counts points in a flood zone.
double rate_1thread(const HazardSet& hs, const std::vector<LatLon>& pts, size_t& inside) {
    double c0 = thread_cpu_s();
    size_t in = 0;
    for (const auto& p : pts) in += hs.expose(p).in_flood_zone ? 1 : 0;
    inside = in;
    return static_cast<double>(pts.size()) / (thread_cpu_s() - c0);
}

// Points per wall-second with `threads` threads sharing the set.
double rate_threads(const HazardSet& hs, const std::vector<LatLon>& pts, unsigned threads) {
    auto t0 = Clock::now();
    std::vector<std::thread> pool;
    size_t per = pts.size() / threads;
    for (unsigned t = 0; t < threads; ++t)
        pool.emplace_back([&, t] {
            size_t in = 0;
            for (size_t i = t * per; i < (t + 1) * per; ++i) in += hs.expose(pts[i]).in_flood_zone ? 1 : 0;
            if (in == size_t(-1)) std::puts("");  // keep the loop
        });
    for (auto& th : pool) th.join();
    return static_cast<double>(per * threads) / seconds_since(t0);
}

}  // namespace

int main(int argc, char** argv) {
    size_t n = argc > 1 ? std::stoul(argv[1]) : 1000000;
    std::string raster_cfg = argc > 2 ? argv[2] : std::string(SHEETGEN_SOURCE_DIR) + "/geodata/tama-maxscale-raster.yaml";
    std::string vector_cfg = argc > 3 ? argv[3] : std::string(SHEETGEN_SOURCE_DIR) + "/geodata/tama-maxscale.yaml";
    try {
        struct Loaded {
            const char* label;
            HazardSet hs;
            double load_s;
        };
        std::vector<Loaded> sets;
        for (auto [label, cfg] : {std::pair<const char*, std::string>{"raster", raster_cfg}, {"vector", vector_cfg}}) {
            auto t0 = Clock::now();
            HazardSet hs = HazardSet::load_file(cfg);
            double s = seconds_since(t0);
            std::printf("%s: load %.3f s (%zu zone polygons, %zu shelters)\n", label, s, hs.zone_polygon_count(),
                        hs.shelters().size());
            sets.push_back({label, std::move(hs), s});
        }
        // Random points over Tama City's box (the rasters cover lon 139.39-139.49, lat 35.59-35.67),
        // and the same number clustered in one 500 m square (a neighbourhood's households).
        std::mt19937_64 rng(42);
        std::uniform_real_distribution<double> lat(35.60, 35.66), lon(139.39, 139.48);
        std::vector<LatLon> spread(n), cluster(n);
        for (auto& p : spread) p = {lat(rng), lon(rng)};
        std::uniform_real_distribution<double> clat(35.6280, 35.6325), clon(139.4455, 139.4510);
        for (auto& p : cluster) p = {clat(rng), clon(rng)};
        // Agreement check on the spread points (both read the same ranks).
        size_t differ = 0;
        for (size_t i = 0; i < n; ++i) {
            Exposure a = sets[0].hs.expose(spread[i]), b = sets[1].hs.expose(spread[i]);
            double da = a.depth ? a.depth->min_m : -1, db = b.depth ? b.depth->min_m : -1;
            if (a.in_flood_zone != b.in_flood_zone || da != db) {
                if (++differ <= 5)
                    std::printf("  differs at %.9f, %.9f: raster %g, vector %g (m; -1 = outside)\n", spread[i].lat,
                                spread[i].lon, a.in_flood_zone ? da : -1, b.in_flood_zone ? db : -1);
            }
        }
        std::printf("agreement: %zu of %zu points differ between raster and vector\n", differ, n);
        for (auto [name, pts] : {std::pair<const char*, const std::vector<LatLon>*>{"spread over Tama", &spread},
                                 {"clustered in 500 m", &cluster}}) {
            for (auto& s : sets) {
                size_t inside = 0;
                rate_1thread(s.hs, std::vector<LatLon>(pts->begin(), pts->begin() + std::min<size_t>(n, 50000)), inside);
                double r1 = rate_1thread(s.hs, *pts, inside);
                double r2 = rate_threads(s.hs, *pts, 2);
                std::printf("%s, %s: 1 thread %.3f M points/CPU-s; 2 threads %.3f M points/s wall; %zu of %zu inside\n",
                            s.label, name, r1 / 1e6, r2 / 1e6, inside, pts->size());
            }
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_raster: %s\n", e.what());
        return 1;
    }
    return 0;
}

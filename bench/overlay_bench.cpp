// Point-in-zone throughput of HazardSet::expose, and extract_map latency.
// Usage: bench_overlay [hazard-config.yaml] [points]
// Default config: geodata/tokyo-real.yaml (needs ../shared/data beside the repo).
#include <time.h>

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

// CPU time of the calling thread: a per-core figure that other processes on a busy machine do not distort.
double thread_cpu_s() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

std::vector<LatLon> random_points(size_t n, double lat0, double lat1, double lon0, double lon1, unsigned seed) {
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> lat(lat0, lat1), lon(lon0, lon1);
    std::vector<LatLon> pts(n);
    for (auto& p : pts) p = {lat(rng), lon(rng)};
    return pts;
}

// Points per second of thread CPU time (and of wall time); `inside` counts points in a flood zone.
double run(const HazardSet& hs, const std::vector<LatLon>& pts, size_t& inside, double* wall_rate = nullptr) {
    auto t0 = Clock::now();
    double c0 = thread_cpu_s();
    size_t in = 0;
    for (const auto& p : pts) in += hs.expose(p).in_flood_zone ? 1 : 0;
    double cpu = thread_cpu_s() - c0;
    if (wall_rate) *wall_rate = static_cast<double>(pts.size()) / seconds_since(t0);
    inside = in;
    return static_cast<double>(pts.size()) / cpu;
}

}  // namespace

int main(int argc, char** argv) {
    std::string config = argc > 1 ? argv[1] : std::string(SHEETGEN_SOURCE_DIR) + "/geodata/tokyo-real.yaml";
    size_t n = argc > 2 ? std::stoul(argv[2]) : 2000000;
    try {
        auto t0 = Clock::now();
        std::vector<Diagnostic> warnings;
        HazardSet hs = HazardSet::load_file(config, &warnings);
        std::printf("load: %.3f s, %zu zone polygons, %zu shelters, %zu warnings\n", seconds_since(t0),
                    hs.zone_polygon_count(), hs.shelters().size(), warnings.size());

        struct Area {
            const char* name;
            double lat0, lat1, lon0, lon1;
        } areas[] = {
            {"Tama City bbox", 35.59, 35.66, 139.38, 139.48},
            {"whole layer extent", 35.53, 35.82, 139.32, 139.92},
        };
        for (const Area& a : areas) {
            auto pts = random_points(n, a.lat0, a.lat1, a.lon0, a.lon1, 42);
            size_t inside = 0;
            run(hs, std::vector<LatLon>(pts.begin(), pts.begin() + static_cast<long>(std::min<size_t>(n, 100000))), inside);  // warm-up
            double wall = 0;
            double rate = run(hs, pts, inside, &wall);
            std::printf("expose, 1 thread, %s: %.2f M points per CPU-second (%.2f M/s wall; %zu of %zu inside a zone)\n",
                        a.name, rate / 1e6, wall / 1e6, inside, n);

            unsigned threads = std::max(2u, std::thread::hardware_concurrency());
            std::vector<std::thread> pool;
            std::vector<size_t> ins(threads);
            size_t per = n / threads;
            auto t1 = Clock::now();
            for (unsigned t = 0; t < threads; ++t)
                pool.emplace_back([&, t] {
                    size_t in = 0;
                    for (size_t i = t * per; i < (t + 1) * per; ++i) in += hs.expose(pts[i]).in_flood_zone ? 1 : 0;
                    ins[t] = in;
                });
            for (auto& th : pool) th.join();
            std::printf("expose, %u threads, %s: %.2f M points/s wall\n", threads, a.name,
                        static_cast<double>(per * threads) / seconds_since(t1) / 1e6);
        }

        auto centres = random_points(200, 35.60, 35.66, 139.40, 139.48, 7);
        auto t2 = Clock::now();
        size_t polys = 0;
        for (const auto& c : centres) polys += hs.extract_map(c, 600, 450, 2).polygons.size();
        std::printf("extract_map 1200x900 m: %.2f ms per call (%.1f polygons on average)\n",
                    seconds_since(t2) * 1000 / static_cast<double>(centres.size()),
                    static_cast<double>(polys) / static_cast<double>(centres.size()));
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_overlay: %s\n", e.what());
        return 1;
    }
    return 0;
}

// Resource failures and signals: a system that refuses threads, no core
// dumps (they would hold medical data), and one SIGTERM ending a run within
// seconds even while GEOS checks a 400,000-vertex polygon.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>

#include "cli/hardening_support.hpp"

using namespace sheetgen::test;

namespace {

// A valid but jagged polygon (a star: radii alternate 1.0 / 0.9 km) of `n`
// vertices around minimal_profile()'s home. GEOS needs ~40 s of CPU to check
// 400,000 such vertices, a phase that cannot poll an interrupt flag.
std::string big_polygon_layer(int n) {
    std::string s = R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"depth":"2"},)"
                    R"("geometry":{"type":"Polygon","coordinates":[[)";
    char buf[64];
    for (int i = 0; i <= n; ++i) {
        const double a = 2 * M_PI * (i % n) / n;
        const double r = (i % n) % 2 ? 0.01 : 0.009;
        std::snprintf(buf, sizeof buf, "%s[%.7f,%.7f]", i ? "," : "", 139.448 + r * std::cos(a),
                      35.6305 + r * std::sin(a));
        s += buf;
    }
    return s + "]]}}]}\n";
}

std::string profiles_dir(const TempDir& dir) {
    const std::string p = dir.file("profiles");
    ::mkdir(p.c_str(), 0755);
    for (int i = 1; i <= 6; ++i) write_file(p + "/h-00" + std::to_string(i) + ".yaml", minimal_profile("h-00" + std::to_string(i)));
    return p;
}

}  // namespace

TEST_CASE("Worker threads the system refuses: fewer threads, down to the main thread alone", "[cli][hostile][resources]") {
    if (sanitized_build()) SHEETGEN_SKIP("resource limits are tested in the normal build (ASan reserves terabytes of address space and turns SIGSEGV into abort)");
    if (::geteuid() == 0 &&
        run_shell("setpriv --reuid=65534 --regid=65534 --clear-groups true").exit_code != 0) {
        SHEETGEN_SKIP("cannot drop privileges (setpriv failed): thread-limit case skipped");
    }
    TempDir dir;
    ::chmod(dir.path().c_str(), 0777);  // nobody writes the list here
    const std::string profiles = profiles_dir(dir);
    // Binary and hazard data copied to a folder the user `nobody` can read,
    // wherever the checkout lives (a checkout under /root is closed to it).
    const ReadableInputs in = stage_readable_inputs(dir.file("inputs"));
    const std::string as_user =
        ::geteuid() == 0 ? "exec setpriv --reuid=65534 --regid=65534 --clear-groups " : "exec ";
    // RLIMIT_NPROC 1: the process itself is the one allowed; every clone() fails.
    const std::string flag = q(in.bin) + " flag --hazards " + q(in.hazards) +
                             " --date 2026-11-24 -q --jobs 4 " + q(profiles) + " -o ";
    RunResult limited = run_shell("bash -c \"ulimit -u 1 && " + as_user + flag + q(dir.file("a.csv")) + "\"");
    INFO(limited.out << limited.err);
    CHECK(limited.exit_code == 0);
    CHECK(limited.err.find("sheetgen flag: warning: the system allowed 0 of 4 worker threads (ulimit -u / -v?); ran "
                           "on the main thread alone") != std::string::npos);
    RunResult normal = run_shell(flag + q(dir.file("b.csv")));
    REQUIRE(normal.exit_code == 0);
    CHECK(read_file(dir.file("a.csv")) == read_file(dir.file("b.csv")));
}

TEST_CASE("ulimit -v 200000: the threads that fit run the job", "[cli][hostile][resources]") {
    if (sanitized_build()) SHEETGEN_SKIP("resource limits are tested in the normal build (ASan reserves terabytes of address space and turns SIGSEGV into abort)");
    TempDir dir;
    // 8 thread stacks of 8 MiB do not fit beside GDAL and PROJ in 200 MB:
    // std::thread throws std::system_error for the ones that do not.
    RunResult r = run_shell("bash -c \"ulimit -v 200000 && exec '" + sheetgen_binary() + "' flag --hazards '" +
                            sample_hazards() + "' --date 2026-11-24 -q --jobs 8 '" + source_path("samples") + "' -o '" +
                            dir.file("a.csv") + "'\"");
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("12 households flagged") != std::string::npos);
    if (r.err.find("sheetgen flag: warning: the system allowed ") == std::string::npos)
        WARN("all 8 threads fitted in 200 MB on this machine: the fallback was not exercised here");
    RunResult normal = run_sheetgen("flag --hazards " + q(sample_hazards()) + " --date 2026-11-24 -q " +
                                    q(source_path("samples")) + " -o " + q(dir.file("b.csv")));
    REQUIRE(normal.exit_code == 0);
    CHECK(read_file(dir.file("a.csv")) == read_file(dir.file("b.csv")));
}

TEST_CASE("No core dump can be written, whatever ulimit -c says", "[cli][hostile][resources]") {
    if (sanitized_build()) SHEETGEN_SKIP("resource limits are tested in the normal build (ASan reserves terabytes of address space and turns SIGSEGV into abort)");
    TempDir dir;
    write_file(dir.file("zones.geojson"), big_polygon_layer(400000));
    write_file(dir.file("cfg.yaml"), "layers:\n  - name: L\n    source: zones.geojson\n    kind: flood_depth\n"
                                     "    field: depth\n    preset: a31a_depth\n");
    const std::string profiles = profiles_dir(dir);
    // A long run (the big polygon), started with core dumps allowed.
    const std::vector<std::string> argv = {
        "/bin/sh", "-c",
        "cd '" + dir.path() + "' && { ulimit -c unlimited 2>/dev/null || true; } && exec '" + sheetgen_binary() + "' flag --hazards '" +
            dir.file("cfg.yaml") + "' -q -o '" + dir.file("out.csv") + "' '" + profiles + "'"};
    Child child(argv, dir.file("stdout"), dir.file("stderr"));
    REQUIRE(child.started());
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    REQUIRE(child.running());
    // Wait until sh has exec'd sheetgen (the process name changes; sh's own
    // command line already holds the word "sheetgen").
    const std::string comm_file = "/proc/" + std::to_string(child.pid()) + "/comm";
    for (int i = 0; i < 200 && child.running(); ++i) {
        if (capture("cat " + comm_file + " 2>/dev/null") == "sheetgen\n") break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    REQUIRE(capture("cat " + comm_file + " 2>/dev/null") == "sheetgen\n");
    // main() sets the limit first thing, after the dynamic loader: poll briefly.
    std::string lim;
    for (int i = 0; i < 100; ++i) {
        lim = capture("grep 'Max core file size' /proc/" + std::to_string(child.pid()) + "/limits");
        if (lim.find("Max core file size        0                    0") != std::string::npos) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    INFO(lim);
    CHECK(lim.find("Max core file size        0                    0") != std::string::npos);
    child.signal(SIGSEGV);
    CHECK(child.wait() == 128 + SIGSEGV);
    for (const auto& n : list_dir(dir.path())) {
        INFO(n);
        CHECK(n.rfind("core", 0) != 0);
    }
}

TEST_CASE("One SIGTERM ends the run within seconds, even inside a long GEOS check", "[cli][hostile][signals]") {
    TempDir dir;
    write_file(dir.file("zones.geojson"), big_polygon_layer(400000));
    write_file(dir.file("cfg.yaml"), "layers:\n  - name: L\n    source: zones.geojson\n    kind: flood_depth\n"
                                     "    field: depth\n    preset: a31a_depth\n");
    const std::string profiles = profiles_dir(dir);
    const std::vector<std::string> argv = {sheetgen_binary(), "flag", "--hazards", dir.file("cfg.yaml"), "-q", "-o",
                                           dir.file("out/list.csv"), "--geojson", dir.file("out/list.geojson"),
                                           profiles};
    ::mkdir(dir.file("out").c_str(), 0700);
    Child child(argv, dir.file("stdout"), dir.file("stderr"));
    REQUIRE(child.started());
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // well inside loading the layer
    REQUIRE(child.running());
    const auto sent = std::chrono::steady_clock::now();
    child.signal(SIGTERM);
    while (child.running() && std::chrono::steady_clock::now() - sent < std::chrono::seconds(60))
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - sent).count();
    INFO("took " << took << " s");
    CHECK(child.wait() == 130);
    CHECK(took < 4.0);
    const std::string err = read_file(dir.file("stderr"));
    INFO(err);
    CHECK(err.find("sheetgen: interrupted (the current step did not stop within 2 s); stopped at once") !=
          std::string::npos);
    CHECK(list_dir(dir.file("out")).empty());  // no list, no temporary
}

TEST_CASE("Out of memory ends the run with one line and exit 5, never std::terminate", "[cli][hostile][resources]") {
    if (sanitized_build()) SHEETGEN_SKIP("resource limits are tested in the normal build (ASan reserves terabytes of address space and turns SIGSEGV into abort)");
    TempDir dir;
    // A 3.8 MB profile (under the 4 MiB cap): yaml-cpp needs far more memory than that.
    std::string big = minimal_profile("m-001") + "supplies_extra:\n";
    for (int i = 0; i < 330000; ++i) big += "  - x" + std::to_string(i) + "\n";
    write_file(dir.file("big.yaml"), big);
    // Sweep address-space limits: too low and the dynamic loader fails (127),
    // high enough and the file is merely invalid (1); in between, allocations
    // fail inside the run. Whatever the machine, no limit may give SIGABRT.
    int out_of_memory = 0;
    for (int kib = 160000; kib <= 240000; kib += 10000) {
        RunResult r = run_shell("bash -c \"ulimit -v " + std::to_string(kib) + " && exec '" + sheetgen_binary() +
                                "' validate '" + dir.file("big.yaml") + "'\"");
        INFO(kib << " KiB: exit " << r.exit_code << "\n" << r.err.substr(0, 300));
        CHECK(r.exit_code != 128 + SIGABRT);
        CHECK(r.err.find("terminate called") == std::string::npos);
        if (r.exit_code == 5) {
            ++out_of_memory;
            CHECK(r.err == "sheetgen validate: out of memory (check ulimit -v and free memory); stopped\n");
        }
    }
    if (out_of_memory == 0) WARN("no limit in the sweep made an allocation fail inside the run on this machine");
}

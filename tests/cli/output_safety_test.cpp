// Output guarantees under hostile conditions: unwritable directories, a full
// disk, SIGINT mid-run (exit 4 / 130, never a half-written file), plus
// byte-identical reruns, file modes and names kept out of messages.
#include <catch2/catch.hpp>

#include <filesystem>
#include <sys/mount.h>

#include "cli/hardening_support.hpp"

using namespace sheetgen::test;

namespace {

std::vector<std::string> sample_files() {
    std::vector<std::string> files;
    for (const auto& n : list_dir(source_path("samples")))
        if (ends_with(n, ".yaml")) files.push_back(source_path("samples/" + n));
    return files;
}

std::string quoted_samples() {
    std::string s;
    for (const auto& f : sample_files()) s += " " + q(f);
    return s;
}

// Every PDF left in `dir` is complete and no temporary survives.
void expect_clean_outputs(const std::string& dir) {
    CHECK(temp_files_in(dir).empty());
    for (const auto& p : pdfs_in(dir)) {
        INFO(p);
        CHECK(qpdf_check(dir + "/" + p));
    }
}

// Runs as `nobody` (root ignores permissions); empty when that is impossible.
std::string as_nobody_prefix() {
    if (::geteuid() != 0) return " ";  // already unprivileged
    if (run_shell("setpriv --reuid=65534 --regid=65534 --clear-groups true").exit_code == 0)
        return "setpriv --reuid=65534 --regid=65534 --clear-groups ";
    return "";
}

// A size-limited tmpfs, unmounted when the object dies.
class SmallDisk {
public:
    SmallDisk(const std::string& dir, const std::string& size) : dir_(dir) {
        ::mkdir(dir.c_str(), 0700);
        mounted_ = ::mount("tmpfs", dir.c_str(), "tmpfs", 0, ("size=" + size + ",mode=0700").c_str()) == 0;
    }
    ~SmallDisk() {
        if (mounted_) ::umount2(dir_.c_str(), MNT_DETACH);
    }
    bool mounted() const { return mounted_; }

private:
    std::string dir_;
    bool mounted_ = false;
};

}  // namespace

TEST_CASE("An output directory that cannot be written gives exit 4 and no partial files", "[cli][hostile][output]") {
    const std::string prefix = as_nobody_prefix();
    if (prefix.empty()) SHEETGEN_SKIP("cannot drop privileges (setpriv failed): unwritable-output case");
    TempDir dir;
    const ReadableInputs in = stage_readable_inputs(dir.file("inputs"));
    ::chmod(dir.path().c_str(), 0755);  // the runner must reach the inputs and the read-only directory
    const std::string ro = dir.file("ro");
    ::mkdir(ro.c_str(), 0555);  // not writable by its owner, nor by nobody
    ::chmod(ro.c_str(), 0555);
    const std::string bin = prefix + q(in.bin);
    const std::string profile = in.profile;

    SECTION("render: the output directory cannot be created") {
        RunResult r = run_shell(bin + " render --hazards " + q(in.hazards) + " --plans none -q --out " +
                                q(ro + "/out") + " " + q(profile));
        INFO(r.out << r.err);
        CHECK(r.exit_code == 4);
        CHECK(r.err.find("cannot create directory " + ro + "/out: Permission denied") != std::string::npos);
        CHECK(list_dir(ro).empty());
    }
    SECTION("render: the output directory exists but is read-only") {
        RunResult r = run_shell(bin + " render --hazards " + q(in.hazards) + " --plans none -q --out " +
                                q(ro) + " " + q(profile));
        INFO(r.out << r.err);
        CHECK(r.exit_code == 4);
        CHECK(r.err.find("tama-001") != std::string::npos);
        CHECK(r.err.find("Permission denied") != std::string::npos);
        CHECK(list_dir(ro).empty());
    }
    SECTION("flag: the CSV cannot be written") {
        RunResult r = run_shell(bin + " flag --hazards " + q(in.hazards) + " -q -o " + q(ro + "/list.csv") +
                                " " + q(profile));
        INFO(r.out << r.err);
        CHECK(r.exit_code == 4);
        CHECK(r.err.find(ro + "/list.csv") != std::string::npos);
        CHECK(r.err.find("Permission denied") != std::string::npos);
        CHECK(list_dir(ro).empty());
    }
}

TEST_CASE("A disk that fills up gives exit 4 and only complete PDFs", "[cli][hostile][output]") {
    TempDir dir;
    SmallDisk disk(dir.file("disk"), "256k");
    if (!disk.mounted()) SHEETGEN_SKIP("cannot mount a tmpfs (not root or no CAP_SYS_ADMIN): full-disk case");
    SECTION("render") {
        const std::string out = dir.file("disk/out");
        RunResult r = run_sheetgen("render --hazards " + q(sample_hazards()) + " --plans none -q --jobs 2 --out " +
                                   q(out) + " --bundle " + q(dir.file("disk/bundle.pdf")) + quoted_samples());
        INFO(r.out << r.err);
        CHECK(r.exit_code == 4);
        CHECK(r.err.find("No space left on device") != std::string::npos);
        const auto pdfs = pdfs_in(out);
        CHECK(pdfs.size() < sample_files().size());  // the disk really filled
        expect_clean_outputs(out);
        CHECK(temp_files_in(dir.file("disk")).empty());
        CHECK_FALSE(file_exists(dir.file("disk/bundle.pdf")));
    }
    SECTION("flag: CSV on a disk that is already full") {
        // Fill the disk: the write stops part-way with ENOSPC.
        run_shell("dd if=/dev/zero bs=1024 count=300 of=" + q(dir.file("disk/filler")));
        REQUIRE(run_shell("df --output=avail -k " + q(dir.file("disk"))).out.find(" 0\n") != std::string::npos);
        RunResult r = run_sheetgen("flag --hazards " + q(sample_hazards()) + " -q -o " + q(dir.file("disk/list.csv")) +
                                   quoted_samples());
        INFO(r.out << r.err);
        CHECK(r.exit_code == 4);
        CHECK(r.err.find("No space left on device") != std::string::npos);
        CHECK_FALSE(file_exists(dir.file("disk/list.csv")));
        CHECK(temp_files_in(dir.file("disk")).empty());
    }
}

TEST_CASE("SIGINT mid-render keeps only complete PDFs, exits 130, and a rerun finishes", "[cli][hostile][output]") {
    TempDir dir;
    const std::string profiles = dir.file("gen");
    RunResult gen = run_shell("python3 " + q(source_path("bench/gen_profiles.py")) + " --count 200 --seed 7 --out " +
                              q(profiles));
    REQUIRE(gen.exit_code == 0);
    const std::string shard = profiles + "/shard-0000";
    const std::string out = dir.file("out");
    const std::vector<std::string> argv = {sheetgen_binary(), "render", "--hazards", sample_hazards(),
                                           "--plans", "none", "--date", "2026-11-24", "--jobs", "2",
                                           "--out", out, shard};
    {
        Child child(argv, dir.file("stdout"), dir.file("stderr"));
        REQUIRE(child.started());
        // ~0.3 s in, and at least one PDF published, so the run is really under way.
        auto start = std::chrono::steady_clock::now();
        while (child.running() && (std::chrono::steady_clock::now() - start < std::chrono::milliseconds(300) ||
                                   pdfs_in(out).empty()) &&
               std::chrono::steady_clock::now() - start < std::chrono::seconds(30))
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        REQUIRE(child.running());
        child.signal(SIGINT);
        CHECK(child.wait() == 130);
    }
    const std::string err = read_file(dir.file("stderr"));
    INFO(err);
    CHECK(err.find("interrupted after ") != std::string::npos);
    CHECK(err.find(" of 200 households") != std::string::npos);
    const size_t kept = pdfs_in(out).size();
    CHECK(kept >= 1);
    CHECK(kept < 200);
    CHECK(err.find(std::to_string(kept) + " complete PDFs kept") != std::string::npos);
    expect_clean_outputs(out);

    RunResult again = run_sheetgen("render --hazards " + q(sample_hazards()) +
                                   " --plans none --date 2026-11-24 --jobs 2 -q --out " + q(out) + " " + q(shard));
    INFO(again.out << again.err);
    CHECK(again.exit_code == 0);
    CHECK(pdfs_in(out).size() == 200);
    CHECK(temp_files_in(out).empty());
}

TEST_CASE("Reruns are byte-identical, outputs are private, messages carry no names", "[cli][hostile][output]") {
    TempDir dir;
    std::set<std::string> names;
    for (const auto& f : sample_files())
        for (const auto& n : person_names_in(read_file(f))) names.insert(n);
    REQUIRE(names.size() > 10);
    // Broken copies of samples travel with them, as a real intake folder would.
    const std::string bad_dir = dir.file("bad");
    ::mkdir(bad_dir.c_str(), 0700);
    const std::string s1 = read_file(source_path("samples/tama-001.yaml"));
    write_file(bad_dir + "/b1.yaml", replace_once(replace_once(s1, "id: tama-001", "id: b-1"), "sex: male", "sex: mael"));
    write_file(bad_dir + "/b2.yaml", replace_once(replace_once(s1, "id: tama-001", "id: b-2"), "watts: 60", "watts: many"));
    write_file(bad_dir + "/b3.yaml", replace_once(s1, "id: tama-001", "id: b-3") + "\tbroken: tab\n");
    const std::string inputs = quoted_samples() + " " + q(bad_dir);

    auto flag = [&](const std::string& tag, const std::string& extra) {
        return run_sheetgen("flag --hazards " + q(sample_hazards()) + " --date 2026-11-24 -q -o " +
                            q(dir.file(tag + "/list.csv")) + " --geojson " + q(dir.file(tag + "/list.geojson")) +
                            " " + extra + inputs);
    };
    auto render = [&](const std::string& tag, const std::string& extra) {
        return run_sheetgen("render --hazards " + q(sample_hazards()) + " --plans none --date 2026-11-24 -q --out " +
                            q(dir.file(tag)) + " --bundle " + q(dir.file(tag + "/all.bundle.pdf")) + " " + extra + inputs);
    };
    std::vector<RunResult> runs = {flag("f1", "--jobs 1 "), flag("f2", "--jobs 2 "), render("r1", "--jobs 1 "),
                                   render("r2", "--jobs 2 "), render("g", "--jobs 2 --group-readable ")};
    for (const auto& r : runs) {
        INFO(r.out << r.err);
        CHECK(r.exit_code == 1);  // the three broken copies
        for (const auto& n : names) {
            INFO(n);
            CHECK(r.err.find(n) == std::string::npos);
        }
    }
    // Determinism, whatever the thread count.
    CHECK(read_file(dir.file("f1/list.csv")) == read_file(dir.file("f2/list.csv")));
    CHECK(read_file(dir.file("f1/list.geojson")) == read_file(dir.file("f2/list.geojson")));
    const auto pdfs = pdfs_in(dir.file("r1"));
    CHECK(pdfs.size() == sample_files().size() + 1);  // + all.bundle.pdf (a name no id can take)
    CHECK(pdfs == pdfs_in(dir.file("r2")));
    for (const auto& p : pdfs) {
        INFO(p);
        CHECK(read_file(dir.file("r1/" + p)) == read_file(dir.file("r2/" + p)));
    }
    // Modes: 0600 / 0700 by default, 0640 / 0750 with --group-readable.
    CHECK(mode_of(dir.file("f1/list.csv")) == 0600);
    CHECK(mode_of(dir.file("f1/list.geojson")) == 0600);
    CHECK(mode_of(dir.file("f1")) == 0700);
    CHECK(mode_of(dir.file("r1")) == 0700);
    for (const auto& p : pdfs) {
        INFO(p);
        CHECK(mode_of(dir.file("r1/" + p)) == 0600);
        CHECK(mode_of(dir.file("g/" + p)) == 0640);
    }
    CHECK(mode_of(dir.file("g")) == 0750);
}

TEST_CASE("A password file that never ends is refused, not read whole", "[cli][hostile][output]") {
    TempDir dir;
    RunResult r = run_sheetgen("render --hazards " + q(sample_hazards()) + " --plans none -q --out " +
                               q(dir.file("out")) + " --password-file /dev/zero " +
                               q(source_path("samples/tama-001.yaml")));
    INFO(r.out << r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("password file /dev/zero has no line break in its first 4 KiB") != std::string::npos);
    CHECK_FALSE(file_exists(dir.file("out")));
}

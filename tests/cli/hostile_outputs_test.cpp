// No output may destroy an input or another output of the same run: refused
// before any work (exit 2), by construction where the name is decided later
// (document names, per household). Also: repeated options, outputs that are
// symbolic links, devices or FIFOs, and a bundle that would miss a household.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <sys/sysmacros.h>

#include "cli/hardening_support.hpp"

using namespace sheetgen::test;

namespace {

std::string sample(const std::string& name) { return source_path("samples/" + name); }

bool is_symlink(const std::string& path) {
    struct stat st {};
    return ::lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode);
}

bool is_regular(const std::string& path) {
    struct stat st {};
    return ::lstat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

// Regular *.pdf files only (a directory named x.pdf does not count).
size_t regular_pdfs(const std::string& dir) {
    size_t n = 0;
    for (const auto& p : pdfs_in(dir)) n += is_regular(dir + "/" + p) ? 1 : 0;
    return n;
}

const std::string kRenderBase = "render --hazards '" + source_path("geodata/tama-sample.yaml") +
                                "' --date 2026-11-24 -q --jobs 2 ";

}  // namespace

TEST_CASE("An id ending in -ventilator-plan is refused: document names cannot collide", "[cli][hostile][output]") {
    TempDir dir;
    ::mkdir(dir.file("in").c_str(), 0700);
    write_file(dir.file("in/a.yaml"), read_file(sample("tama-002.yaml")));
    // A second household whose id is tama-002's plan file name.
    write_file(dir.file("in/b.yaml"),
               replace_once(read_file(sample("tama-001.yaml")), "id: tama-001", "id: tama-002-ventilator-plan"));
    const std::string expected = dir.file("in/b.yaml") +
                                 ":3:5: id 'tama-002-ventilator-plan' is not allowed: it ends in '-ventilator-plan', "
                                 "which names another household's evacuation plan file";

    RunResult v = run_sheetgen("validate " + q(dir.file("in")));
    INFO(v.out << v.err);
    CHECK(v.exit_code == 1);
    CHECK(v.out.find(expected) != std::string::npos);
    // Any case: file systems of Windows and macOS do not tell them apart.
    write_file(dir.file("b2.yaml"),
               replace_once(read_file(sample("tama-001.yaml")), "id: tama-001", "id: x-Ventilator-Plan"));
    RunResult v2 = run_sheetgen("validate " + q(dir.file("b2.yaml")));
    CHECK(v2.exit_code == 1);
    CHECK(v2.out.find("it ends in '-ventilator-plan'") != std::string::npos);

    RunResult r = run_sheetgen(kRenderBase + "--out " + q(dir.file("out")) + " " + q(dir.file("in")));
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find(expected) != std::string::npos);
    CHECK(r.out.find("2 PDF documents") != std::string::npos);
    CHECK(list_dir(dir.file("out")) == std::vector<std::string>{"tama-002-ventilator-plan.pdf", "tama-002.pdf"});
    // The plan on disk is tama-002's own plan: the same bytes as rendering tama-002 alone.
    RunResult alone = run_sheetgen(kRenderBase + "--out " + q(dir.file("alone")) + " " + q(sample("tama-002.yaml")));
    REQUIRE(alone.exit_code == 0);
    CHECK(read_file(dir.file("out/tama-002-ventilator-plan.pdf")) ==
          read_file(dir.file("alone/tama-002-ventilator-plan.pdf")));
}

TEST_CASE("An output that is an input of the run is refused before any work", "[cli][hostile][output]") {
    TempDir dir;
    const std::string profile = dir.file("tama-002.yaml");
    const std::string original = read_file(sample("tama-002.yaml"));
    write_file(profile, original);
    // A private copy of the sample hazards: config + GeoPackage side by side.
    write_file(dir.file("hz.yaml"), read_file(source_path("geodata/tama-sample.yaml")));
    write_file(dir.file("tama-sample.gpkg"), read_file(source_path("geodata/tama-sample.gpkg")));
    const std::string gpkg = read_file(dir.file("tama-sample.gpkg"));
    const std::string config = read_file(dir.file("hz.yaml"));
    const std::string flag = "flag --hazards " + q(dir.file("hz.yaml")) + " --date 2026-11-24 -q ";

    SECTION("-o is the profile") {
        RunResult r = run_sheetgen(flag + q(profile) + " -o " + q(profile));
        INFO(r.out << r.err);
        CHECK(r.exit_code == 2);
        CHECK(r.err.find("sheetgen flag: -o " + profile + " is an input of this run (profile " + profile +
                         "): it would be destroyed") != std::string::npos);
        CHECK(read_file(profile) == original);
    }
    SECTION("-o is a hard link to the profile") {
        REQUIRE(::link(profile.c_str(), dir.file("list.csv").c_str()) == 0);
        RunResult r = run_sheetgen(flag + q(profile) + " -o " + q(dir.file("list.csv")));
        INFO(r.out << r.err);
        CHECK(r.exit_code == 2);
        CHECK(r.err.find("is an input of this run (profile " + profile + ")") != std::string::npos);
        CHECK(read_file(profile) == original);
    }
    SECTION("--gpkg is the hazard GeoPackage the config reads") {
        RunResult r = run_sheetgen(flag + q(profile) + " -o " + q(dir.file("list.csv")) + " --gpkg " +
                                   q(dir.file("tama-sample.gpkg")));
        INFO(r.out << r.err);
        CHECK(r.exit_code == 2);
        CHECK(r.err.find("--gpkg " + dir.file("tama-sample.gpkg") + " is an input of this run (layer source of") !=
              std::string::npos);
        CHECK(read_file(dir.file("tama-sample.gpkg")) == gpkg);
        CHECK_FALSE(file_exists(dir.file("list.csv")));
    }
    SECTION("--geojson is the hazard config") {
        RunResult r = run_sheetgen(flag + q(profile) + " -o " + q(dir.file("list.csv")) + " --geojson " +
                                   q(dir.file("hz.yaml")));
        INFO(r.out << r.err);
        CHECK(r.exit_code == 2);
        CHECK(r.err.find("is an input of this run (hazard config ") != std::string::npos);
        CHECK(read_file(dir.file("hz.yaml")) == config);
    }
    SECTION("--bundle is the hazard config, the template, the font or the password file") {
        write_file(dir.file("pw.txt"), "secret\n");
        write_file(dir.file("tpl.yaml"), read_file(source_path("templates/support-sheet.yaml")));
        const std::string render = "render --hazards " + q(dir.file("hz.yaml")) + " --plans none -q --template " +
                                   q(dir.file("tpl.yaml")) + " --password-file " + q(dir.file("pw.txt")) + " --out " +
                                   q(dir.file("out")) + " " + q(profile) + " --bundle ";
        for (const auto& [victim, label] : std::vector<std::pair<std::string, std::string>>{
                 {dir.file("hz.yaml"), "hazard config"},
                 {dir.file("tpl.yaml"), "sheet template"},
                 {dir.file("pw.txt"), "password file"}}) {
            INFO(label);
            const std::string before = read_file(victim);
            RunResult r = run_sheetgen(render + q(victim));
            INFO(r.out << r.err);
            CHECK(r.exit_code == 2);
            CHECK(r.err.find("--bundle " + victim + " is an input of this run (" + label + " ") != std::string::npos);
            CHECK(read_file(victim) == before);
            CHECK_FALSE(file_exists(dir.file("out")));
        }
    }
    SECTION("a document DIR/<id>.pdf that is an input is not replaced; the household fails (exit 4)") {
        ::mkdir(dir.file("out").c_str(), 0700);
        // A profile saved under the name its own sheet will have.
        write_file(dir.file("out/tama-001.pdf"), read_file(sample("tama-001.yaml")));
        RunResult r = run_sheetgen(kRenderBase + "--plans none --out " + q(dir.file("out")) + " " +
                                   q(dir.file("out/tama-001.pdf")) + " " + q(profile));
        INFO(r.out << r.err);
        CHECK(r.exit_code == 4);
        CHECK(r.err.find("sheetgen render: tama-001: " + dir.file("out/tama-001.pdf") +
                         " is an input of this run (profile ") != std::string::npos);
        CHECK(read_file(dir.file("out/tama-001.pdf")) == read_file(sample("tama-001.yaml")));
        CHECK(file_exists(dir.file("out/tama-002.pdf")));
    }
}

TEST_CASE("Outputs that would replace each other are refused before any work", "[cli][hostile][output]") {
    TempDir dir;
    const std::string profiles = q(sample("tama-001.yaml")) + " " + q(sample("tama-002.yaml"));
    SECTION("--bundle OUT/tama-001.pdf") {
        RunResult r = run_sheetgen(kRenderBase + "--out " + q(dir.file("out")) + " --bundle " +
                                   q(dir.file("out/tama-001.pdf")) + " " + profiles);
        INFO(r.out << r.err);
        CHECK(r.exit_code == 2);
        CHECK(r.err.find("sheetgen render: --bundle " + dir.file("out/tama-001.pdf") +
                         " lies in the --out directory under a name a household's document can have (<id>.pdf)") !=
              std::string::npos);
        CHECK_FALSE(file_exists(dir.file("out")));
    }
    SECTION("--bundle is the output directory") {
        RunResult r = run_sheetgen(kRenderBase + "--out " + q(dir.file("out")) + " --bundle " + q(dir.file("out")) +
                                   " " + profiles);
        INFO(r.out << r.err);
        CHECK(r.exit_code == 2);
        CHECK(r.err.find("is the output directory of --out") != std::string::npos);
    }
    SECTION("a bundle name no id can take is fine inside the directory") {
        RunResult r = run_sheetgen(kRenderBase + "--plans none --out " + q(dir.file("out")) + " --bundle " +
                                   q(dir.file("out/all.sheets.pdf")) + " " + profiles);
        INFO(r.out << r.err);
        CHECK(r.exit_code == 0);
        CHECK(pdf_pages(dir.file("out/all.sheets.pdf")) > 0);
    }
    SECTION("-o and --geojson name one file; --gpkg too") {
        const std::string flag = "flag --hazards " + q(sample_hazards()) + " -q " + profiles;
        RunResult r = run_sheetgen(flag + " -o " + q(dir.file("x")) + " --geojson " + q(dir.file("x")));
        INFO(r.out << r.err);
        CHECK(r.exit_code == 2);
        CHECK(r.err.find("sheetgen flag: --geojson " + dir.file("x") + " names the same file as -o " + dir.file("x") +
                         ": one would replace the other") != std::string::npos);
        CHECK_FALSE(file_exists(dir.file("x")));
        // Spelled differently, still one file.
        ::mkdir(dir.file("d").c_str(), 0700);
        RunResult r2 = run_sheetgen(flag + " -o " + q(dir.file("d/list")) + " --gpkg " + q(dir.file("d/../d/./list")));
        INFO(r2.out << r2.err);
        CHECK(r2.exit_code == 2);
        CHECK(r2.err.find("names the same file as -o") != std::string::npos);
        CHECK(list_dir(dir.file("d")).empty());
    }
    SECTION("--html names the -o file, or a profile") {
        const std::string flag = "flag --hazards " + q(sample_hazards()) + " -q " + profiles;
        RunResult r = run_sheetgen(flag + " -o " + q(dir.file("x")) + " --html " + q(dir.file("x")));
        INFO(r.out << r.err);
        CHECK(r.exit_code == 2);
        CHECK(r.err.find("--html " + dir.file("x") + " names the same file as -o") != std::string::npos);
        CHECK_FALSE(file_exists(dir.file("x")));
        const std::string copy = dir.file("p.yaml");
        write_file(copy, read_file(sample("tama-001.yaml")));
        RunResult r2 = run_sheetgen("flag --hazards " + q(sample_hazards()) + " -q " + q(copy) + " -o " +
                                    q(dir.file("l.csv")) + " --html " + q(copy));
        INFO(r2.out << r2.err);
        CHECK(r2.exit_code == 2);
        CHECK(read_file(copy) == read_file(sample("tama-001.yaml")));
    }
}

TEST_CASE("Symbolic links, devices and FIFOs are never replaced by an output", "[cli][hostile][output]") {
    TempDir dir;
    const std::string flag = "flag --hazards " + q(sample_hazards()) + " -q " + q(sample("tama-001.yaml"));
    SECTION("a link like /dev/stdout (-> /proc/self/fd/1)") {
        REQUIRE(::symlink("/proc/self/fd/1", dir.file("stdout").c_str()) == 0);
        RunResult r = run_sheetgen(flag + " -o " + q(dir.file("stdout")));
        INFO(r.out << r.err);
        CHECK(r.exit_code == 2);
        CHECK(r.err.find("sheetgen flag: -o " + dir.file("stdout") +
                         " exists and is a symbolic link: sheetgen replaces outputs atomically (rename) and would "
                         "replace it") != std::string::npos);
        CHECK(is_symlink(dir.file("stdout")));
    }
    SECTION("a link to a regular file") {
        write_file(dir.file("real.csv"), "old\n");
        REQUIRE(::symlink("real.csv", dir.file("link.csv").c_str()) == 0);
        RunResult r = run_sheetgen(flag + " -o " + q(dir.file("list.csv")) + " --geojson " + q(dir.file("link.csv")));
        INFO(r.out << r.err);
        CHECK(r.exit_code == 2);
        CHECK(r.err.find("--geojson " + dir.file("link.csv") + " exists and is a symbolic link") != std::string::npos);
        CHECK(is_symlink(dir.file("link.csv")));
        CHECK(read_file(dir.file("real.csv")) == "old\n");
        CHECK_FALSE(file_exists(dir.file("list.csv")));
    }
    SECTION("a FIFO") {
        REQUIRE(::mkfifo(dir.file("pipe").c_str(), 0600) == 0);
        RunResult r = run_sheetgen(flag + " -o " + q(dir.file("pipe")));
        INFO(r.out << r.err);
        CHECK(r.exit_code == 2);
        CHECK(r.err.find("exists and is a FIFO (named pipe)") != std::string::npos);
        struct stat st {};
        CHECK((::lstat(dir.file("pipe").c_str(), &st) == 0 && S_ISFIFO(st.st_mode)));
    }
    SECTION("a character device like /dev/null") {
        if (::mknod(dir.file("null").c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0) {
            WARN("cannot create a device node (not root): device case skipped");
            return;
        }
        RunResult r = run_sheetgen(flag + " -o " + q(dir.file("null")));
        INFO(r.out << r.err);
        CHECK(r.exit_code == 2);
        CHECK(r.err.find("exists and is a device") != std::string::npos);
        struct stat st {};
        CHECK((::lstat(dir.file("null").c_str(), &st) == 0 && S_ISCHR(st.st_mode)));
    }
    SECTION("a document DIR/<id>.pdf that is a symbolic link: the household fails, the link stays") {
        ::mkdir(dir.file("out").c_str(), 0700);
        write_file(dir.file("elsewhere.pdf"), "keep");
        REQUIRE(::symlink(dir.file("elsewhere.pdf").c_str(), dir.file("out/tama-001.pdf").c_str()) == 0);
        RunResult r = run_sheetgen(kRenderBase + "--plans none --out " + q(dir.file("out")) + " " +
                                   q(sample("tama-001.yaml")) + " " + q(sample("tama-003.yaml")));
        INFO(r.out << r.err);
        CHECK(r.exit_code == 4);
        CHECK(r.err.find("sheetgen render: tama-001: " + dir.file("out/tama-001.pdf") + " exists and is a symbolic link") !=
              std::string::npos);
        CHECK(is_symlink(dir.file("out/tama-001.pdf")));
        CHECK(read_file(dir.file("elsewhere.pdf")) == "keep");
        CHECK(qpdf_check(dir.file("out/tama-003.pdf")));
        CHECK(temp_files_in(dir.file("out")).empty());
    }
}

TEST_CASE("A bundle is withheld when a household's document could not be written", "[cli][hostile][output]") {
    TempDir dir;
    ::mkdir(dir.file("out").c_str(), 0700);
    ::mkdir(dir.file("out/tama-002.pdf").c_str(), 0700);  // in the way of tama-002's sheet
    RunResult r = run_sheetgen(kRenderBase + "--out " + q(dir.file("out")) + " --bundle " + q(dir.file("all.pdf")) +
                               " " + q(sample("tama-001.yaml")) + " " + q(sample("tama-002.yaml")) + " " +
                               q(sample("tama-003.yaml")));
    INFO(r.out << r.err);
    CHECK(r.exit_code == 4);
    CHECK(r.err.find("sheetgen render: tama-002: " + dir.file("out/tama-002.pdf") + " exists and is a directory") !=
          std::string::npos);
    CHECK(r.err.find("sheetgen render: bundle " + dir.file("all.pdf") +
                     " NOT written: it would miss 1 household whose documents could not be written (tama-002)") !=
          std::string::npos);
    CHECK_FALSE(file_exists(dir.file("all.pdf")));
    CHECK(r.out.find("bundle for printing") == std::string::npos);
    // The summary counts what is on the disk.
    const size_t on_disk = regular_pdfs(dir.file("out"));
    CHECK(on_disk == 3);  // tama-001's sheet and plan, tama-003's sheet
    CHECK(r.out.find(std::to_string(on_disk) + " PDF documents") != std::string::npos);
    CHECK(r.out.find("1 failed to write") != std::string::npos);
    CHECK(temp_files_in(dir.file("out")).empty());
}

TEST_CASE("A repeated option is refused, not silently dropped", "[cli][hostile][args]") {
    TempDir dir;
    const std::string base = "flag -q " + q(sample("tama-001.yaml")) + " ";
    RunResult r = run_sheetgen(base + "--hazards " + q(sample_hazards()) + " --hazards /nonexistent.yaml -o " +
                               q(dir.file("a.csv")));
    INFO(r.out << r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("sheetgen flag: option --hazards given twice ('" + sample_hazards() +
                     "' and '/nonexistent.yaml'); give it once") != std::string::npos);
    RunResult o = run_sheetgen(base + "--hazards " + q(sample_hazards()) + " -o " + q(dir.file("a.csv")) +
                               " --out=" + q(dir.file("b.csv")));
    INFO(o.out << o.err);
    CHECK(o.exit_code == 2);
    CHECK(o.err.find("option --out given twice") != std::string::npos);
    CHECK(list_dir(dir.path()).empty());
    RunResult j = run_sheetgen("render --jobs 1 --jobs 2 --hazards x --out y z");
    CHECK(j.exit_code == 2);
    CHECK(j.err.find("option --jobs given twice ('1' and '2')") != std::string::npos);
}

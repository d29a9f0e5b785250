#include <catch2/catch.hpp>

#include <cstdlib>
#include <sys/stat.h>
#include <unistd.h>

#include "common/atomic_file.hpp"
#include "common/error.hpp"
#include "test_support.hpp"

using namespace sheetgen;
using namespace sheetgen::test;

TEST_CASE("Outputs are written atomically with owner-only permissions", "[common][output]") {
    TempDir dir;
    std::string sub = dir.file("a/b");
    ensure_directory(sub);
    struct stat st {};
    REQUIRE(::stat(sub.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0700);

    std::string target = sub + "/x.pdf";
    write_file_atomic(target, "first");
    write_file_atomic(target, "second");
    CHECK(read_file(target) == "second");
    REQUIRE(::stat(target.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);

    OutputOptions group;
    group.file_mode = 0640;
    write_file_atomic(target, "third", group);
    REQUIRE(::stat(target.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0640);
    // Nothing but the target is left behind.
    CHECK(std::system(("test $(ls -A '" + sub + "' | wc -l) -eq 1").c_str()) == 0);
}

TEST_CASE("A failed write leaves the old file and no temporary behind", "[common][output]") {
    TempDir dir;
    CHECK_THROWS_AS(write_file_atomic(dir.file("missing-dir/x.pdf"), "data"), OutputError);
    std::string file = dir.file("plain");
    write_file(file, "x");
    CHECK_THROWS_AS(ensure_directory(file), OutputError);
    if (::geteuid() != 0) {  // root ignores directory permissions
        std::string ro = dir.file("ro");
        ensure_directory(ro);
        write_file_atomic(ro + "/keep.pdf", "old");
        ::chmod(ro.c_str(), 0500);
        CHECK_THROWS_AS(write_file_atomic(ro + "/keep.pdf", "new"), OutputError);
        ::chmod(ro.c_str(), 0700);
        CHECK(read_file(ro + "/keep.pdf") == "old");
    }
}

TEST_CASE("A full disk is an OutputError and the target stays intact", "[common][output]") {
    // /dev/full fails every write with ENOSPC; rename-based writes cannot use
    // it directly, so simulate with a size-limited file system when we can.
    if (::geteuid() != 0 || std::system("command -v mount >/dev/null 2>&1") != 0)
        SHEETGEN_SKIP("needs root and mount(8) to mount a small tmpfs");
    TempDir dir;
    std::string mnt = dir.file("small");
    ensure_directory(mnt);
    if (std::system(("mount -t tmpfs -o size=64k tmpfs '" + mnt + "' 2>/dev/null").c_str()) != 0)
        SHEETGEN_SKIP("cannot mount a tmpfs here (no CAP_SYS_ADMIN)");
    write_file_atomic(mnt + "/sheet.pdf", "old");
    std::string big(1 << 20, 'x');
    CHECK_THROWS_AS(write_file_atomic(mnt + "/sheet.pdf", big), OutputError);
    CHECK(read_file(mnt + "/sheet.pdf") == "old");
    CHECK(std::system(("test $(ls -A '" + mnt + "' | wc -l) -eq 1").c_str()) == 0);
    CHECK(std::system(("umount '" + mnt + "'").c_str()) == 0);
}

TEST_CASE("AtomicWriter streams into place, SpillFile leaves nothing behind", "[common][output]") {
    TempDir dir;
    {
        SpillFile a(dir.path()), b(dir.path());
        a.append(",\nfirst");
        b.append(",\nsecond");
        b.append(std::string(200000, 'x'));  // larger than the buffer
        // Scratch files are anonymous: nothing visible in the directory.
        CHECK(std::system(("test $(ls -A '" + dir.path() + "' | wc -l) -eq 0").c_str()) == 0);
        AtomicWriter w(dir.file("out.json"));
        w.write("[");
        a.copy_to(w, 2);
        b.copy_to(w);
        w.write("]");
        CHECK_FALSE(file_exists(dir.file("out.json")));  // not visible before commit
        w.commit();
    }
    std::string out = read_file(dir.file("out.json"));
    CHECK(out.substr(0, 14) == "[first,\nsecond");
    CHECK(out.size() == 1 + 5 + 8 + 200000 + 1);
    CHECK(std::system(("test $(ls -A '" + dir.path() + "' | wc -l) -eq 1").c_str()) == 0);
    {
        AtomicWriter abandoned(dir.file("never.csv"));
        abandoned.write("partial");
    }  // destroyed without commit: no file, no temporary
    CHECK_FALSE(file_exists(dir.file("never.csv")));
    CHECK(std::system(("test $(ls -A '" + dir.path() + "' | wc -l) -eq 1").c_str()) == 0);
}

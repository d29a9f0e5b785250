#pragma once
// Helpers shared by the test folders: paths, temp dirs, running the CLI.
#include <string>

// Return from the current test case, reported to CTest as skipped.
#define SHEETGEN_SKIP(why)                     \
    do {                                       \
        ::sheetgen::test::report_skipped(why); \
        return;                                \
    } while (0)

namespace sheetgen::test {

inline std::string source_path(const std::string& rel) { return std::string(SHEETGEN_SOURCE_DIR) + "/" + rel; }

// True in the ASan + UBSan build of the test command's second pass.
inline bool sanitized_build() {
#ifdef SHEETGEN_SANITIZED_BUILD
    return true;
#else
    return false;
#endif
}
// The real public data (../shared/data beside the checkout); the environment
// variable SHEETGEN_SHARED_DATA overrides the compiled-in default.
std::string shared_data_dir();
inline std::string shared_data(const std::string& rel) { return shared_data_dir() + "/" + rel; }
// geodata/tokyo-real.yaml; when SHEETGEN_SHARED_DATA overrides the default, a
// copy written into `dir` with its sources under shared_data_dir() instead.
std::string tokyo_real_config(const std::string& dir);
// The same for any real-data config in geodata/ (e.g. "tama-maxscale.yaml").
std::string real_config(const std::string& dir, const std::string& name);

// Marks the running test as skipped, then `return` from the test case:
// prints "SHEETGEN_TEST_SKIPPED: <why>", which tests/CMakeLists.txt gives
// CTest as SKIP_REGULAR_EXPRESSION, so CTest reports the test as skipped
// (never as passed). Only for a missing precondition (data, privileges,
// tmpfs), never for a failure.
void report_skipped(const std::string& why);
bool file_exists(const std::string& path);
std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& bytes);

// A fresh directory under /tmp, removed when the object dies.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::string& path() const { return path_; }
    std::string file(const std::string& name) const { return path_ + "/" + name; }

private:
    std::string path_;
};

struct RunResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};
// Runs a shell command and returns its standard output; its exit status
// (as from pclose) goes to *status when given. Throws if it cannot start.
std::string capture(const std::string& cmd, int* status = nullptr);

// The sheetgen binary under test: $SHEETGEN_TEST_BINARY when set (to run the
// end-to-end tests against another build, e.g. the commit before a fix, to
// see them fail), else the one built with the tests.
std::string sheetgen_under_test();
// Runs the sheetgen binary with a shell-quoted argument string.
RunResult run_sheetgen(const std::string& args);

}  // namespace sheetgen::test

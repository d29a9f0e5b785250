#pragma once
// Helpers shared by the test folders: paths, temp dirs, running the CLI.
#include <string>

namespace sheetgen::test {

inline std::string source_path(const std::string& rel) { return std::string(SHEETGEN_SOURCE_DIR) + "/" + rel; }
inline std::string shared_data(const std::string& rel) { return std::string(SHEETGEN_SHARED_DATA) + "/" + rel; }
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

#include "test_support.hpp"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <sys/stat.h>
#include <sys/wait.h>

namespace sheetgen::test {

std::string shared_data_dir() {
    const char* env = std::getenv("SHEETGEN_SHARED_DATA");
    return env && *env ? std::string(env) : std::string(SHEETGEN_SHARED_DATA);
}

std::string real_config(const std::string& dir, const std::string& name) {
    // By default the shipped file itself, so its relative paths stay tested.
    if (shared_data_dir() == SHEETGEN_SHARED_DATA) return source_path("geodata/" + name);
    std::string text = read_file(source_path("geodata/" + name));
    const std::string from = "../../shared/data/";
    for (size_t p; (p = text.find(from)) != std::string::npos;) text.replace(p, from.size(), shared_data_dir() + "/");
    const std::string path = dir + "/" + name;
    write_file(path, text);
    return path;
}

std::string tokyo_real_config(const std::string& dir) { return real_config(dir, "tokyo-real.yaml"); }

void report_skipped(const std::string& why) {
    std::cout << "SHEETGEN_TEST_SKIPPED: " << why << std::endl;
}

bool file_exists(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void write_file(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
    if (!out) throw std::runtime_error("cannot write " + path);
}

TempDir::TempDir() {
    char tmpl[] = "/tmp/sheetgen-test-XXXXXX";
    if (!::mkdtemp(tmpl)) throw std::runtime_error("mkdtemp failed");
    path_ = tmpl;
}

TempDir::~TempDir() {
    std::string cmd = "rm -rf '" + path_ + "'";
    if (std::system(cmd.c_str()) != 0) { /* best effort */ }
}

std::string capture(const std::string& cmd, int* status) {
    FILE* p = ::popen(cmd.c_str(), "r");
    if (!p) throw std::runtime_error("cannot run: " + cmd);
    std::string out;
    char buf[4096];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    int st = ::pclose(p);
    if (status) *status = st;
    return out;
}

std::string sheetgen_under_test() {
    const char* env = std::getenv("SHEETGEN_TEST_BINARY");
    return env && *env ? env : SHEETGEN_BINARY;
}

RunResult run_sheetgen(const std::string& args) {
    TempDir tmp;
    std::string cmd = std::string("'") + sheetgen_under_test() + "' " + args + " >'" + tmp.file("out") + "' 2>'" +
                      tmp.file("err") + "' </dev/null";
    int status = std::system(cmd.c_str());
    RunResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.out = read_file(tmp.file("out"));
    r.err = read_file(tmp.file("err"));
    return r;
}

}  // namespace sheetgen::test

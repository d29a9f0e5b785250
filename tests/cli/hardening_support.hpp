#pragma once
// Helpers for the hardening tests: running the binary under another user or
// with a signal, checking PDFs with qpdf/pdfinfo, listing output directories.
#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <dirent.h>
#include <fcntl.h>
#include <fstream>
#include <regex>
#include <set>
#include <spawn.h>
#include <string>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

#include "cli/cli_fixtures.hpp"

extern char** environ;

namespace sheetgen::test {

inline std::string sheetgen_binary() { return sheetgen_under_test(); }

// Runs a whole shell command line (stdout/stderr captured, stdin /dev/null).
inline RunResult run_shell(const std::string& cmdline) {
    TempDir tmp;
    std::string cmd = cmdline + " >'" + tmp.file("out") + "' 2>'" + tmp.file("err") + "' </dev/null";
    int status = std::system(cmd.c_str());
    RunResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.out = read_file(tmp.file("out"));
    r.err = read_file(tmp.file("err"));
    return r;
}

// Names in a directory (no "." / ".."), sorted; empty when it does not exist.
inline std::vector<std::string> list_dir(const std::string& dir) {
    std::vector<std::string> names;
    if (DIR* d = ::opendir(dir.c_str())) {
        while (dirent* e = ::readdir(d)) {
            std::string n = e->d_name;
            if (n != "." && n != "..") names.push_back(n);
        }
        ::closedir(d);
    }
    std::sort(names.begin(), names.end());
    return names;
}

inline bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

inline std::vector<std::string> pdfs_in(const std::string& dir) {
    std::vector<std::string> out;
    for (const auto& n : list_dir(dir))
        if (ends_with(n, ".pdf")) out.push_back(n);
    return out;
}

// Leftover temporaries of write_file_atomic / StagedFile ("<target>.tmp-XXXXXX").
inline std::vector<std::string> temp_files_in(const std::string& dir) {
    std::vector<std::string> out;
    for (const auto& n : list_dir(dir))
        if (n.find(".tmp-") != std::string::npos) out.push_back(n);
    return out;
}

inline bool qpdf_check(const std::string& pdf) {
    std::string cmd = "qpdf --check '" + pdf + "' >/dev/null 2>&1";
    return std::system(cmd.c_str()) == 0;
}

// Page count from pdfinfo; -1 when pdfinfo cannot read the file.
inline int pdf_pages(const std::string& pdf) {
    RunResult r = run_shell("pdfinfo '" + pdf + "'");
    if (r.exit_code != 0) return -1;
    std::smatch m;
    static const std::regex re("Pages:\\s+(\\d+)");
    if (!std::regex_search(r.out, m, re)) return -1;
    return std::stoi(m[1]);
}

inline mode_t mode_of(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return 0;
    return st.st_mode & 07777;
}

inline std::string replace_once(std::string s, const std::string& from, const std::string& to) {
    auto p = s.find(from);
    if (p == std::string::npos) throw std::runtime_error("fixture text not found: " + from);
    return s.replace(p, from.size(), to);
}

// Person names written in profiles ("name: 山田 陽翔" in person, members,
// contacts): family and given name separated by a space, as the samples do.
inline std::set<std::string> person_names_in(const std::string& yaml) {
    std::set<std::string> names;
    static const std::regex re("name: ([^,}\\n\\[\\]]+ [^,}\\n\\[\\]]+)");
    for (std::sregex_iterator it(yaml.begin(), yaml.end(), re), end; it != end; ++it) {
        std::string n = (*it)[1];
        while (!n.empty() && n.back() == ' ') n.pop_back();
        // Skip ASCII-only values (device models and the like): the samples' names are Japanese.
        if (std::any_of(n.begin(), n.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }))
            names.insert(n);
    }
    return names;
}

// A child process started without a shell, so the test can signal it.
class Child {
public:
    Child(const std::vector<std::string>& argv, const std::string& out_file, const std::string& err_file) {
        posix_spawn_file_actions_t fa;
        posix_spawn_file_actions_init(&fa);
        posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
        posix_spawn_file_actions_addopen(&fa, 1, out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        posix_spawn_file_actions_addopen(&fa, 2, err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        std::vector<char*> args;
        for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        if (::posix_spawn(&pid_, args[0], &fa, nullptr, args.data(), environ) != 0) pid_ = -1;
        posix_spawn_file_actions_destroy(&fa);
    }
    ~Child() {
        if (pid_ > 0 && !reaped_) {
            ::kill(pid_, SIGKILL);
            int st;
            ::waitpid(pid_, &st, 0);
        }
    }
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;
    bool started() const { return pid_ > 0; }
    pid_t pid() const { return pid_; }
    bool running() {
        if (reaped_) return false;
        int st;
        pid_t r = ::waitpid(pid_, &st, WNOHANG);
        if (r == pid_) {
            reaped_ = true;
            status_ = st;
            return false;
        }
        return true;
    }
    void signal(int sig) { ::kill(pid_, sig); }
    // Exit code, or 128 + signal when killed by one.
    int wait() {
        if (!reaped_) {
            ::waitpid(pid_, &status_, 0);
            reaped_ = true;
        }
        return WIFEXITED(status_) ? WEXITSTATUS(status_) : 128 + WTERMSIG(status_);
    }

private:
    pid_t pid_ = -1;
    bool reaped_ = false;
    int status_ = 0;
};

}  // namespace sheetgen::test

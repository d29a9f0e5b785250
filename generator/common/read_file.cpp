#include "common/read_file.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/error.hpp"

namespace sheetgen {

namespace {
std::string size_text(size_t bytes) {
    if (bytes >= 1024 * 1024) return std::to_string(bytes / (1024 * 1024)) + " MiB";
    return std::to_string(bytes / 1024) + " KiB";
}

// Reads `fd` in chunks up to one byte past the limit: a small file costs its
// size (no cap-sized buffer), an endless one (/dev/zero) stops at the limit.
// false on an I/O error.
bool read_capped(int fd, size_t max_bytes, std::string& bytes) {
    char chunk[65536];
    while (bytes.size() <= max_bytes) {
        const size_t want = std::min(sizeof chunk, max_bytes + 1 - bytes.size());
        ssize_t n = ::read(fd, chunk, want);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return false;
        if (n == 0) break;
        bytes.append(chunk, static_cast<size_t>(n));
    }
    return true;
}

// Closes the descriptor on every path out.
struct Fd {
    int fd;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};
}  // namespace

std::string read_file_limited(const std::string& path, size_t max_bytes, const std::string& what) {
    const SourceLocation where{path, 0, 0};
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode))
        throw InputError(where, "is a directory, not a " + what);
    // Opening a FIFO blocks until someone writes to it: never wait on one.
    if (::stat(path.c_str(), &st) == 0 && (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode)))
        throw InputError(where, std::string("is a ") + (S_ISFIFO(st.st_mode) ? "FIFO (named pipe)" : "socket") +
                                    ", not a " + what + " file");
    Fd file{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
    if (file.fd < 0) throw InputError(where, "cannot open " + what + ": " + std::strerror(errno ? errno : ENOENT));
    std::string bytes;
    if (!read_capped(file.fd, max_bytes, bytes)) throw InputError(where, "cannot read " + what + " (I/O error)");
    if (bytes.size() > max_bytes)
        throw InputError(where, what + " is larger than " + size_text(max_bytes) + "; is this really a " + what + "?");
    return bytes;
}

std::string unreadable_reason(const std::string& path, const std::string& what, bool* is_dir) {
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0) {
        if (S_ISREG(st.st_mode)) return "";
        if (S_ISDIR(st.st_mode)) {
            if (is_dir) *is_dir = true;
            return "is a directory, not a " + what;
        }
        if (S_ISFIFO(st.st_mode)) return "is a FIFO (named pipe), not a " + what + ": it cannot be read";
        if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)) return "is a device, not a " + what;
        if (S_ISSOCK(st.st_mode)) return "is a socket, not a " + what;
        return "is not a regular file";
    }
    const int err = errno;
    struct stat lst {};
    if (err == ELOOP) return "is a symbolic link loop: it cannot be read";
    if (::lstat(path.c_str(), &lst) == 0 && S_ISLNK(lst.st_mode))
        return "is a symbolic link to a file that does not exist (dangling link)";
    if (err == ENOENT) return "no such file or directory";
    return std::string("cannot read the file: ") + std::strerror(err);
}

FileBytes read_regular_file(const std::string& path, size_t max_bytes, const std::string& what) {
    FileBytes r;
    Fd file{::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC)};
    if (file.fd < 0) {
        const int err = errno;
        r.problem = unreadable_reason(path, what);
        if (r.problem.empty() || (err == ENOENT && r.problem == "no such file or directory"))
            r.problem = std::string("cannot read the file: ") + std::strerror(err);
        return r;
    }
    struct stat st {};
    if (::fstat(file.fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        r.problem = unreadable_reason(path, what);
        if (r.problem.empty()) r.problem = "is not a regular file";
        return r;
    }
    // Read from the checked descriptor, not the path again, so nothing can be swapped in between.
    if (!read_capped(file.fd, max_bytes, r.bytes)) {
        r.bytes.clear();
        r.problem = "cannot read the file (I/O error)";
        return r;
    }
    r.too_large = r.bytes.size() > max_bytes;
    return r;
}

}  // namespace sheetgen

#include "common/read_file.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sys/stat.h>

#include "common/error.hpp"

namespace sheetgen {

namespace {
std::string size_text(size_t bytes) {
    if (bytes >= 1024 * 1024) return std::to_string(bytes / (1024 * 1024)) + " MiB";
    return std::to_string(bytes / 1024) + " KiB";
}
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
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(where, "cannot open " + what + ": " + std::strerror(errno ? errno : ENOENT));
    // Read in chunks up to one byte past the limit: a small file costs its
    // size, an endless one (/dev/zero) stops at the limit.
    std::string bytes;
    char chunk[65536];
    while (bytes.size() <= max_bytes && in) {
        const size_t want = std::min(sizeof chunk, max_bytes + 1 - bytes.size());
        in.read(chunk, static_cast<std::streamsize>(want));
        bytes.append(chunk, static_cast<size_t>(in.gcount()));
    }
    if (in.bad()) throw InputError(where, "cannot read " + what + " (I/O error)");
    if (bytes.size() > max_bytes)
        throw InputError(where, what + " is larger than " + size_text(max_bytes) + "; is this really a " + what + "?");
    return bytes;
}

}  // namespace sheetgen

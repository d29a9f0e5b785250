#pragma once
// Fuzz inputs reach the loaders through a real path, as the CLI's do: an
// anonymous in-memory file (memfd) opened as /proc/self/fd/N, so runs leave
// nothing on disk and parallel fuzzers never share a file.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <sys/mman.h>
#include <unistd.h>

namespace sheetgen::fuzz {

class MemFile {
public:
    MemFile(const uint8_t* data, size_t size) {
        fd_ = ::memfd_create("sheetgen-fuzz", MFD_CLOEXEC);
        if (fd_ < 0) throw std::runtime_error("memfd_create failed");
        size_t off = 0;
        while (off < size) {
            ssize_t n = ::write(fd_, data + off, size - off);
            if (n <= 0) throw std::runtime_error("memfd write failed");
            off += static_cast<size_t>(n);
        }
        path_ = "/proc/self/fd/" + std::to_string(fd_);
    }
    ~MemFile() { ::close(fd_); }
    MemFile(const MemFile&) = delete;
    MemFile& operator=(const MemFile&) = delete;
    const std::string& path() const { return path_; }

private:
    int fd_ = -1;
    std::string path_;
};

}  // namespace sheetgen::fuzz

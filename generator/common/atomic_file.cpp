#include "common/atomic_file.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <map>
#include <mutex>
#include <sys/stat.h>
#include <unistd.h>

#include "common/error.hpp"

namespace sheetgen {

namespace {
std::string errno_text(const std::string& what, const std::string& path) {
    return what + " " + path + ": " + std::strerror(errno);
}

void write_all(int fd, std::string_view bytes, const std::string& what) {
    const char* p = bytes.data();
    size_t left = bytes.size();
    while (left > 0) {
        ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            throw OutputError(errno_text("cannot write", what));
        }
        p += n;
        left -= static_cast<size_t>(n);
    }
}

std::string parent_dir(const std::string& path) {
    auto slash = path.find_last_of('/');
    if (slash == std::string::npos) return ".";
    if (slash == 0) return "/";
    return path.substr(0, slash);
}
}  // namespace

void ensure_directory(const std::string& path, const OutputOptions& opts) {
    if (path.empty()) return;
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0) {
        if (!S_ISDIR(st.st_mode)) throw OutputError(path + " exists and is not a directory");
        return;
    }
    std::string parent = parent_dir(path);
    if (parent != path && parent != "." && parent != "/") ensure_directory(parent, opts);
    if (::mkdir(path.c_str(), opts.dir_mode) != 0 && errno != EEXIST)
        throw OutputError(errno_text("cannot create directory", path));
}

namespace {
std::mutex& temp_mutex() {
    static std::mutex m;
    return m;
}
std::map<std::string, bool>& temp_registry() {
    static std::map<std::string, bool> r;  // path -> is a directory
    return r;
}
}  // namespace

void register_temporary(const std::string& path, bool is_directory) {
    std::lock_guard<std::mutex> lock(temp_mutex());
    temp_registry()[path] = is_directory;
}

void unregister_temporary(const std::string& path) {
    std::lock_guard<std::mutex> lock(temp_mutex());
    temp_registry().erase(path);
}

size_t remove_registered_temporaries() {
    std::lock_guard<std::mutex> lock(temp_mutex());
    size_t n = 0;
    for (const auto& [path, is_dir] : temp_registry()) {
        if (is_dir) {
            if (DIR* d = ::opendir(path.c_str())) {
                while (dirent* e = ::readdir(d)) {
                    std::string name = e->d_name;
                    if (name != "." && name != "..") ::unlink((path + "/" + name).c_str());
                }
                ::closedir(d);
            }
            if (::rmdir(path.c_str()) == 0) ++n;
        } else if (::unlink(path.c_str()) == 0) {
            ++n;
        }
    }
    temp_registry().clear();
    return n;
}

void check_replaceable(const std::string& path) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) return;  // absent: nothing is replaced
    if (S_ISREG(st.st_mode)) return;
    const char* what = S_ISLNK(st.st_mode)   ? "a symbolic link"
                       : S_ISDIR(st.st_mode) ? "a directory"
                       : S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) ? "a device"
                       : S_ISFIFO(st.st_mode) ? "a FIFO (named pipe)"
                                              : "not a regular file";
    throw OutputError(path + " exists and is " + what +
                      ": sheetgen replaces outputs atomically (rename) and would replace it; give the path of a "
                      "regular file, or a new one");
}

namespace {
// Writes bytes to a new temporary file beside `path`, fsync'd; returns its name.
std::string write_temporary(const std::string& path, std::string_view bytes, const OutputOptions& opts) {
    std::string tmpl = path + ".tmp-XXXXXX";
    int fd = ::mkstemp(tmpl.data());
    if (fd < 0) throw OutputError(errno_text("cannot create temporary file for", path));
    register_temporary(tmpl);
    auto fail = [&](const std::string& what) {
        int saved = errno;
        ::close(fd);
        ::unlink(tmpl.c_str());
        unregister_temporary(tmpl);
        errno = saved;
        throw OutputError(errno_text(what, path));
    };
    if (::fchmod(fd, opts.file_mode) != 0) fail("cannot set permissions on");
    try {
        write_all(fd, bytes, path);
    } catch (const OutputError&) {
        ::close(fd);
        ::unlink(tmpl.c_str());
        unregister_temporary(tmpl);
        throw;
    }
    if (::fsync(fd) != 0) fail("cannot sync");
    if (::close(fd) != 0) {
        int saved = errno;
        ::unlink(tmpl.c_str());
        unregister_temporary(tmpl);
        errno = saved;
        throw OutputError(errno_text("cannot close", path));
    }
    return tmpl;
}

void publish(const std::string& temp, const std::string& path) {
    try {
        check_replaceable(path);  // never rename over a symlink, device or directory
    } catch (const OutputError&) {
        ::unlink(temp.c_str());
        unregister_temporary(temp);
        throw;
    }
    if (::rename(temp.c_str(), path.c_str()) != 0) {
        int saved = errno;
        ::unlink(temp.c_str());
        unregister_temporary(temp);
        errno = saved;
        throw OutputError(errno_text("cannot rename temporary file onto", path));
    }
    unregister_temporary(temp);
}
}  // namespace

void ensure_parent_directory(const std::string& file_path, const OutputOptions& opts) {
    std::string parent = parent_dir(file_path);
    if (parent != "." && parent != "/") ensure_directory(parent, opts);
}

void sync_directory(const std::string& dir) {
    int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY);
    if (fd < 0) throw OutputError(errno_text("cannot open directory", dir));
    int rc = ::fsync(fd);
    int saved = errno;
    ::close(fd);
    errno = saved;
    if (rc != 0) throw OutputError(errno_text("cannot sync directory", dir));
}

void write_file_atomic(const std::string& path, std::string_view bytes, const OutputOptions& opts) {
    publish(write_temporary(path, bytes, opts), path);
    sync_directory(parent_dir(path));
}

StagedFile::StagedFile(const std::string& path, std::string_view bytes, const OutputOptions& opts)
    : path_(path), temp_(write_temporary(path, bytes, opts)) {}

StagedFile::~StagedFile() { discard(); }

StagedFile::StagedFile(StagedFile&& other) noexcept : path_(std::move(other.path_)), temp_(std::move(other.temp_)) {
    other.temp_.clear();
}

StagedFile& StagedFile::operator=(StagedFile&& other) noexcept {
    if (this != &other) {
        discard();
        path_ = std::move(other.path_);
        temp_ = std::move(other.temp_);
        other.temp_.clear();
    }
    return *this;
}

void StagedFile::commit() {
    if (temp_.empty()) throw OutputError("nothing staged for " + path_);
    std::string temp = std::move(temp_);
    temp_.clear();
    publish(temp, path_);
}

void StagedFile::discard() {
    if (!temp_.empty()) {
        ::unlink(temp_.c_str());
        unregister_temporary(temp_);
        temp_.clear();
    }
}

}  // namespace sheetgen

namespace sheetgen {

namespace {
constexpr size_t kBufferBytes = 1 << 16;

}  // namespace

AtomicWriter::AtomicWriter(const std::string& path, const OutputOptions& opts) : path_(path) {
    temp_ = path + ".tmp-XXXXXX";
    fd_ = ::mkstemp(temp_.data());
    if (fd_ < 0) {
        temp_.clear();
        throw OutputError(errno_text("cannot create temporary file for", path));
    }
    register_temporary(temp_);
    if (::fchmod(fd_, opts.file_mode) != 0) throw OutputError(errno_text("cannot set permissions on", path));
    buffer_.reserve(kBufferBytes);
}

AtomicWriter::~AtomicWriter() {
    if (fd_ >= 0) ::close(fd_);
    if (!temp_.empty()) {
        ::unlink(temp_.c_str());
        unregister_temporary(temp_);
    }
}

void AtomicWriter::flush() {
    write_all(fd_, buffer_, path_);
    buffer_.clear();
}

void AtomicWriter::write(std::string_view bytes) {
    if (buffer_.size() + bytes.size() > kBufferBytes) flush();
    if (bytes.size() >= kBufferBytes) write_all(fd_, bytes, path_);
    else buffer_.append(bytes);
}

void AtomicWriter::commit() {
    flush();
    if (::fsync(fd_) != 0) throw OutputError(errno_text("cannot sync", path_));
    int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) throw OutputError(errno_text("cannot close", path_));
    std::string temp = std::move(temp_);
    temp_.clear();
    publish(temp, path_);
    sync_directory(parent_dir(path_));
}

SpillFile::SpillFile(const std::string& dir) : dir_(dir.empty() ? "." : dir) {
    std::string tmpl = dir_ + "/.sheetgen-spill-XXXXXX";
    fd_ = ::mkstemp(tmpl.data());
    if (fd_ < 0) throw OutputError(errno_text("cannot create scratch file in", dir_));
    ::unlink(tmpl.c_str());
    buffer_.reserve(kBufferBytes);
}

SpillFile::~SpillFile() {
    if (fd_ >= 0) ::close(fd_);
}

void SpillFile::flush() {
    write_all(fd_, buffer_, dir_ + " (scratch file)");
    buffer_.clear();
}

void SpillFile::append(std::string_view bytes) {
    size_ += bytes.size();
    if (buffer_.size() + bytes.size() > kBufferBytes) flush();
    if (bytes.size() >= kBufferBytes) write_all(fd_, bytes, dir_ + " (scratch file)");
    else buffer_.append(bytes);
}

void SpillFile::copy_to(AtomicWriter& out, size_t skip) {
    flush();
    if (::lseek(fd_, static_cast<off_t>(std::min(skip, size_)), SEEK_SET) < 0) throw OutputError(errno_text("cannot read back scratch file in", dir_));
    std::string chunk(kBufferBytes, '\0');
    for (;;) {
        ssize_t n = ::read(fd_, chunk.data(), chunk.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            throw OutputError(errno_text("cannot read back scratch file in", dir_));
        }
        if (n == 0) break;
        out.write(std::string_view(chunk.data(), static_cast<size_t>(n)));
    }
}

}  // namespace sheetgen

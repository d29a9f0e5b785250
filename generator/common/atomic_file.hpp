#pragma once
// Outputs are never half-written: write to a temporary file in the same
// directory, fsync it, then rename over the target.
#include <string>
#include <string_view>
#include <sys/types.h>

namespace sheetgen {

struct OutputOptions {
    // 0600 by default: outputs hold sensitive personal medical data.
    mode_t file_mode = 0600;
    mode_t dir_mode = 0700;
};

// Throws OutputError (with errno text) on any failure; the target is then
// untouched and the temporary file removed.
void write_file_atomic(const std::string& path, std::string_view bytes, const OutputOptions& opts = {});

// A file written and fsync'd under a temporary name beside its target, made
// visible by commit() (an atomic rename). Lets worker threads do the slow
// writing while the caller decides, in order, what is published; a staged
// file that is never committed is removed.
class StagedFile {
public:
    StagedFile(const std::string& path, std::string_view bytes, const OutputOptions& opts = {});
    ~StagedFile();
    StagedFile(StagedFile&& other) noexcept;
    StagedFile& operator=(StagedFile&& other) noexcept;
    StagedFile(const StagedFile&) = delete;
    StagedFile& operator=(const StagedFile&) = delete;
    void commit();  // throws OutputError
    void discard();
    const std::string& path() const { return path_; }

private:
    std::string path_, temp_;
};

// An output written piece by piece (never held whole in memory) into a
// temporary file beside its target; commit() fsyncs and renames it into
// place. Destroyed without commit, the temporary is removed.
class AtomicWriter {
public:
    AtomicWriter(const std::string& path, const OutputOptions& opts = {});
    ~AtomicWriter();
    AtomicWriter(const AtomicWriter&) = delete;
    AtomicWriter& operator=(const AtomicWriter&) = delete;
    void write(std::string_view bytes);  // buffered; throws OutputError
    void commit();

private:
    void flush();
    std::string path_, temp_;
    int fd_ = -1;
    std::string buffer_;
};

// Anonymous scratch space in a directory (unlinked at once, so nothing is
// left behind even after a crash): append now, read back once later.
class SpillFile {
public:
    explicit SpillFile(const std::string& dir);
    ~SpillFile();
    SpillFile(const SpillFile&) = delete;
    SpillFile& operator=(const SpillFile&) = delete;
    void append(std::string_view bytes);
    // Streams everything appended so far, less the first `skip` bytes, into `out`.
    void copy_to(AtomicWriter& out, size_t skip = 0);
    bool empty() const { return size_ == 0; }

private:
    void flush();
    int fd_ = -1;
    std::string dir_, buffer_;
    size_t size_ = 0;
};

// fsyncs a directory so the renames into it survive a power cut. Staged files
// leave this to the caller (once per batch, not once per file).
void sync_directory(const std::string& dir);

// Throws OutputError when `path` exists and is not a regular file (a symbolic
// link, a device such as /dev/stdout, a FIFO, a directory): outputs are
// replaced by rename, which would replace the link or device node itself.
void check_replaceable(const std::string& path);

// Temporaries in flight, so an interrupted run can remove them even when the
// thread that owns them is stuck in a library call (see cli/interrupt.cpp).
// Thread-safe; a directory entry is removed with everything in it.
void register_temporary(const std::string& path, bool is_directory = false);
void unregister_temporary(const std::string& path);
// Removes every registered temporary; returns how many were removed.
size_t remove_registered_temporaries();

// Creates the directory (and parents) with opts.dir_mode if missing.
void ensure_directory(const std::string& path, const OutputOptions& opts = {});
// Creates the directory a file will be written into, if missing.
void ensure_parent_directory(const std::string& file_path, const OutputOptions& opts = {});

}  // namespace sheetgen

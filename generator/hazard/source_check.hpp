#pragma once
// Layer sources are opened by GDAL, whose open() blocks for ever on a FIFO
// (and streams without end from a device): only regular files and
// directories (shapefile folders) are opened. Paths that are not on the local
// disk (/vsicurl/, PG:) pass. Every open of a layer source goes through this.
#include <sys/stat.h>

#include <string>

#include "common/error.hpp"
#include "hazard/config.hpp"

namespace sheetgen {

// A data source that is not a path on the local disk: a GDAL connection
// string ("PG:dbname=... host=/run/postgresql", "WFS:https://...", "https://...")
// or a /vsicurl/-style network path. Such a source names no file, so the
// file checks (FIFO/device refusal, input-vs-output guard) must not stat it:
// The output guard (commands/io_guard.cpp) skips such sources.
inline bool is_file_source(const std::string& source) {
    if (source.rfind("/vsicurl", 0) == 0 || source.rfind("/vsis3", 0) == 0 || source.rfind("/vsigs", 0) == 0 ||
        source.rfind("/vsiaz", 0) == 0 || source.rfind("/vsiadls", 0) == 0 || source.rfind("/vsiswift", 0) == 0 ||
        source.rfind("/vsioss", 0) == 0 || source.rfind("/vsiwebhdfs", 0) == 0 || source.rfind("/vsihdfs", 0) == 0)
        return false;
    // The rule resolve_source() uses: a colon before any slash is a driver prefix.
    const size_t colon = source.find(':');
    const size_t slash = source.find('/');
    return colon == std::string::npos || (slash != std::string::npos && slash < colon);
}

// Connection strings are checked too: GDAL's open first tries any source
// string as a local path (GDALOpenInfo fopen()s it), so a FIFO that happens
// to bear the name of a "PG:..." string in the working folder would block it
// for ever. Nothing else about a connection is treated as a file (the output
// guard skips it: is_file_source).
inline void require_openable_source(const LayerConfig& lc) {
    struct stat st {};
    if (::stat(lc.resolved_source.c_str(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))
        throw InputError(lc.source_at.line ? lc.source_at : lc.at,
                         "layer '" + lc.name + "': source '" + lc.source + "' is " +
                             (S_ISFIFO(st.st_mode) ? "a FIFO (named pipe)" : S_ISSOCK(st.st_mode) ? "a socket" : "a device") +
                             ", not a file: give the path of the data file itself");
}

}  // namespace sheetgen

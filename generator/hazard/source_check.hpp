#pragma once
// Layer sources are opened by GDAL, whose open() blocks for ever on a FIFO
// (and streams without end from a device): only regular files and
// directories (shapefile folders) are opened. Paths that are not on the local
// disk (/vsicurl/, PG:) pass. Every open of a layer source goes through this.
#include <sys/stat.h>

#include "common/error.hpp"
#include "hazard/config.hpp"

namespace sheetgen {

inline void require_openable_source(const LayerConfig& lc) {
    struct stat st {};
    if (::stat(lc.resolved_source.c_str(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))
        throw InputError(lc.source_at.line ? lc.source_at : lc.at,
                         "layer '" + lc.name + "': source '" + lc.source + "' is " +
                             (S_ISFIFO(st.st_mode) ? "a FIFO (named pipe)" : S_ISSOCK(st.st_mode) ? "a socket" : "a device") +
                             ", not a file: give the path of the data file itself");
}

}  // namespace sheetgen

#pragma once
// Where the read-only data the binary loads by default (the templates) lives.
//
// An installed binary finds it next to itself: <prefix>/bin/sheetgen reads
// <prefix>/share/sheetgen (through /proc/self/exe, so a copied or relocated
// prefix works too). Only a binary that was never installed (the build tree)
// falls back to the source tree it was built from.
#include <string>

namespace sheetgen::cli {

struct DataDirSources {
    std::string env_dir;         // $SHEETGEN_DATA_DIR; empty when unset
    std::string exe_path;        // the running binary; empty when unknown
    std::string exe_to_data;     // relative path bin -> data, e.g. "../share/sheetgen"
    std::string source_dir;      // compiled-in source tree; empty for none
    bool source_fallback = true; // false under SHEETGEN_NO_SOURCE_FALLBACK=1
};

// The first that applies: env_dir; the install location when it exists;
// the source tree when allowed; else the install location anyway, so the
// error for a missing template names where it was expected.
std::string choose_data_dir(const DataDirSources& s);

// choose_data_dir for this process (environment, /proc/self/exe, build settings).
std::string data_dir();

// data_dir() + "/" + rel.
std::string data_path(const std::string& rel);

}  // namespace sheetgen::cli

#pragma once
// An offline gazetteer of town (大字・町丁目) and optionally block (街区)
// representative points: the MLIT 位置参照情報 CSV at either level (CP932,
// as downloaded), or any OGR point layer with a town-name field.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/geo.hpp"
#include "intake/address.hpp"

namespace sheetgen::intake {

enum class MatchLevel { Block, Town };
const char* to_string(MatchLevel l);  // "block", "town"

struct GazetteerMatch {
    LatLon point;
    MatchLevel level = MatchLevel::Town;
    std::string town;  // the gazetteer's name of the town (大字・町丁目)
};

// Why an address did not match; the text never repeats the address.
enum class MatchFailure { NoTown, OtherCity, UnknownTown, UnknownChome };
std::string describe(MatchFailure f);

struct MatchResult {
    std::optional<GazetteerMatch> match;
    std::optional<MatchFailure> failure;
};

class Gazetteer {
public:
    // Reads `path`; `field` names the town field of an OGR layer (auto-detected
    // when empty). Throws InputError when unreadable or no field is found.
    static Gazetteer load(const std::string& path, const std::string& field = "");

    // Cities named in the data (folded), plus `extra`: an address naming another city fails.
    void add_city(const std::string& city);
    MatchResult match(const std::string& address) const;

    const std::string& name() const { return name_; }    // file name without folders
    const std::string& format() const { return format_; }  // "MLIT block CSV", "MLIT town CSV", "OGR"
    size_t town_count() const { return towns_.size(); }
    size_t block_count() const { return blocks_.size(); }

private:
    struct Town {
        std::string display;  // as the gazetteer writes it
        LatLon point;
        // Block-level data only: the sum of block points, for a town's mean.
        double sum_lat = 0, sum_lon = 0;
        int n = 0;
        bool has_point = false;
    };
    void add_town(const std::string& city, const std::string& name, const LatLon& p);
    void add_block(const std::string& city, const std::string& name, int block, const LatLon& p, bool representative);
    void finish();
    std::string key(const std::string& city, const std::string& base, int chome) const;
    std::optional<GazetteerMatch> town_at(const std::string& city, const std::string& base, int chome,
                                          std::optional<int> block) const;

    std::string name_, format_;
    std::vector<std::string> cities_;                  // folded
    std::map<std::string, Town> towns_;                // city|base|chome -> town
    std::map<std::string, int> bases_;                 // city|base -> count of 丁目 entries (0 = none)
    std::map<std::string, std::pair<LatLon, bool>> blocks_;  // city|base|chome|block -> point, representative
    std::vector<std::string> base_names_;              // every base, longest first (prefix search)
    bool uses_cities_ = false;                         // the data names its cities
};

}  // namespace sheetgen::intake

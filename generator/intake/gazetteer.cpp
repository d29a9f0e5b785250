#include "intake/gazetteer.hpp"

#include <algorithm>
#include <cstdlib>
#include <memory>

#include <cpl_conv.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include "common/error.hpp"
#include "intake/ledger.hpp"

namespace sheetgen::intake {

const char* to_string(MatchLevel l) { return l == MatchLevel::Block ? "block" : "town"; }

std::string describe(MatchFailure f) {
    switch (f) {
        case MatchFailure::NoTown: return "the address names no town";
        case MatchFailure::OtherCity: return "the address is in another city than the gazetteer's";
        case MatchFailure::UnknownTown: return "unknown town: not in the gazetteer";
        case MatchFailure::UnknownChome: return "unknown 丁目: the town has no such 丁目 in the gazetteer";
    }
    return "?";
}

namespace {

struct DatasetCloser {
    void operator()(GDALDataset* d) const { GDALClose(d); }
};

std::string base_name(const std::string& path) {
    auto s = path.rfind('/');
    return s == std::string::npos ? path : path.substr(s + 1);
}

std::string lower_ext(const std::string& path) {
    auto dot = path.rfind('.');
    std::string e = dot == std::string::npos ? "" : path.substr(dot + 1);
    for (auto& c : e) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return e;
}

int field_index(OGRFeatureDefn* d, std::initializer_list<const char*> names) {
    for (const char* n : names) {
        int i = d->GetFieldIndex(n);
        if (i >= 0) return i;
    }
    return -1;
}

std::optional<double> number(OGRFeature& f, int i) {
    if (i < 0 || !f.IsFieldSetAndNotNull(i)) return std::nullopt;
    const char* s = f.GetFieldAsString(i);
    char* end = nullptr;
    double v = std::strtod(s, &end);
    if (end == s) return std::nullopt;
    return v;
}

}  // namespace

std::string Gazetteer::key(const std::string& city, const std::string& base, int chome) const {
    return city + "|" + base + "|" + std::to_string(chome);
}

void Gazetteer::add_city(const std::string& city) {
    std::string c = fold_place_name(city);
    if (!c.empty() && std::find(cities_.begin(), cities_.end(), c) == cities_.end()) cities_.push_back(c);
}

void Gazetteer::add_town(const std::string& city, const std::string& name, const LatLon& p) {
    TownName t = split_town_name(name);
    if (t.base.empty()) return;
    std::string c = uses_cities_ ? fold_place_name(city) : "";
    Town& town = towns_[key(c, t.base, t.chome)];
    if (!town.has_point) {  // the first row of a town wins (deterministic)
        town.display = name;
        town.point = p;
        town.has_point = true;
    }
    bases_[c + "|" + t.base] += t.chome > 0 ? 1 : 0;
}

void Gazetteer::add_block(const std::string& city, const std::string& name, int block, const LatLon& p,
                          bool representative) {
    TownName t = split_town_name(name);
    if (t.base.empty()) return;
    std::string c = uses_cities_ ? fold_place_name(city) : "";
    Town& town = towns_[key(c, t.base, t.chome)];
    if (town.display.empty()) town.display = name;
    bases_[c + "|" + t.base] += t.chome > 0 ? 1 : 0;
    if (block <= 0) return;
    auto& b = blocks_[key(c, t.base, t.chome) + "|" + std::to_string(block)];
    bool first = b.first.lat == 0 && b.first.lon == 0;
    // 位置参照情報 may list a block more than once; the 代表フラグ row wins.
    if (first || (representative && !b.second)) {
        if (first) {
            town.sum_lat += p.lat;
            town.sum_lon += p.lon;
            ++town.n;
        }
        b = {p, representative};
    }
}

void Gazetteer::finish() {
    // A block-level gazetteer has no town points: a town's point is the mean of its blocks.
    for (auto& [k, t] : towns_)
        if (!t.has_point && t.n > 0) {
            t.point = {t.sum_lat / t.n, t.sum_lon / t.n};
            t.has_point = true;
        }
    std::vector<std::string> bases;
    for (const auto& [k, n] : bases_) bases.push_back(k);
    // Longest first, so 桜ケ丘 is tried before a shorter name it starts with.
    std::sort(bases.begin(), bases.end(), [](const std::string& a, const std::string& b) {
        return a.size() != b.size() ? a.size() > b.size() : a < b;
    });
    base_names_ = std::move(bases);
}

Gazetteer Gazetteer::load(const std::string& path, const std::string& field) {
    GDALAllRegister();
    Gazetteer g;
    g.name_ = base_name(path);
    std::unique_ptr<Utf8CsvCopy> csv;
    std::string open_path = path;
    if (lower_ext(path) == "csv") {
        csv = std::make_unique<Utf8CsvCopy>(path);
        open_path = csv->vsi_path();
    }
    const char* const csv_options[] = {"HEADERS=YES", "AUTODETECT_TYPE=NO", nullptr};
    CPLPushErrorHandler(CPLQuietErrorHandler);
    std::unique_ptr<GDALDataset, DatasetCloser> ds(static_cast<GDALDataset*>(
        GDALOpenEx(open_path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, csv ? csv_options : nullptr, nullptr)));
    CPLPopErrorHandler();
    if (!ds || ds->GetLayerCount() < 1) throw InputError({path, 0, 0}, "cannot open the gazetteer as a vector layer or CSV");
    OGRLayer* layer = ds->GetLayer(0);
    OGRFeatureDefn* d = layer->GetLayerDefn();

    int lat = field_index(d, {"緯度", "lat", "latitude"});
    int lon = field_index(d, {"経度", "lon", "lng", "longitude"});
    int city = field_index(d, {"市区町村名", "city"});
    int block = field_index(d, {"街区符号・地番"});
    int rep = field_index(d, {"代表フラグ"});
    int town = -1;
    if (!field.empty()) {
        town = d->GetFieldIndex(field.c_str());
        if (town < 0) throw InputError({path, 0, 0}, "the gazetteer has no field '" + field + "'");
    } else {
        town = field_index(d, {"大字町丁目名", "大字・丁目名", "大字・町丁目名", "town", "name"});
        if (town < 0)
            throw InputError({path, 0, 0}, "no town-name field found (tried 大字町丁目名, 大字・丁目名, town, name): "
                                           "name it with --gazetteer-field");
    }
    g.uses_cities_ = city >= 0;
    bool block_level = block >= 0;
    g.format_ = csv ? (block_level ? "MLIT block CSV" : "MLIT town CSV") : "OGR";

    // Points from the geometry are taken to WGS84 (lat/lon order as GIS writes it).
    std::unique_ptr<OGRCoordinateTransformation> to_wgs84;
    if (!csv || lat < 0 || lon < 0) {
        const OGRSpatialReference* srs = layer->GetSpatialRef();
        if (srs) {
            OGRSpatialReference wgs84;
            wgs84.importFromEPSG(4326);
            wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
            OGRSpatialReference src(*srs);
            src.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
            to_wgs84.reset(OGRCreateCoordinateTransformation(&src, &wgs84));
        }
    }
    for (auto& f : *layer) {
        std::string name = f->IsFieldSetAndNotNull(town) ? f->GetFieldAsString(town) : "";
        if (name.empty()) continue;
        std::optional<LatLon> p;
        if (lat >= 0 && lon >= 0) {
            auto la = number(*f, lat), lo = number(*f, lon);
            if (la && lo) p = LatLon{*la, *lo};
        }
        if (!p) {
            const OGRGeometry* geom = f->GetGeometryRef();
            if (!geom || wkbFlatten(geom->getGeometryType()) != wkbPoint) continue;
            double x = geom->toPoint()->getX(), y = geom->toPoint()->getY();
            if (to_wgs84 && !to_wgs84->Transform(1, &x, &y)) continue;
            p = LatLon{y, x};
        }
        std::string c = city >= 0 ? f->GetFieldAsString(city) : "";
        if (g.uses_cities_) g.add_city(c);
        if (block_level) {
            const char* b = f->GetFieldAsString(block);
            char* end = nullptr;
            long n = std::strtol(b, &end, 10);
            bool representative = rep >= 0 && std::string(f->GetFieldAsString(rep)) == "1";
            g.add_block(c, name, (end != b && *end == '\0') ? static_cast<int>(n) : 0, *p, representative);
        } else {
            g.add_town(c, name, *p);
        }
    }
    g.finish();
    if (g.towns_.empty()) throw InputError({path, 0, 0}, "the gazetteer holds no town with a point");
    return g;
}

std::optional<GazetteerMatch> Gazetteer::town_at(const std::string& city, const std::string& base, int chome,
                                                 std::optional<int> block) const {
    auto t = towns_.find(key(city, base, chome));
    if (t == towns_.end() || !t->second.has_point) return std::nullopt;
    GazetteerMatch m;
    m.town = t->second.display;
    m.point = t->second.point;
    m.level = MatchLevel::Town;
    if (block) {
        auto b = blocks_.find(key(city, base, chome) + "|" + std::to_string(*block));
        if (b != blocks_.end()) {
            m.point = b->second.first;
            m.level = MatchLevel::Block;
        }
    }
    return m;
}

MatchResult Gazetteer::match(const std::string& address) const {
    MatchResult r;
    AddressParts parts = split_address(address, cities_);
    if (!parts.city.empty() && !cities_.empty() &&
        std::find(cities_.begin(), cities_.end(), parts.city) == cities_.end()) {
        r.failure = MatchFailure::OtherCity;
        return r;
    }
    if (parts.rest.empty()) {
        r.failure = MatchFailure::NoTown;
        return r;
    }
    std::vector<std::string> candidates;
    if (!uses_cities_) candidates.push_back("");
    else if (!parts.city.empty()) candidates.push_back(parts.city);
    else candidates = cities_;
    std::optional<MatchFailure> failure;
    for (const std::string& c : candidates) {
        std::string prefix = c + "|";
        for (const std::string& k : base_names_) {
            if (k.compare(0, prefix.size(), prefix) != 0) continue;
            std::string base = k.substr(prefix.size());
            if (parts.rest.compare(0, base.size(), base) != 0) continue;
            AfterTown a = parse_after_town(parts.rest.substr(base.size()));
            bool has_chome = bases_.at(k) > 0;
            std::optional<GazetteerMatch> m;
            if (a.chome) {
                m = town_at(c, base, *a.chome, a.block_if_chome);
                if (!m) failure = MatchFailure::UnknownChome;
            } else {
                // 関戸4-10-2 is 関戸四丁目 10番 when 関戸 has 丁目; 乞田1-1 is 乞田 1番.
                if (a.dash_first && has_chome) m = town_at(c, base, *a.dash_first, a.block_if_chome);
                if (!m) m = town_at(c, base, 0, a.number);
                if (!m && !failure) failure = MatchFailure::UnknownTown;
            }
            if (m) {
                r.match = m;
                return r;
            }
            break;  // the longest name that fits decides
        }
    }
    r.failure = failure.value_or(MatchFailure::UnknownTown);
    return r;
}

}  // namespace sheetgen::intake

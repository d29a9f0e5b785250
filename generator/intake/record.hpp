#pragma once
// One ledger row read into the values a profile takes from it. Problems are
// located at the row and the column's header, never quoting the cell.
#include <optional>
#include <string>
#include <vector>

#include "common/date.hpp"
#include "common/geo.hpp"
#include "intake/gazetteer.hpp"
#include "intake/ledger.hpp"
#include "intake/mapping.hpp"

namespace sheetgen::intake {

// How the location was found: household.location_source in the profile.
struct FoundBy {
    std::string method;     // "ledger" (緯度/経度 columns) or "gazetteer"
    std::string level;      // gazetteer: "block" or "town"
    std::string gazetteer;  // gazetteer file name
    std::string date;       // gazetteer date (YYYY-MM-DD)
};

struct Record {
    int row = 0;
    std::string id, name;
    std::optional<std::string> kana, sex, address, phone, reason, emergency_contact, supporter;
    Date birthdate;
    std::optional<LatLon> location;
    std::optional<FoundBy> source;
    std::optional<int> floor;
    std::optional<bool> consent;
};

struct RowProblem {
    int row = 0;
    std::string message;  // "column '生年月日': impossible date (no such day)"
};

struct GazetteerRef {
    const Gazetteer* gazetteer = nullptr;
    std::string date;  // YYYY-MM-DD recorded in location_source
};

// Reads one row. Returns the record, or the row's first problem.
struct RowResult {
    std::optional<Record> record;
    std::optional<RowProblem> problem;
    std::string id;  // the row's id when it could be read (even with a problem)
};
RowResult read_row(const Ledger& l, const LedgerRow& row, const Mapping& m, const ColumnPlan& plan,
                   const GazetteerRef& gaz);

}  // namespace sheetgen::intake

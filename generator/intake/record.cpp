#include "intake/record.hpp"

#include "intake/text.hpp"
#include "intake/values.hpp"
#include "profile/parse.hpp"

namespace sheetgen::intake {

namespace {

// A cell's value after the mapping: a fixed value, or the cell (through its code table).
struct Cell {
    std::string value;
    std::string column;  // header, or "fixed <field>"
    bool present = false;  // the ledger has the column (or a fixed value)
};

Cell cell(const Ledger& l, const LedgerRow& row, const Mapping& m, const ColumnPlan& plan, Field f) {
    Cell c;
    if (auto fx = m.fixed.find(f); fx != m.fixed.end()) {
        c.value = trim(fx->second);
        c.column = std::string("fixed ") + to_string(f);
        c.present = true;
    } else if (auto col = plan.column.find(f); col != plan.column.end()) {
        c.value = row.cells[col->second];
        c.column = l.headers[col->second];
        c.present = true;
    }
    if (auto codes = m.codes.find(f); codes != m.codes.end() && !c.value.empty()) {
        auto v = codes->second.find(trim(to_half_width(c.value)));
        if (v != codes->second.end()) c.value = trim(v->second);
    }
    return c;
}

RowProblem problem(const LedgerRow& row, const std::string& column, const std::string& message) {
    return {row.row, column.empty() ? message : "column '" + column + "': " + message};
}

std::optional<std::string> text_or_none(const Cell& c) {
    if (c.value.empty()) return std::nullopt;
    return c.value;
}

}  // namespace

RowResult read_row(const Ledger& l, const LedgerRow& row, const Mapping& m, const ColumnPlan& plan,
                   const GazetteerRef& gaz) {
    RowResult r;
    Record rec;
    rec.row = row.row;
    auto fail = [&](const std::string& column, const std::string& message) {
        r.problem = problem(row, column, message);
        return r;
    };

    Cell id = cell(l, row, m, plan, Field::Id);
    if (!id.present) return fail("", "no id column (管理番号, 番号 or ID; or name one in the mapping file)");
    if (id.value.empty()) return fail(id.column, "missing id");
    rec.id = m.id_prefix + to_half_width(id.value);
    r.id = rec.id;
    if (!is_valid_profile_id(rec.id))
        return fail(id.column, "the id is not usable as a file name (letters A-Z a-z, digits, '-', '_'; 1 to 64)");

    Cell name = cell(l, row, m, plan, Field::Name);
    if (name.value.empty()) return fail(name.present ? name.column : "氏名", "missing name");
    rec.name = name.value;

    Cell birth = cell(l, row, m, plan, Field::Birthdate);
    if (birth.value.empty()) return fail(birth.present ? birth.column : "生年月日", "missing birthdate");
    auto d = parse_ledger_date(birth.value);
    if (d.error) return fail(birth.column, d.error->message);
    rec.birthdate = *d.value;

    Cell sex = cell(l, row, m, plan, Field::Sex);
    auto s = parse_sex(sex.value);
    if (s.error) return fail(sex.column, s.error->message);
    rec.sex = s.value;

    Cell floor = cell(l, row, m, plan, Field::Floor);
    auto fl = parse_floor(floor.value);
    if (fl.error) return fail(floor.column, fl.error->message);
    rec.floor = fl.value;

    Cell consent = cell(l, row, m, plan, Field::Consent);
    auto co = parse_consent(consent.value);
    if (co.error) return fail(consent.column, co.error->message);
    rec.consent = co.value;

    rec.kana = text_or_none(cell(l, row, m, plan, Field::Kana));
    rec.address = text_or_none(cell(l, row, m, plan, Field::Address));
    rec.phone = text_or_none(cell(l, row, m, plan, Field::Phone));
    rec.reason = text_or_none(cell(l, row, m, plan, Field::Reason));
    rec.emergency_contact = text_or_none(cell(l, row, m, plan, Field::EmergencyContact));
    rec.supporter = text_or_none(cell(l, row, m, plan, Field::Supporter));

    // The location: the ledger's own coordinates, else the address through the gazetteer.
    Cell lat = cell(l, row, m, plan, Field::Lat), lon = cell(l, row, m, plan, Field::Lon);
    auto la = parse_degrees(lat.value), lo = parse_degrees(lon.value);
    if (la.error) return fail(lat.column, la.error->message);
    if (lo.error) return fail(lon.column, lo.error->message);
    if (la.value.has_value() != lo.value.has_value())
        return fail(la.value ? lon.column : lat.column, "only one of 緯度 and 経度 is given");
    if (la.value) {
        if (*la.value < 20 || *la.value > 46 || *lo.value < 122 || *lo.value > 154)
            return fail(lat.column, "the coordinates are outside Japan (緯度 20 to 46, 経度 122 to 154)");
        rec.location = LatLon{*la.value, *lo.value};
        rec.source = FoundBy{"ledger", "", "", ""};
    } else {
        Cell addr = cell(l, row, m, plan, Field::Address);
        if (addr.value.empty())
            return fail(addr.present ? addr.column : "住所", "no address and no 緯度/経度: the home cannot be located");
        if (!gaz.gazetteer)
            return fail(addr.column, "no 緯度/経度 and no gazetteer to locate the address (give --gazetteer)");
        MatchResult mr = gaz.gazetteer->match(addr.value);
        if (!mr.match) return fail(addr.column, describe(*mr.failure));
        rec.location = mr.match->point;
        rec.source = FoundBy{"gazetteer", to_string(mr.match->level), gaz.gazetteer->name(), gaz.date};
    }
    r.record = std::move(rec);
    return r;
}

}  // namespace sheetgen::intake

#include "intake/ledger.hpp"

#include <atomic>
#include <cstring>
#include <memory>

#include <cpl_conv.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "common/read_file.hpp"
#include "common/utf8.hpp"
#include "intake/text.hpp"

namespace sheetgen::intake {

const char* to_string(TextEncoding e) {
    switch (e) {
        case TextEncoding::Utf8: return "UTF-8";
        case TextEncoding::Utf8Bom: return "UTF-8 (BOM)";
        case TextEncoding::Cp932: return "Shift_JIS (CP932)";
    }
    return "?";
}

namespace {

bool has_bom(const std::string& b) { return b.size() >= 3 && b.compare(0, 3, "\xEF\xBB\xBF") == 0; }

// Valid CP932: single bytes (ASCII, half-width katakana A1-DF) or a lead byte
// (81-9F, E0-FC) with a trail byte (40-7E, 80-FC).
bool valid_cp932(const std::string& b) {
    for (size_t i = 0; i < b.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(b[i]);
        if (c < 0x80 || (c >= 0xA1 && c <= 0xDF)) continue;
        if ((c >= 0x81 && c <= 0x9F) || (c >= 0xE0 && c <= 0xFC)) {
            if (i + 1 >= b.size()) return false;
            unsigned char t = static_cast<unsigned char>(b[++i]);
            if (t < 0x40 || t == 0x7F || t > 0xFC) return false;
            continue;
        }
        return false;
    }
    return true;
}

std::string lower_ext(const std::string& path) {
    auto dot = path.rfind('.');
    if (dot == std::string::npos) return "";
    std::string e = path.substr(dot + 1);
    for (auto& c : e) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return e;
}

std::string unique_vsimem_name(const char* ext) {
    static std::atomic<unsigned> counter{0};
    return "/vsimem/sheetgen_intake_" + std::to_string(counter++) + "." + ext;
}

struct DatasetCloser {
    void operator()(GDALDataset* d) const { GDALClose(d); }
};

// Spreadsheet drivers read every cell as text and take row 1 as the header.
class SpreadsheetTextMode {
public:
    SpreadsheetTextMode() {
        for (const char* k : {"OGR_XLSX_FIELD_TYPES", "OGR_ODS_FIELD_TYPES"}) CPLSetThreadLocalConfigOption(k, "STRING");
        for (const char* k : {"OGR_XLSX_HEADERS", "OGR_ODS_HEADERS"}) CPLSetThreadLocalConfigOption(k, "FORCE");
    }
    ~SpreadsheetTextMode() {
        for (const char* k : {"OGR_XLSX_FIELD_TYPES", "OGR_ODS_FIELD_TYPES", "OGR_XLSX_HEADERS", "OGR_ODS_HEADERS"})
            CPLSetThreadLocalConfigOption(k, nullptr);
    }
};

}  // namespace

std::optional<TextEncoding> detect_encoding(const std::string& bytes) {
    if (has_bom(bytes)) return TextEncoding::Utf8Bom;
    if (!find_invalid_utf8(bytes)) return TextEncoding::Utf8;
    if (valid_cp932(bytes)) return TextEncoding::Cp932;
    return std::nullopt;
}

Utf8CsvCopy::Utf8CsvCopy(const std::string& path) {
    std::string bytes;
    bytes = read_file_limited(path, size_t(1) << 30, "CSV file");
    auto enc = detect_encoding(bytes);
    if (!enc)
        throw InputError({path, 0, 0}, "the file is neither UTF-8 nor Shift_JIS (CP932): save it as CSV (UTF-8) "
                                       "or CSV (Shift_JIS) and try again");
    encoding_ = *enc;
    if (encoding_ == TextEncoding::Utf8Bom) bytes.erase(0, 3);
    if (encoding_ == TextEncoding::Cp932) {
        char* u = CPLRecode(bytes.c_str(), "CP932", CPL_ENC_UTF8);
        std::string converted = u ? u : "";
        CPLFree(u);
        if (find_invalid_utf8(converted))
            throw InputError({path, 0, 0}, "the Shift_JIS (CP932) text could not be converted to UTF-8");
        bytes = std::move(converted);
    }
    vsi_ = unique_vsimem_name("csv");
    // GDAL owns (and frees) the copy once the /vsimem/ file holds it.
    auto* buf = static_cast<GByte*>(VSIMalloc(bytes.size() + 1));
    if (!buf) throw InputError({path, 0, 0}, "out of memory copying the file");
    std::memcpy(buf, bytes.data(), bytes.size());
    VSILFILE* f = VSIFileFromMemBuffer(vsi_.c_str(), buf, bytes.size(), TRUE);
    if (!f) {
        VSIFree(buf);
        throw InputError({path, 0, 0}, "out of memory copying the file");
    }
    VSIFCloseL(f);
}

Utf8CsvCopy::~Utf8CsvCopy() {
    if (!vsi_.empty()) VSIUnlink(vsi_.c_str());
}

Ledger read_ledger(const std::string& path, const std::optional<std::string>& sheet) {
    GDALAllRegister();
    Ledger l;
    l.file = path;
    std::string ext = lower_ext(path);
    std::unique_ptr<Utf8CsvCopy> csv;
    std::string open_path = path;
    const char* const* drivers = nullptr;
    static const char* const kCsv[] = {"CSV", nullptr};
    static const char* const kSheets[] = {"XLSX", "ODS", nullptr};
    if (ext == "xlsx" || ext == "xlsm" || ext == "ods") {
        drivers = kSheets;
    } else {
        // Anything else is read as CSV (.csv, .txt exports).
        csv = std::make_unique<Utf8CsvCopy>(path);
        l.encoding = csv->encoding();
        open_path = csv->vsi_path();
        drivers = kCsv;
    }
    // All fields stay strings: no AUTODETECT_TYPE, and the /vsimem/ copy has no .csvt beside it.
    const char* const csv_options[] = {"HEADERS=YES", "AUTODETECT_TYPE=NO", "EMPTY_STRING_AS_NULL=NO",
                                       "KEEP_GEOM_COLUMNS=YES", nullptr};
    SpreadsheetTextMode text_mode;
    CPLErrorReset();
    CPLPushErrorHandler(CPLQuietErrorHandler);
    std::unique_ptr<GDALDataset, DatasetCloser> ds(static_cast<GDALDataset*>(
        GDALOpenEx(open_path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, csv ? csv_options : nullptr, nullptr)));
    CPLPopErrorHandler();
    if (!ds) throw InputError({path, 0, 0}, "cannot open the ledger as CSV, XLSX or ODS");
    l.format = ds->GetDriver() ? ds->GetDriver()->GetDescription() : "?";
    for (int i = 0; i < ds->GetLayerCount(); ++i) l.sheets.emplace_back(ds->GetLayer(i)->GetName());
    OGRLayer* layer = nullptr;
    if (sheet) {
        layer = ds->GetLayerByName(sheet->c_str());
        if (!layer) {
            std::string list;
            for (const auto& s : l.sheets) list += (list.empty() ? "" : ", ") + s;
            throw InputError({path, 0, 0}, "no sheet named '" + *sheet + "' (sheets: " + list + ")");
        }
    } else if (ds->GetLayerCount() > 0) {
        layer = ds->GetLayer(0);
    }
    if (!layer) throw InputError({path, 0, 0}, "the ledger has no sheet");
    l.sheet = layer->GetName();
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i) l.headers.push_back(trim(defn->GetFieldDefn(i)->GetNameRef()));
    if (l.headers.empty()) throw InputError({path, 1, 0}, "the ledger has no header row");
    layer->ResetReading();
    // Row numbers as Excel shows them (header = 1). The spreadsheet drivers
    // number features by their sheet row, which keeps blank rows counted; a
    // CSV record is one row each.
    bool sheet_fids = !csv;
    int row = 1;  // the header
    for (auto& f : *layer) {
        ++row;
        LedgerRow r;
        r.row = sheet_fids && f->GetFID() >= 2 && f->GetFID() < (1 << 30) ? static_cast<int>(f->GetFID()) : row;
        bool any = false;
        for (int i = 0; i < defn->GetFieldCount(); ++i) {
            std::string v = f->IsFieldSetAndNotNull(i) ? trim(f->GetFieldAsString(i)) : "";
            any = any || !v.empty();
            r.cells.push_back(std::move(v));
        }
        if (any) l.rows.push_back(std::move(r));
    }
    return l;
}

}  // namespace sheetgen::intake

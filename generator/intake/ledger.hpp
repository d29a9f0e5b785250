#pragma once
// A ledger (名簿) read through GDAL: CSV (UTF-8 with or without BOM, or
// Shift_JIS/CP932 converted to UTF-8 first), XLSX or ODS. Every cell is kept
// as text (no type guessing: ids and phone numbers keep their leading zeros).
#include <optional>
#include <string>
#include <vector>

#include "common/error.hpp"

namespace sheetgen::intake {

enum class TextEncoding { Utf8, Utf8Bom, Cp932 };
const char* to_string(TextEncoding e);  // "UTF-8", "UTF-8 (BOM)", "Shift_JIS (CP932)"

// The encoding of CSV bytes; nullopt when they are neither UTF-8 nor CP932.
std::optional<TextEncoding> detect_encoding(const std::string& bytes);

struct LedgerRow {
    int row = 0;  // as Excel shows it: the header is row 1
    std::vector<std::string> cells;  // one per header column, trimmed UTF-8
};

struct Ledger {
    std::string file;        // as given (messages name it)
    std::string format;      // "CSV", "XLSX", "ODS"
    std::optional<TextEncoding> encoding;  // CSV only
    std::string sheet;       // the layer (sheet) read
    std::vector<std::string> sheets;  // every sheet of a workbook
    std::vector<std::string> headers;
    std::vector<LedgerRow> rows;     // rows with every cell empty are left out
};

// Throws InputError (the file, what is wrong) when the file cannot be read,
// its encoding is unknown, the sheet does not exist, or it has no header.
Ledger read_ledger(const std::string& path, const std::optional<std::string>& sheet = std::nullopt);

// A CSV file's bytes as UTF-8 (CP932 converted, BOM removed) in a /vsimem/
// file that is removed when the object dies. Used for gazetteer CSV too.
class Utf8CsvCopy {
public:
    explicit Utf8CsvCopy(const std::string& path);  // throws InputError
    ~Utf8CsvCopy();
    Utf8CsvCopy(const Utf8CsvCopy&) = delete;
    Utf8CsvCopy& operator=(const Utf8CsvCopy&) = delete;
    const std::string& vsi_path() const { return vsi_; }
    TextEncoding encoding() const { return encoding_; }

private:
    std::string vsi_;
    TextEncoding encoding_ = TextEncoding::Utf8;
};

}  // namespace sheetgen::intake

#include "common/error.hpp"

namespace sheetgen {

std::string format_location(const SourceLocation& where) {
    std::string s = where.file;
    if (where.line > 0) {
        s += ':' + std::to_string(where.line);
        if (where.column > 0) s += ':' + std::to_string(where.column);
    }
    return s;
}

std::string format_diagnostic(const Diagnostic& d) {
    std::string s = format_location(d.where);
    s += ": ";
    if (d.severity == Severity::Warning) s += "warning: ";
    s += d.message;
    return s;
}

InputError::InputError(SourceLocation where, const std::string& message)
    : std::runtime_error(format_location(where) + ": " + message),
      where_(std::move(where)),
      message_(message) {}

}  // namespace sheetgen

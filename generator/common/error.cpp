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
      where_(where),
      message_(message),
      diagnostics_{Diagnostic{std::move(where), message}} {}

namespace {
// The first problem's message, then every further problem on its own line.
std::string messages_after_first(const std::vector<Diagnostic>& problems) {
    if (problems.empty()) return "invalid input";
    std::string s = problems.front().message;
    for (size_t i = 1; i < problems.size(); ++i) s += "\n" + format_diagnostic(problems[i]);
    return s;
}
SourceLocation first_place(const std::vector<Diagnostic>& problems) {
    return problems.empty() ? SourceLocation{} : problems.front().where;
}
}  // namespace

InputError::InputError(std::vector<Diagnostic> problems)
    : std::runtime_error(format_location(first_place(problems)) + ": " + messages_after_first(problems)),
      where_(first_place(problems)),
      message_(messages_after_first(problems)),
      diagnostics_(std::move(problems)) {}

}  // namespace sheetgen

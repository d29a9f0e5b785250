#pragma once
// Errors and diagnostics that carry where in an input file they come from.
#include <stdexcept>
#include <string>
#include <vector>

namespace sheetgen {

// 1-based line and column; 0 means "not known" (e.g. a whole-file problem).
struct SourceLocation {
    std::string file;
    int line = 0;
    int column = 0;
};

enum class Severity { Error, Warning };

struct Diagnostic {
    SourceLocation where;
    std::string message;
    Severity severity = Severity::Error;
};

// "file:line:column: message" (line/column left out when unknown).
std::string format_location(const SourceLocation& where);
std::string format_diagnostic(const Diagnostic& d);

// A typed error for bad input (config, template, profile, layer). The CLI
// catches it, prints what() and exits non-zero.
class InputError : public std::runtime_error {
public:
    InputError(SourceLocation where, const std::string& message);
    // Every problem found in one input (a hazard config, a template), in file
    // order; at least one. what() lists them one per line, each
    // "file:line:column: message". where() is the first problem's place and
    // message() the rest of what(), so format_location(where()) + ": " +
    // message() == what() still holds.
    explicit InputError(std::vector<Diagnostic> problems);
    const SourceLocation& where() const { return where_; }
    const std::string& message() const { return message_; }
    // The problems one by one (one element for the single-problem constructor).
    const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

private:
    SourceLocation where_;
    std::string message_;
    std::vector<Diagnostic> diagnostics_;
};

// Failure writing an output (disk full, permission denied...).
class OutputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A document library failed to lay out, subset or save a document (libharu,
// HarfBuzz, libqpdf): neither the input's fault nor a full disk.
class RenderError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace sheetgen

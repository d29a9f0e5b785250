#include "common/schema.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <sstream>

#include "common/did_you_mean.hpp"

namespace sheetgen {

namespace {


std::string fmt_number(double v) {
    std::ostringstream s;
    s << v;
    return s.str();
}

// [+-] digits [. digits] [e [+-] digits], or .5
bool looks_numeric(const std::string& s) {
    size_t i = 0;
    auto digits_from = [&]() {
        size_t n = 0;
        while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++n;
        return n;
    };
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    size_t digits = digits_from();
    if (i < s.size() && s[i] == '.') {
        ++i;
        digits += digits_from();
    }
    if (digits == 0) return false;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
        if (digits_from() == 0) return false;
    }
    return i == s.size();
}

bool is_non_finite_word(const std::string& s) {
    static const char* const kWords[] = {".nan", "nan", ".inf", "+.inf", "-.inf", "inf", "-inf", "+inf", "infinity"};
    const std::string l = lower_ascii(s);
    return std::any_of(std::begin(kWords), std::end(kWords), [&](const char* w) { return l == w; });
}

std::string range_text(double min, double max, bool min_open) {
    if (max >= 1e9) return (min_open ? "greater than " : "at least ") + fmt_number(min);
    return (min_open ? "greater than " + fmt_number(min) + " and at most " : "between " + fmt_number(min) + " and ") +
           fmt_number(max);
}

// Why a well-shaped YYYY-MM-DD is not a calendar date.
std::string why_not_a_date(const std::string& s) {
    int y = std::atoi(s.substr(0, 4).c_str()), m = std::atoi(s.substr(5, 2).c_str());
    if (y < 1850) return "the year is before 1850";
    if (m < 1 || m > 12) return "there is no month " + std::to_string(m);
    return "that month has only " + std::to_string(days_in_month(y, m)) + " days";
}

}  // namespace

const char* kind_name(const YNode& n) {
    switch (n.kind) {
        case YNode::Kind::Null: return "nothing";
        case YNode::Kind::Scalar: return "text";
        case YNode::Kind::Sequence: return "a list";
        case YNode::Kind::Map: return "a mapping (key: value)";
    }
    return "?";
}

bool is_blank(const std::string& s) {
    for (size_t i = 0; i < s.size();) {
        if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')
            ++i;
        else if (s.compare(i, 3, "\xE3\x80\x80") == 0)
            i += 3;
        else
            return false;
    }
    return true;
}

std::string index_name(const std::string& list, size_t i) { return list + "[" + std::to_string(i + 1) + "]"; }

void SchemaChecker::error(int line, int column, const std::string& message) {
    out_.push_back(Diagnostic{{file_, line, column}, message});
}

void SchemaChecker::warning(const YNode& n, const std::string& message) {
    out_.push_back(Diagnostic{{file_, n.line, n.column}, message, Severity::Warning});
}

// A token is a word, number, date or path: letters, digits and _ . + - / only,
// so a line of another file (root:$6$...:19700:0:99999:7:::) is never repeated.
std::string SchemaChecker::shown(const std::string& v) const {
    if (echo_ == Echo::Public) return "'" + v + "'";
    const bool token = !v.empty() && v.size() <= 32 && std::all_of(v.begin(), v.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '+' || c == '-' ||
               c == '/';
    });
    if (token) return "'" + v + "'";
    return "a value that is not repeated here (it may be personal data)";
}

// Keys follow the value rule (a key is a short name; a value typed on its own
// line, or a line of another file, becomes one).
std::string SchemaChecker::shown_key(const std::string& k) const {
    std::string s = shown(k);
    if (s[0] == '\'') return s;
    return "(not repeated here: it is not a short ASCII name and may be personal data or another file's content)";
}

const YNode* SchemaChecker::Map::get(const std::string& k) const {
    const YNode* r = nullptr;
    for (auto& [name, v] : found)
        if (name == k) r = v;
    return r;
}

const YNode* SchemaChecker::Map::key_node(const std::string& k) const {
    for (auto& [name, v] : keys)
        if (name == k) return v;
    return nullptr;
}

SchemaChecker::Map SchemaChecker::map(const YNode* n, const std::string& where, const std::vector<std::string>& allowed) {
    Map m;
    m.where = where;
    if (!n || n->kind == YNode::Kind::Null) return m;  // "key:" with nothing: treated as absent
    if (n->kind != YNode::Kind::Map) {
        error(*n, where + " must be a mapping (key: value lines), got " + kind_name(*n));
        return m;
    }
    m.node = n;
    for (size_t i = 0; i < n->map_size(); ++i) {
        const YNode& k = n->key(i);
        if (k.kind != YNode::Kind::Scalar) {
            error(k, "keys must be plain names, got " + std::string(kind_name(k)) + " in " + where);
            continue;
        }
        if (std::find(allowed.begin(), allowed.end(), k.value) != allowed.end()) {
            m.found.emplace_back(k.value, &n->val(i));
            m.keys.emplace_back(k.value, &k);
            continue;
        }
        // A value typed on a line of its own becomes a key: apply the value
        // rule (short ASCII token, or described) to keys too.
        std::string msg = "unknown key " + shown_key(k.value) + " in " + where;
        if (k.value.compare(0, 3, "\xE3\x80\x80") == 0)
            msg += ": it starts with a full-width space (U+3000, 全角スペース); YAML indents with ASCII spaces only";
        else if (k.value.find("\xEF\xBC\x9A") != std::string::npos)
            msg += ": it holds a full-width colon (：, U+FF1A); write an ASCII ':' followed by a space";
        std::string s = did_you_mean(k.value, allowed);
        msg += s.empty() ? "; allowed keys: " + join_names(allowed) : " (did you mean '" + s + "'?)";
        error(k, msg);
    }
    return m;
}

const YNode* SchemaChecker::require(const Map& m, const std::string& key, const YNode& parent_pos) {
    const YNode* v = m ? m.get(key) : nullptr;
    if (v && v->kind == YNode::Kind::Null) {
        error(*m.key_node(key), "required key '" + key + "' in " + m.where + " has no value");
        return nullptr;
    }
    if (v && v->kind == YNode::Kind::Scalar && is_blank(v->value)) {
        // name: "" or name: "　" passes YAML but leaves the field empty.
        error(*v, "required key '" + key + "' in " + m.where + " is blank (only spaces or nothing): write the value");
        return nullptr;
    }
    if (!v) {
        const YNode& at = m ? *m.node : parent_pos;
        error(at, "missing required key '" + key + "' in " + m.where);
        return nullptr;
    }
    return v;
}

std::string SchemaChecker::text(const YNode* n, const std::string& what) {
    if (!n || n->kind == YNode::Kind::Null) return "";
    if (n->kind != YNode::Kind::Scalar) {
        error(*n, what + " must be text, got " + kind_name(*n));
        return "";
    }
    return n->value;
}

std::vector<std::string> SchemaChecker::text_list(const YNode* n, const std::string& what) {
    std::vector<std::string> r;
    if (!n || n->kind == YNode::Kind::Null) return r;
    if (n->kind != YNode::Kind::Sequence) {
        error(*n, what + " must be a list (e.g. [a, b] or '- a' lines), got " + kind_name(*n));
        return r;
    }
    for (size_t i = 0; i < n->items.size(); ++i) {
        std::string v = text(&n->items[i], index_name(what, i));
        if (!v.empty()) r.push_back(v);
    }
    return r;
}

const std::vector<YNode>* SchemaChecker::list(const YNode* n, const std::string& what) {
    if (!n || n->kind == YNode::Kind::Null) return nullptr;
    if (n->kind != YNode::Kind::Sequence) {
        error(*n, what + " must be a list ('- ' items), got " + kind_name(*n));
        return nullptr;
    }
    return &n->items;
}

std::optional<double> SchemaChecker::number(const YNode* n, const std::string& what, double min, double max,
                                            bool min_open) {
    if (!n || n->kind == YNode::Kind::Null) return std::nullopt;
    auto bad = [&](const std::string& why) {
        error(*n, what + why);
        return std::nullopt;
    };
    if (n->kind != YNode::Kind::Scalar) return bad(std::string(" must be a number, got ") + kind_name(*n));
    const std::string& s = n->value;
    if (n->quoted) return bad(" must be a number, got quoted text (remove the quotes)");
    if (is_non_finite_word(s)) return bad(" must be a finite number, got " + shown(s));
    if (!looks_numeric(s)) return bad(" must be a number, got text");
    errno = 0;
    char* end = nullptr;
    double v = std::strtod(s.c_str(), &end);
    if (errno == ERANGE && std::fabs(v) > 1) return bad(": " + shown(s) + " is too large to be a number");
    if (!std::isfinite(v)) return bad(" must be a finite number, got " + shown(s));
    if (v < min || (min_open && v == min) || v > max)
        return bad(" must be " + range_text(min, max, min_open) + ", got " + shown(s));
    return v;
}

std::optional<long> SchemaChecker::integer(const YNode* n, const std::string& what, long min, long max) {
    if (!n || n->kind == YNode::Kind::Null) return std::nullopt;
    auto bad = [&](const std::string& why) {
        error(*n, what + why);
        return std::nullopt;
    };
    if (n->kind != YNode::Kind::Scalar) return bad(std::string(" must be a whole number, got ") + kind_name(*n));
    const std::string& s = n->value;
    if (n->quoted) return bad(" must be a whole number, got quoted text (remove the quotes)");
    size_t i = (!s.empty() && (s[0] == '+' || s[0] == '-')) ? 1 : 0;
    bool digits = i < s.size();
    for (size_t k = i; k < s.size(); ++k) digits = digits && s[k] >= '0' && s[k] <= '9';
    if (!digits) return bad(looks_numeric(s) ? " must be a whole number, got " + shown(s) : " must be a whole number, got text");
    errno = 0;
    long long v = std::strtoll(s.c_str(), nullptr, 10);
    if (errno == ERANGE || v < min || v > max)
        return bad(" must be a whole number from " + std::to_string(min) + " to " + std::to_string(max) + ", got " +
                   shown(s));
    return static_cast<long>(v);
}

std::optional<bool> SchemaChecker::boolean(const YNode* n, const std::string& what) {
    if (!n || n->kind == YNode::Kind::Null) return std::nullopt;
    if (n->kind == YNode::Kind::Scalar) {
        std::string l = lower_ascii(n->value);
        if (l == "true") return true;
        if (l == "false") return false;
        error(*n, what + " must be true or false, got " + shown(n->value));
    } else {
        error(*n, what + " must be true or false, got " + kind_name(*n));
    }
    return std::nullopt;
}

std::optional<Date> SchemaChecker::date(const YNode* n, const std::string& what, bool personal) {
    if (!n || n->kind == YNode::Kind::Null) return std::nullopt;
    if (n->kind != YNode::Kind::Scalar) {
        error(*n, what + " must be a date (YYYY-MM-DD), got " + kind_name(*n));
        return std::nullopt;
    }
    const std::string& s = n->value;
    std::string echo = personal ? "" : " " + shown(s);
    bool shape = s.size() == 10 && s[4] == '-' && s[7] == '-';
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) shape = shape && i < s.size() && s[i] >= '0' && s[i] <= '9';
    if (!shape) {
        error(*n, what + " must be a date written YYYY-MM-DD (e.g. 2026-04-01), got" +
                      (personal ? std::string(" something else") : echo));
        return std::nullopt;
    }
    auto d = parse_iso_date(s);
    if (!d) error(*n, what + echo + " is not a real calendar date (" + why_not_a_date(s) + ")");
    return d;
}

std::optional<std::string> SchemaChecker::one_of(const YNode* n, const std::string& what,
                                                 const std::vector<std::string>& names) {
    if (!n || n->kind == YNode::Kind::Null) return std::nullopt;
    if (n->kind != YNode::Kind::Scalar) {
        error(*n, what + " must be one of: " + join_names(names) + "; got " + kind_name(*n));
        return std::nullopt;
    }
    if (std::find(names.begin(), names.end(), n->value) != names.end()) return n->value;
    std::string msg = "unknown " + what + " " + shown(n->value);
    std::string s = did_you_mean(n->value, names);
    if (!s.empty()) msg += " (did you mean '" + s + "'?)";
    msg += "; allowed: " + join_names(names);
    error(*n, msg);
    return std::nullopt;
}

}  // namespace sheetgen

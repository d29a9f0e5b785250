#include "cli/args.hpp"

#include <cerrno>
#include <cstdlib>

namespace sheetgen::cli {

Args::Args(const std::vector<std::string>& argv, const std::set<std::string>& value_options,
           const std::set<std::string>& flag_options, const std::map<std::string, std::string>& aliases) {
    bool only_positionals = false;
    for (size_t i = 0; i < argv.size(); ++i) {
        std::string a = argv[i];
        if (only_positionals || a.empty() || a[0] != '-' || a == "-") {
            positionals_.push_back(a);
            continue;
        }
        if (a == "--") {
            only_positionals = true;
            continue;
        }
        std::optional<std::string> inline_value;
        if (auto eq = a.find('='); a.rfind("--", 0) == 0 && eq != std::string::npos) {
            inline_value = a.substr(eq + 1);
            a = a.substr(0, eq);
        }
        if (auto it = aliases.find(a); it != aliases.end()) a = it->second;
        if (value_options.count(a)) {
            std::string v;
            if (inline_value) {
                v = *inline_value;
            } else {
                if (i + 1 >= argv.size()) throw UsageError("option " + a + " needs a value");
                v = argv[++i];
            }
            // A second --hazards or -o would silently replace the first: the
            // run would read or write something else than one of the two
            // intended. No option is repeatable today.
            if (values_.count(a))
                throw UsageError("option " + a + " given twice ('" + values_.find(a)->second + "' and '" + v +
                                 "'); give it once");
            values_.emplace(a, v);
        } else if (flag_options.count(a)) {
            if (inline_value) throw UsageError("option " + a + " takes no value");
            flags_.insert(a);
        } else {
            throw UsageError("unknown option " + a);
        }
    }
}

std::optional<std::string> Args::value(const std::string& name) const {
    auto range = values_.equal_range(name);
    if (range.first == range.second) return std::nullopt;
    return range.first->second;  // options are given at most once (the constructor refuses repeats)
}

std::vector<std::string> Args::values(const std::string& name) const {
    std::vector<std::string> r;
    auto range = values_.equal_range(name);
    for (auto it = range.first; it != range.second; ++it) r.push_back(it->second);
    return r;
}

std::optional<long> Args::integer(const std::string& name, long min, long max) const {
    auto v = value(name);
    if (!v) return std::nullopt;
    errno = 0;
    char* end = nullptr;
    long n = std::strtol(v->c_str(), &end, 10);
    if (errno != 0 || end == v->c_str() || *end != '\0' || n < min || n > max)
        throw UsageError("option " + name + " needs a whole number from " + std::to_string(min) + " to " +
                         std::to_string(max) + ", got '" + *v + "'");
    return n;
}

}  // namespace sheetgen::cli

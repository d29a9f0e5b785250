#pragma once
// One table per enum: the YAML name (and optional Japanese and English labels)
// of each value. Parsing, to_string, label_ja and label(v, lang) all read the
// same table, so a name is written once and every name parses back to its
// value (enum round-trip tests).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/lang.hpp"

namespace sheetgen {

template <typename E>
struct EnumName {
    const char* name;     // as written in YAML and printed by to_string
    E value;
    const char* label = "";     // Japanese label for documents ("" when the enum has none)
    const char* label_en = "";  // English label for documents ("" when the enum has none)
};

// A view of a constexpr EnumName array (C++17 has no std::span).
template <typename E>
class EnumTable {
public:
    template <size_t N>
    constexpr EnumTable(const EnumName<E> (&names)[N]) : begin_(names), size_(N) {}

    const EnumName<E>* begin() const { return begin_; }
    const EnumName<E>* end() const { return begin_ + size_; }
    size_t size() const { return size_; }

    // The entry of `v`; the first entry when `v` is not listed (a cast value).
    const EnumName<E>& entry(E v) const {
        for (const auto& e : *this)
            if (e.value == v) return e;
        return *begin_;
    }
    const char* name(E v) const { return entry(v).name; }
    const char* label(E v) const { return entry(v).label; }
    const char* label(E v, Lang lang) const { return lang == Lang::En ? entry(v).label_en : entry(v).label; }

    std::optional<E> parse(std::string_view text) const {
        for (const auto& e : *this)
            if (text == e.name) return e.value;
        return std::nullopt;
    }
    std::vector<std::string> names() const {
        std::vector<std::string> out;
        for (const auto& e : *this) out.emplace_back(e.name);
        return out;
    }
    // Where an input may also write a value by its Japanese label (a hazard
    // config's `scenario: 想定最大規模`): the names, then the labels.
    std::optional<E> parse_name_or_label(std::string_view text) const {
        if (auto v = parse(text)) return v;
        for (const auto& e : *this)
            if (*e.label && text == e.label) return e.value;
        return std::nullopt;
    }
    std::vector<std::string> names_and_labels() const {
        std::vector<std::string> out = names();
        for (const auto& e : *this)
            if (*e.label) out.emplace_back(e.label);
        return out;
    }

private:
    const EnumName<E>* begin_;
    size_t size_;
};

}  // namespace sheetgen

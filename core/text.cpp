#include "core/text.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <memory>

#include <utf8proc.h>

namespace notional {

namespace {
bool is_space(char c) {
    return std::isspace(static_cast<unsigned char>(c)) != 0;
}
char lower_char(char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

}  // namespace

std::string_view trim(std::string_view text) {
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    return text;
}

std::string lower(std::string_view text) {
    std::string out(text);
    for (auto& c : out) c = lower_char(c);
    return out;
}

std::string upper(std::string_view text) {
    std::string out(text);
    for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (lower_char(a[i]) != lower_char(b[i])) return false;
    }
    return true;
}

std::string fold(std::string_view text) {
    // ASCII folds to its lower case, and most names are ASCII: utf8proc only for the rest.
    if (std::all_of(text.begin(), text.end(),
                    [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
        return lower(text);
    }
    utf8proc_uint8_t* folded = nullptr;
    const auto options =
        static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE |
                                       UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
    const utf8proc_ssize_t length =
        utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                     static_cast<utf8proc_ssize_t>(text.size()), &folded, options);
    if (length < 0) return lower(text);  // not UTF-8 (a Latin-1 file): ASCII case alone
    const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(folded, &std::free);
    return {reinterpret_cast<const char*>(folded), static_cast<std::size_t>(length)};
}

namespace {

bool is_apostrophe(utf8proc_int32_t c) {
    return c == '\'' || c == '`' || c == 0x2019 || c == 0x2018 || c == 0x02BC;
}

/// Letters and digits of any script make words; everything else but apostrophes separates them.
bool is_word_character(utf8proc_int32_t c) {
    if (c < 0x80) return std::isalnum(static_cast<unsigned char>(c)) != 0;
    switch (utf8proc_category(c)) {
        case UTF8PROC_CATEGORY_LU:
        case UTF8PROC_CATEGORY_LL:
        case UTF8PROC_CATEGORY_LT:
        case UTF8PROC_CATEGORY_LM:
        case UTF8PROC_CATEGORY_LO:
        case UTF8PROC_CATEGORY_ND:
        case UTF8PROC_CATEGORY_NL:
        case UTF8PROC_CATEGORY_NO: return true;
        default: return false;
    }
}

/// Folded words; apostrophes join, everything else separates; "&" is "and", and with `and_too`
/// false neither is written: slugs of names drop "&" ("st-katharines-wapping").
std::string words(std::string_view raw, char separator, bool and_too) {
    const std::string text = fold(raw);
    std::string out;
    bool pending = false;
    auto add = [&](std::string_view part) {
        if (pending && !out.empty()) out += separator;
        pending = false;
        out += part;
    };
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    const auto size = static_cast<utf8proc_ssize_t>(text.size());
    for (utf8proc_ssize_t i = 0; i < size;) {
        utf8proc_int32_t c = 0;
        utf8proc_ssize_t length = utf8proc_iterate(bytes + i, size - i, &c);
        if (length <= 0) {  // not UTF-8: the byte stands for itself, as part of a word
            length = 1;
            c = -1;
        }
        const std::string_view part(text.data() + i, static_cast<std::size_t>(length));
        i += length;
        if (c < 0 || is_word_character(c)) {
            add(part);
        } else if (is_apostrophe(c)) {
            // dropped: "Paul's" -> "pauls"
        } else if (c == '&') {
            pending = true;
            add("and");
            pending = true;
        } else {
            pending = true;
        }
    }
    if (and_too) return out;
    std::string kept;
    std::size_t start = 0;
    while (start <= out.size()) {
        const auto end = std::min(out.find(separator, start), out.size());
        const std::string_view word(out.data() + start, end - start);
        if (!word.empty() && word != "and") {
            kept += (kept.empty() ? "" : std::string(1, separator)) + std::string(word);
        }
        start = end + 1;
    }
    return kept;
}

}  // namespace

std::string slug(std::string_view text) {
    return words(text, '-', true);
}

std::string ward_name_key(std::string_view name) {
    // "St." becomes "st" once punctuation separates words; "saint" is left alone because
    // "Saint" is sometimes the official spelling of a different place.
    return words(name, ' ', false);
}

bool within_one_edit(std::string_view a, std::string_view b) {
    if (a == b) return true;
    if (a.size() > b.size() + 1 || b.size() > a.size() + 1) return false;
    std::size_t i = 0;
    while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
    if (a.size() == b.size()) {
        if (a.substr(i + 1) == b.substr(i + 1)) return true;
        return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] &&
               a.substr(i + 2) == b.substr(i + 2);
    }
    return a.size() > b.size() ? a.substr(i + 1) == b.substr(i) : a.substr(i) == b.substr(i + 1);
}

bool looks_like_gss_code(std::string_view text) {
    if (text.size() != 9 || std::isalpha(static_cast<unsigned char>(text[0])) == 0) return false;
    for (std::size_t i = 1; i < 9; ++i) {
        if (std::isdigit(static_cast<unsigned char>(text[i])) == 0) return false;
    }
    return true;
}

bool parse_count(std::string_view text, double& value) {
    text = trim(text);
    std::string digits;
    for (char c : text) {
        if (c != ',') digits += c;
    }
    if (digits.empty() || digits.front() == '-' || digits.front() == '+') return false;
    const char* end = digits.data() + digits.size();
    auto [ptr, ec] = std::from_chars(digits.data(), end, value);
    // from_chars also reads "inf" and "nan", which are no count.
    return ec == std::errc() && ptr == end && std::isfinite(value) && value >= 0.0;
}

bool parse_flag(std::string_view text, bool& value) {
    const std::string t = lower(trim(text));
    if (t == "true" || t == "t" || t == "yes" || t == "y" || t == "1") {
        value = true;
        return true;
    }
    if (t == "false" || t == "f" || t == "no" || t == "n" || t == "0") {
        value = false;
        return true;
    }
    return false;
}

}  // namespace notional

#include "model/text.hpp"

#include <cctype>
#include <charconv>
#include <cmath>

namespace notional::model {

namespace {
bool is_space(char c) {
    return std::isspace(static_cast<unsigned char>(c)) != 0;
}
char lower_char(char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}
bool is_alnum(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0;
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

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (lower_char(a[i]) != lower_char(b[i])) return false;
    }
    return true;
}

namespace {
/// Lower-case alphanumeric words; apostrophes join, everything else separates; "&" is "and".
std::string words(std::string_view text, char separator) {
    std::string out;
    bool pending = false;
    auto add_word_char = [&](char c) {
        if (pending && !out.empty()) out += separator;
        pending = false;
        out += lower_char(c);
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (is_alnum(c)) {
            add_word_char(c);
        } else if (c == '\'') {
            // dropped: "Paul's" -> "pauls"
        } else if (text.substr(i, 3) == "\xE2\x80\x99") {
            i += 2;  // a typographic apostrophe (U+2019) is an apostrophe too
        } else if (c == '&') {
            pending = true;
            for (char a : std::string_view("and")) add_word_char(a);
            pending = true;
        } else {
            pending = true;
        }
    }
    return out;
}
}  // namespace

std::string slug(std::string_view text) {
    return words(text, '-');
}

std::string ward_name_key(std::string_view name) {
    // "St." becomes "st" once punctuation separates words; "saint" is left alone because
    // "Saint" is sometimes the official spelling of a different place.
    return words(name, ' ');
}

bool looks_like_gss_code(std::string_view text) {
    if (text.size() != 9 || !std::isalpha(static_cast<unsigned char>(text[0]))) return false;
    for (std::size_t i = 1; i < 9; ++i) {
        if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
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

}  // namespace notional::model

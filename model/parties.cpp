#include "model/parties.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <numeric>
#include <optional>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "core/csv.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "model/party_register.hpp"

namespace notional::model {

namespace {

/// Words that vary between files' spellings of one party.
constexpr std::array<std::string_view, 8> filler_words{
    "the", "party", "candidate", "candiate", "local", "official", "councillor", "lead"};

std::vector<std::string> split_words(const std::string& key) {
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start < key.size()) {
        const auto end = std::min(key.find(' ', start), key.size());
        if (end > start) words.push_back(key.substr(start, end - start));
        start = end + 1;
    }
    return words;
}

std::string join_words(const std::vector<std::string>& words) {
    std::string text;
    for (const auto& word : words) text += (text.empty() ? "" : " ") + word;
    return text;
}

/// The folded words of a name with the register's long words spelled right: published files
/// have "Coservative", "Liberal Deomcrat", "Indipendent".
std::vector<std::string> corrected_words(std::string_view name) {
    static constexpr std::array<std::string_view, 6> long_words{
        "conservative", "conservatives", "independent", "democrat", "democrats", "liberal"};
    std::vector<std::string> words = split_words(ward_name_key(name));
    for (auto& word : words) {
        if (word.size() < 7) continue;  // short words are too close to each other
        for (const auto known : long_words) {
            if (within_one_edit(word, known)) {
                word = std::string(known);
                break;
            }
        }
    }
    return words;
}

std::string core_of(const std::vector<std::string>& words) {
    std::vector<std::string> kept;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const auto& word = words[i];
        if (std::find(filler_words.begin(), filler_words.end(), word) != filler_words.end()) {
            continue;
        }
        // "Green Party First Choice Candidate": a ballot position, not a name.
        if ((word == "first" || word == "second" || word == "third") && i + 1 < words.size() &&
            words[i + 1] == "choice") {
            ++i;
            continue;
        }
        kept.push_back(word);
    }
    return join_words(kept);
}

bool has_phrase(const std::string& key, std::string_view phrase) {
    return (" " + key + " ").find(" " + std::string(phrase) + " ") != std::string::npos;
}

const Registered* by_id(std::string_view id) {
    for (const auto& party : register_of_parties()) {
        for (const auto known : party.ids) {
            if (iequals(known, id)) return &party;
        }
    }
    return nullptr;
}

const Registered* by_code(std::string_view code) {
    for (const auto& party : register_of_parties()) {
        if (iequals(party.code, code)) return &party;
    }
    return nullptr;
}

/// By a whole name (or short code) the register knows; then, if `phrases`, by the words it
/// contains.
const Registered* by_name(std::string_view name, bool phrases) {
    const std::vector<std::string> words = corrected_words(name);
    const std::string key = join_words(words);
    const std::string core = core_of(words);
    if (core.empty()) return nullptr;
    for (const auto& party : register_of_parties()) {
        for (const auto exact : party.exact) {
            if (core == exact || key == exact) return &party;
        }
    }
    if (!phrases) return nullptr;
    for (const auto& party : register_of_parties()) {
        const bool named = std::any_of(party.contains.begin(), party.contains.end(),
                                       [&](std::string_view p) { return has_phrase(key, p); });
        const bool ruled_out = std::any_of(party.unless.begin(), party.unless.end(),
                                           [&](std::string_view p) { return has_phrase(key, p); });
        if (named && !ruled_out) return &party;
    }
    return nullptr;
}

bool names_an_independent(std::string_view ec_id, std::string_view name) {
    if (iequals(ec_id, "ynmp-party:2")) return true;
    const std::string key = join_words(corrected_words(name));
    return key == "ind" || key == "independent" || key == "independents" ||
           key == "independent candidate" || key == "non party independent" ||
           key == "nonparty independent";
}

/// An Electoral Commission id: "PP" and digits, or Democracy Club's "PPm" for minor parties.
bool is_ec_id(std::string_view id) {
    return id.size() > 2 && (id.starts_with("PP") || id.starts_with("pp"));
}

std::string upper_slug(std::string_view text) {
    return upper(slug(text));
}

}  // namespace

Party classify_party(std::string_view ec_id, std::string_view name, std::string_view candidate_id) {
    ec_id = trim(ec_id);
    name = trim(name);
    if (names_an_independent(ec_id, name)) {
        return {"IND-" + slug(candidate_id), "Independent", PartyOrigin::independent};
    }
    if (const Registered* known = by_id(ec_id)) {
        return {std::string(known->code), std::string(known->name), PartyOrigin::register_id};
    }
    // An id outside the register is some other party: its whole name may still be one the
    // register knows, but not a phrase in it ("Socialist Labour Party", PP73, is not Labour).
    const bool other_id = is_ec_id(ec_id);
    const Registered* known = other_id ? nullptr : by_code(name);
    if (!known) known = by_name(name, !other_id);
    if (known) {
        return {std::string(known->code), std::string(known->name), PartyOrigin::register_name};
    }
    std::string code = upper_slug(name);
    if (code.empty()) code = other_id ? upper_slug(ec_id) : "UNNAMED";
    return {code, name.empty() ? code : std::string(name), PartyOrigin::named};
}

bool is_independent(std::string_view party_code) {
    return party_code.starts_with("IND-");
}

bool is_registered(std::string_view party_code) {
    return by_code(party_code) != nullptr;
}

std::string party_key(std::string_view name) {
    return core_of(corrected_words(name));
}

}  // namespace notional::model

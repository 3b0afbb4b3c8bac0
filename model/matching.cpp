#include "model/matching.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "core/error.hpp"
#include "core/text.hpp"

namespace notional::model {

std::vector<std::optional<std::size_t>> ward_councils(const Election& election,
                                                      const Councils& councils) {
    std::vector<std::optional<std::size_t>> out;
    if (!election.names_councils()) return out;
    for (const auto& ward : election.wards) {
        out.push_back(councils.find(ward.council_code, ward.council_name));
    }
    return out;
}

std::map<std::string, std::size_t> keep_councils_on_map(Election& election,
                                                        const Councils& councils,
                                                        const WardsToMatch& layer) {
    if (!election.names_councils()) return {};
    std::set<std::optional<std::size_t>> on_map;
    if (!layer.councils.empty()) {
        on_map.insert(layer.councils.begin(), layer.councils.end());
    } else {
        // The layer names no council: a council is on the map where any of its wards is.
        std::set<std::string> codes(layer.codes.begin(), layer.codes.end());
        std::set<std::string> names;
        for (const auto& name : layer.names) names.insert(ward_name_key(name));
        for (const auto& ward : election.wards) {
            if ((!ward.code.empty() && codes.contains(ward.code)) ||
                (!ward.name.empty() && names.contains(ward_name_key(ward.name)))) {
                on_map.insert(councils.find(ward.council_code, ward.council_name));
            }
        }
    }
    return drop_wards(election, [&](const WardResult& ward) {
        return !on_map.contains(councils.find(ward.council_code, ward.council_name));
    });
}

namespace {

/// The error for result wards no polygon matches: the first ten, and what to do.
[[noreturn]] void throw_unmatched(const Election& election, const WardsToMatch& layer,
                                  bool by_council, const std::vector<std::string>& unmatched) {
    std::string message = election.path.string() + ": " + std::to_string(unmatched.size()) +
                          " of " + std::to_string(election.wards.size()) +
                          " wards match no polygon in " + layer.label + " by code or name" +
                          (by_council ? " within their council" : "") + ":";
    const std::size_t shown = std::min<std::size_t>(unmatched.size(), 10);
    for (std::size_t i = 0; i < shown; ++i) message += (i != 0 ? ", " : " ") + unmatched[i];
    if (shown < unmatched.size()) {
        message += " and " + std::to_string(unmatched.size() - shown) + " more";
    }
    throw DataError(message +
                    ". The layer must hold the wards these results were declared on (the same "
                    "year's boundaries); else correct the names");
}

}  // namespace

std::vector<std::size_t> match_wards(const Election& election, const WardsToMatch& layer,
                                     const std::vector<std::optional<std::size_t>>& ward_councils,
                                     std::vector<std::string>* near,
                                     std::vector<std::string>* other_code) {
    // Names are looked up within a council where both sides name one; "" is no council.
    auto council_of = [](const std::vector<std::optional<std::size_t>>& councils, std::size_t i) {
        return i < councils.size() && councils[i] ? std::to_string(*councils[i]) : std::string();
    };
    const bool by_council = !layer.councils.empty() && !ward_councils.empty();
    std::unordered_map<std::string, std::size_t> by_code;
    for (std::size_t i = 0; i < layer.codes.size(); ++i) by_code.emplace(layer.codes[i], i);
    // The polygons by name, made when a ward is first matched by its name.
    std::unordered_map<std::string, std::size_t> by_name;
    std::unordered_map<std::string, int> name_count;  // a name two polygons share matches neither
    auto named_polygons = [&]() -> const std::unordered_map<std::string, std::size_t>& {
        if (!by_name.empty() || layer.names.empty()) return by_name;
        for (std::size_t i = 0; i < layer.names.size(); ++i) {
            const std::string key = (by_council ? council_of(layer.councils, i) + "|" : "") +
                                    ward_name_key(layer.names[i]);
            by_name.emplace(key, i);
            ++name_count[key];
        }
        return by_name;
    };
    std::vector<std::size_t> matched;
    std::vector<std::string> unmatched;
    const std::size_t unclaimed = election.wards.size();
    // Per polygon, the result ward that matched it.
    std::vector<std::size_t> claimed(std::max(layer.codes.size(), layer.names.size()), unclaimed);
    for (std::size_t w = 0; w < election.wards.size(); ++w) {
        const WardResult& ward = election.wards[w];
        std::optional<std::size_t> polygon;
        const auto coded = ward.code.empty() ? by_code.end() : by_code.find(ward.code);
        const std::string key =
            coded != by_code.end() || ward.name.empty()
                ? std::string()
                : (by_council ? council_of(ward_councils, w) + "|" : "") + ward_name_key(ward.name);
        if (coded != by_code.end()) {
            polygon = coded->second;
        } else if (const auto named = named_polygons().find(key);
                   !ward.name.empty() && named != by_name.end()) {
            if (name_count[key] > 1) {
                throw DataError(election.path.string() + ": ward " + ward.label() +
                                " has no code and its name belongs to " +
                                std::to_string(name_count[key]) + " polygons in " + layer.label);
            }
            polygon = named->second;
            const std::string& code = layer.codes[*polygon];
            if (other_code && !ward.code.empty() && !code.empty() && code != ward.code) {
                other_code->push_back(ward.label() + " as " + code);
            }
        }
        matched.push_back(polygon.value_or(layer.codes.size()));
        if (!polygon) continue;
        if (claimed[*polygon] != unclaimed) {
            throw DataError(election.path.string() + ": wards " +
                            election.wards[claimed[*polygon]].label() + " and " + ward.label() +
                            " both match the same polygon in " + layer.label);
        }
        claimed[*polygon] = w;
    }
    // A misspelling: the one polygon left in the ward's council whose name is one edit away.
    for (std::size_t w = 0; w < election.wards.size(); ++w) {
        if (matched[w] < layer.codes.size()) continue;
        const WardResult& ward = election.wards[w];
        const std::string key = ward_name_key(ward.name);
        std::vector<std::size_t> close;
        for (std::size_t i = 0; i < layer.names.size() && !key.empty(); ++i) {
            if (claimed[i] != unclaimed ||
                (by_council && council_of(layer.councils, i) != council_of(ward_councils, w))) {
                continue;
            }
            if (within_one_edit(key, ward_name_key(layer.names[i]))) close.push_back(i);
        }
        if (close.size() != 1) {
            unmatched.push_back(ward.label() + " (line " + std::to_string(ward.line) + ")");
            continue;
        }
        matched[w] = close.front();
        claimed[close.front()] = w;
        if (near) {
            near->push_back(ward.label() + " as '" + layer.names[close.front()] + "' (" +
                            layer.codes[close.front()] + ")");
        }
    }
    if (!unmatched.empty()) throw_unmatched(election, layer, by_council, unmatched);
    return matched;
}

}  // namespace notional::model

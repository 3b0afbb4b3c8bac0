#include "model/matching.hpp"

#include <algorithm>
#include <optional>
#include <set>
#include <unordered_map>
#include <utility>

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

/// A ward's council as a key; names are looked up within a council where both sides name one,
/// and "" is no council.
std::string council_of(const std::vector<std::optional<std::size_t>>& councils, std::size_t i) {
    return i < councils.size() && councils[i] ? std::to_string(*councils[i]) : std::string();
}

/// The layer's polygons by name (within their council, `by_council`), made when a ward is
/// first matched by its name; a name two polygons share matches neither.
class NamedPolygons {
public:
    NamedPolygons(const WardsToMatch& layer, bool by_council)
        : m_layer(layer), m_by_council(by_council) {}

    /// The polygon named `key`, and how many polygons have that name; none when no polygon
    /// has it.
    std::optional<std::pair<std::size_t, int>> find(const std::string& key) {
        if (m_index.empty()) {
            for (std::size_t i = 0; i < m_layer.names.size(); ++i) {
                const std::string name =
                    (m_by_council ? council_of(m_layer.councils, i) + "|" : "") +
                    ward_name_key(m_layer.names[i]);
                // The first polygon of a name kept, every one counted.
                ++m_index.try_emplace(name, i, 0).first->second.second;
            }
        }
        const auto it = m_index.find(key);
        if (it == m_index.end()) return std::nullopt;
        return it->second;
    }

private:
    const WardsToMatch& m_layer;
    bool m_by_council;
    std::unordered_map<std::string, std::pair<std::size_t, int>> m_index;  // first, how many
};

}  // namespace

std::vector<std::size_t> match_wards(const Election& election, const WardsToMatch& layer,
                                     const std::vector<std::optional<std::size_t>>& ward_councils,
                                     std::vector<std::string>* near,
                                     std::vector<std::string>* other_code) {
    const bool by_council = !layer.councils.empty() && !ward_councils.empty();
    std::unordered_map<std::string, std::size_t> by_code;
    for (std::size_t i = 0; i < layer.codes.size(); ++i) by_code.emplace(layer.codes[i], i);
    NamedPolygons by_name(layer, by_council);
    std::vector<std::size_t> matched;
    std::vector<std::string> unmatched;
    const std::size_t unclaimed = election.wards.size();
    // Per polygon, the result ward that matched it.
    std::vector<std::size_t> claimed(std::max(layer.codes.size(), layer.names.size()), unclaimed);
    for (std::size_t w = 0; w < election.wards.size(); ++w) {
        const WardResult& ward = election.wards[w];
        std::optional<std::size_t> polygon;
        const auto coded = ward.code.empty() ? by_code.end() : by_code.find(ward.code);
        if (coded != by_code.end()) {
            polygon = coded->second;
        } else if (const auto named =
                       ward.name.empty()
                           ? std::nullopt
                           : by_name.find((by_council ? council_of(ward_councils, w) + "|" : "") +
                                          ward_name_key(ward.name))) {
            if (named->second > 1) {
                throw DataError(election.path.string() + ": ward " + ward.label() +
                                " has no code and its name belongs to " +
                                std::to_string(named->second) + " polygons in " + layer.label);
            }
            polygon = named->first;
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

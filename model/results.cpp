#include "model/results.hpp"

#include <algorithm>
#include <cmath>

#include "core/error.hpp"
#include "model/parties.hpp"

namespace notional::model {

const char* to_string(ResultsFormat format) {
    switch (format) {
        case ResultsFormat::democracy_club: return "Democracy Club";
        case ResultsFormat::gla: return "GLA";
        case ResultsFormat::hoc_library: return "House of Commons Library";
        case ResultsFormat::canonical: return "canonical";
        case ResultsFormat::automatic: break;
    }
    return "auto";
}

std::string WardResult::label() const {
    if (!code.empty() && !name.empty()) return "'" + name + "' (" + code + ")";
    if (code.empty() && !council_name.empty()) return "'" + name + "' of " + council_name;
    return "'" + (code.empty() ? name : code) + "'";
}

double Election::total_votes() const {
    double total = 0.0;
    for (const auto& ward : wards) {
        for (const auto& candidate : ward.candidates) total += candidate.votes;
    }
    return total;
}

PartyTable party_table(const Election& election, const std::string& label) {
    return {label, election.party_names, election.party_spellings};
}

void apply_parties(Election& election, const PartyUnification& unification, std::size_t index) {
    const auto& renames = unification.renames.at(index);
    auto renamed = [&](const std::string& code) {
        const auto it = renames.find(code);
        return it == renames.end() ? code : it->second;
    };
    for (auto& ward : election.wards) {
        for (auto& candidate : ward.candidates) candidate.party = renamed(candidate.party);
    }
    std::map<std::string, std::string> names;
    std::map<std::string, std::set<std::string>> spellings;
    for (const auto& [code, name] : election.party_names) names.try_emplace(renamed(code), name);
    for (const auto& [code, written] : election.party_spellings) {
        spellings[renamed(code)].insert(written.begin(), written.end());
    }
    for (const auto& party : unification.parties) {
        if (names.contains(party.code)) names[party.code] = party.name;
    }
    election.party_names = std::move(names);
    election.party_spellings = std::move(spellings);
}

bool Election::names_councils() const {
    return std::any_of(wards.begin(), wards.end(), [](const WardResult& ward) {
        return !ward.council_code.empty() || !ward.council_name.empty();
    });
}

std::map<std::string, std::size_t> drop_wards(Election& election,
                                              const std::function<bool(const WardResult&)>& drop) {
    std::map<std::string, std::size_t> dropped;
    std::vector<WardResult> kept;
    for (auto& ward : election.wards) {
        if (drop(ward)) {
            ++dropped[ward.council_name.empty() ? ward.council_code : ward.council_name];
        } else {
            kept.push_back(std::move(ward));
        }
    }
    election.wards = std::move(kept);
    // Only the parties that still have a candidate.
    std::set<std::string> standing;
    for (const auto& ward : election.wards) {
        for (const auto& candidate : ward.candidates) standing.insert(candidate.party);
    }
    std::erase_if(election.party_names,
                  [&](const auto& entry) { return !standing.contains(entry.first); });
    std::erase_if(election.party_spellings,
                  [&](const auto& entry) { return !standing.contains(entry.first); });
    return dropped;
}

}  // namespace notional::model

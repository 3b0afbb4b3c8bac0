#include "model/verdicts.hpp"

#include <algorithm>
#include <functional>
#include <utility>

namespace notional::model {

const char* to_string(Verdict verdict) {
    switch (verdict) {
        case Verdict::genuine: return "GENUINE";
        case Verdict::boundary_artefact: return "BOUNDARY ARTEFACT";
        case Verdict::uncertain: break;
    }
    return "UNCERTAIN";
}

std::string PartyComparison::verdict_text() const {
    std::string text;
    for (std::size_t i = 0; i < verdicts.size();) {
        std::size_t j = i;
        while (j < verdicts.size() && verdicts[j] == verdicts[i]) ++j;
        text += (text.empty() ? "" : "; ") + std::string(to_string(verdicts[i])) +
                (j - i > 1 ? " x" + std::to_string(j - i) : "");
        i = j;
    }
    return text;
}

std::string label_of(const WardComparison& ward) {
    std::vector<std::pair<std::string, int>> gainers;
    std::vector<std::pair<std::string, int>> losers;
    for (const auto& party : ward.parties) {
        if (party.change() > 0) gainers.emplace_back(party.party, party.change());
        if (party.change() < 0) losers.emplace_back(party.party, -party.change());
    }
    // Largest loser first; equal losses by party code.
    std::sort(losers.begin(), losers.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    std::string label;
    if (gainers.empty()) {
        std::vector<std::string> holders;
        for (const auto& party : ward.parties) {
            if (party.actual_seats > 0) holders.push_back(party.party);
        }
        for (std::size_t i = 0; i < holders.size(); ++i) {
            label += (i == 0 ? "" : i + 1 == holders.size() ? " and " : ", ") + holders[i];
        }
        label += " hold";
    } else {
        std::size_t loser = 0;
        for (auto& [gainer, count] : gainers) {
            while (count > 0 && loser < losers.size()) {
                const int taken = std::min(count, losers[loser].second);
                if (!label.empty()) label += "; ";
                label += gainer + (taken == 1 ? " gain" : " " + std::to_string(taken) + " gains") +
                         " from " + losers[loser].first;
                count -= taken;
                losers[loser].second -= taken;
                if (losers[loser].second == 0) ++loser;
            }
        }
    }
    return ward.change_class == ChangeClass::unchanged ? label : label + " (notional)";
}

void judge(PartyComparison& party, const BaseParty* base, const std::vector<std::string>& variants,
           bool knife_edge) {
    const int from_notional = party.notional_seats;
    const int from_press = party.predecessor_seats.value_or(party.notional_seats);
    const int first_claimed = std::min(from_notional, from_press) + 1;
    if (party.actual_seats < first_claimed) return;
    std::vector<int> by_variant;
    std::string listed;
    for (std::size_t v = 0; v < variants.size(); ++v) {
        const int seats = base && base->variant_seats.contains(variants[v])
                              ? base->variant_seats.at(variants[v])
                              : 0;
        by_variant.push_back(seats);
        listed += (v != 0 ? ", " : "") + variants[v] + " " + std::to_string(seats);
    }
    if (by_variant.empty()) by_variant.push_back(party.notional_seats);  // a base of one rule
    // Where every variant agrees one number says it; else each is listed.
    const bool agree = std::adjacent_find(by_variant.begin(), by_variant.end(),
                                          std::not_equal_to<>()) == by_variant.end();
    std::string reason =
        "actual " + std::to_string(party.actual_seats) + "; notional " +
        (agree && by_variant.size() > 1 ? std::to_string(by_variant.front()) + " under all " +
                                              std::to_string(by_variant.size()) + " variants"
                                        : listed);
    if (party.predecessor_seats) {
        reason += "; won " + std::to_string(*party.predecessor_seats) + " in the main old ward";
    }
    std::string why;
    for (int k = first_claimed; k <= party.actual_seats; ++k) {
        const bool above_all =
            std::all_of(by_variant.begin(), by_variant.end(), [&](int seats) { return k > seats; });
        const bool held_all = std::all_of(by_variant.begin(), by_variant.end(),
                                          [&](int seats) { return k <= seats; });
        if (knife_edge) {
            party.verdicts.push_back(Verdict::uncertain);
            why = "the notional is a knife-edge";
        } else if (above_all) {
            party.verdicts.push_back(Verdict::genuine);
        } else if (held_all) {
            party.verdicts.push_back(Verdict::boundary_artefact);
        } else {
            party.verdicts.push_back(Verdict::uncertain);
            why = "the variants disagree";
        }
    }
    party.reason = reason + (why.empty() ? "" : "; " + why);
}

}  // namespace notional::model

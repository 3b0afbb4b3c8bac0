#include "model/compare.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

#include "core/error.hpp"
#include "model/matching.hpp"
#include "model/measures.hpp"
#include "model/parties.hpp"
#include "model/verdicts.hpp"

namespace notional::model {

std::optional<double> PartyComparison::share_change() const {
    if (is_new || !notional_share || !actual_share) return std::nullopt;
    return *actual_share - *notional_share;
}

namespace {

/// Seat changes are counted by party, independents as one ("IND"): where one independent
/// succeeds another the ward is an IND hold, as the press would say.
std::string group(const std::string& code) {
    return is_independent(code) ? "IND" : code;
}

template <typename T>
void add_to(std::optional<T>& sum, const std::optional<T>& value) {
    sum = sum && value ? std::optional<T>(*sum + *value) : std::nullopt;
}

/// A base ward with its independents merged into one "IND".
BaseWard grouped(const BaseWard& ward) {
    BaseWard out = ward;
    out.parties.clear();
    for (const auto& party : ward.parties) {
        const std::string code = group(party.code);
        auto it = std::find_if(out.parties.begin(), out.parties.end(),
                               [&](const BaseParty& p) { return p.code == code; });
        if (it == out.parties.end()) {
            out.parties.push_back(party);
            out.parties.back().code = code;
            continue;
        }
        it->votes += party.votes;
        it->top += party.top;
        it->votes_rounded += party.votes_rounded;
        add_to(it->share, party.share);
        add_to(it->share_top, party.share_top);
        add_to(it->seats, party.seats);
        add_to(it->predecessor_seats, party.predecessor_seats);
        for (const auto& [variant, seats] : party.variant_seats) {
            it->variant_seats[variant] += seats;
        }
    }
    return out;
}

struct ActualParty {
    double votes = 0.0, top = 0.0;
    int seats = 0;
};

/// The party with most seats; between equals, the one with most votes (`parties` come most
/// actual votes first).
std::string winner_of(const std::vector<PartyComparison>& parties) {
    int most = 0;
    for (const auto& party : parties) most = std::max(most, party.actual_seats);
    for (const auto& party : parties) {
        if (party.actual_seats == most) return party.party;
    }
    return {};
}

/// Last elected minus the best unelected candidate of another party (the closest contest).
std::optional<double> actual_majority(const WardResult& ward) {
    std::optional<double> margin;
    for (const auto& loser : ward.candidates) {
        if (loser.elected) continue;
        for (const auto& winner : ward.candidates) {
            if (!winner.elected || winner.party == loser.party) continue;
            const double gap = winner.votes - loser.votes;
            if (!margin || gap < *margin) margin = gap;
        }
    }
    return margin;
}

/// The actual result of new ward `n` per party group: votes, top votes and seats.
std::map<std::string, ActualParty> actual_parties(const Measures& m, std::size_t n) {
    const auto row = static_cast<Eigen::Index>(n);
    std::map<std::string, ActualParty> parties;
    for (std::size_t p = 0; p < m.parties.size(); ++p) {
        const auto col = static_cast<Eigen::Index>(p);
        if (m.tot.coeff(row, col) <= 0.0) continue;
        ActualParty& entry = parties[group(m.parties[p])];
        entry.votes += m.tot.coeff(row, col);
        entry.top += m.top.coeff(row, col);
    }
    for (const auto& party : m.winners[n]) ++parties[group(party)].seats;
    return parties;
}

/// A ward with no notional to judge against: most of it comes from old wards whose votes are
/// unknown. Its actual result is shown; it stays out of the council's sums.
void leave_unjudged(WardComparison& ward, const std::map<std::string, ActualParty>& real_parties,
                    double total) {
    ward.judged = false;
    ward.label = "not judged";
    for (const auto& [code, entry] : real_parties) {
        PartyComparison party;
        party.party = code;
        party.actual_votes = entry.votes;
        party.actual_seats = entry.seats;
        if (total > 0.0) party.actual_share = entry.votes / total;
        ward.parties.push_back(std::move(party));
    }
    std::stable_sort(ward.parties.begin(), ward.parties.end(),
                     [](const auto& a, const auto& b) { return a.actual_votes > b.actual_votes; });
    ward.winner = winner_of(ward.parties);
}

/// Butler swing between the two leading parties, on shares of all votes; Steed's beside it.
void add_swing(WardComparison& ward) {
    if (ward.parties.size() < 2) return;
    const auto& a = ward.parties[0];
    const auto& b = ward.parties[1];
    ward.swing_to = a.party;
    ward.swing_from = b.party;
    if (!a.share_change() || !b.share_change()) return;
    ward.swing = 100.0 * (*a.share_change() - *b.share_change()) / 2.0;
    // Steed: A / (A + B) before and after; B's share of the two moves the other way.
    const double before = *a.notional_share + *b.notional_share;
    const double after = *a.actual_share + *b.actual_share;
    if (before > 0.0 && after > 0.0) {
        ward.steed_swing = 100.0 * (*a.actual_share / after - *a.notional_share / before);
    }
}

/// One party's notional (`before`, null where it had no notional votes) and actual result in
/// one ward; shares of `denominator` (all votes or top votes, as `convention` says). Where the
/// ward has a notional at all (`has_notional`), a party without one had no predecessor seats.
PartyComparison compare_party(const std::string& code, const BaseParty* before,
                              const ActualParty& real_party, ShareConvention convention,
                              double denominator, bool has_notional) {
    PartyComparison party;
    party.party = code;
    party.actual_votes = real_party.votes;
    party.actual_seats = real_party.seats;
    if (denominator > 0.0) {
        party.actual_share =
            (convention == ShareConvention::total ? real_party.votes : real_party.top) /
            denominator;
    }
    party.is_new = before == nullptr || before->votes <= 0.0;
    if (before) {
        party.notional_votes = before->votes;
        party.notional_seats = before->seats.value_or(0);
        party.predecessor_seats = before->predecessor_seats;
        party.notional_share =
            convention == ShareConvention::total ? before->share : before->share_top;
    } else if (has_notional) {
        party.predecessor_seats = 0;  // did not stand there at all
    }
    return party;
}

/// The actual majority (votes, and percent of ballots, else of top votes) and turnout.
void add_majority_and_turnout(WardComparison& ward, const WardResult& real, const Measures& m,
                              std::size_t n, double top_total) {
    ward.majority_votes = actual_majority(real);
    const double ballots = m.ballots[n] ? *m.ballots[n] : top_total;
    if (ward.majority_votes && ballots > 0.0) {
        ward.majority_pct = 100.0 * *ward.majority_votes / ballots;
    }
    if (m.ballots[n] && m.electorate[n] && *m.electorate[n] > 0.0) {
        ward.turnout = *m.ballots[n] / *m.electorate[n];
    }
}

void add_to_council(CouncilRow& entry, const PartyComparison& party) {
    entry.party = party.party;
    entry.actual_seats += party.actual_seats;
    entry.notional_seats += party.notional_seats;
    entry.gains += std::max(0, party.change());
    entry.losses += std::max(0, -party.change());
}

/// The council's rows: old, notional and actual seats per party group, named, most actual seats
/// first.
std::vector<CouncilRow> council_rows(std::map<std::string, CouncilRow> council,
                                     const NotionalBase& base, const Election& actual) {
    std::map<std::string, int> old_seats;
    for (const auto& [party, seats] : base.old_seats) old_seats[group(party)] += seats;
    for (const auto& [party, seats] : old_seats) council[party].party = party;
    std::vector<CouncilRow> rows;
    for (auto& [party, entry] : council) {
        entry.old_seats = old_seats.contains(party) ? old_seats.at(party) : 0;
        const auto name = base.party_names.find(party);
        const auto actual_name = actual.party_names.find(party);
        entry.name = party == "IND"                            ? "Independent"
                     : name != base.party_names.end()          ? name->second
                     : actual_name != actual.party_names.end() ? actual_name->second
                                                               : party;
        if (entry.old_seats != 0 || entry.notional_seats != 0 || entry.actual_seats != 0) {
            rows.push_back(entry);
        }
    }
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
        return std::tie(b.actual_seats, b.notional_seats, b.old_seats) <
               std::tie(a.actual_seats, a.notional_seats, a.old_seats);
    });
    return rows;
}

}  // namespace

Comparison compare(const NotionalBase& base, const Election& actual, ShareConvention convention,
                   double knife_edge_pct) {
    std::vector<std::string> codes;
    std::vector<std::string> names;
    for (const auto& ward : base.wards) {
        codes.push_back(ward.code);
        names.push_back(ward.name);
    }
    const auto matched = match_wards(actual, {codes, names, "the notional base"});
    const Measures m = measure(actual, matched, base.wards.size());
    const Eigen::VectorXd tot_totals = ward_totals(m.tot);
    const Eigen::VectorXd top_totals = ward_totals(m.top);

    Comparison result;
    result.convention = convention;
    result.knife_edge_pct = knife_edge_pct;
    result.variants = base.variants;
    std::map<std::string, CouncilRow> council;
    for (std::size_t w = 0; w < actual.wards.size(); ++w) {
        const std::size_t n = matched[w];
        const BaseWard& notional = base.wards[n];
        const WardResult& real = actual.wards[w];
        WardComparison ward;
        ward.code = notional.code;
        ward.name = notional.name;
        ward.seats = m.seats[n];
        ward.change_class = notional.change_class;
        ward.partial = notional.partial;
        if (notional.seats != 0 && notional.seats != ward.seats) {
            throw DataError(actual.path.string() + ": ward " + real.label() + " elected " +
                            std::to_string(ward.seats) + " but has " +
                            std::to_string(notional.seats) + " seats in the notional base");
        }
        ward.notional_majority_pct = notional.margin_pct;
        ward.notional_knife_edge = notional.margin_pct && *notional.margin_pct < knife_edge_pct;
        ward.notional_turnout = notional.turnout;

        const auto row = static_cast<Eigen::Index>(n);
        const double total = tot_totals[row];
        const double top_total = top_totals[row];
        const auto real_parties = actual_parties(m, n);
        add_majority_and_turnout(ward, real, m, n, top_total);
        if (notional.seats == 0) {
            // No notional to judge against: most of the ward comes from old wards whose votes
            // are unknown. Its actual result is shown; it stays out of the council's sums.
            leave_unjudged(ward, real_parties, total);
            result.wards.push_back(std::move(ward));
            continue;
        }
        const BaseWard before_ward = grouped(notional);
        std::vector<std::string> parties;
        for (const auto& party : before_ward.parties) parties.push_back(party.code);
        for (const auto& [code, entry] : real_parties) {
            if (!before_ward.party(code)) parties.push_back(code);
        }
        for (const auto& code : parties) {
            const ActualParty real_party =
                real_parties.contains(code) ? real_parties.at(code) : ActualParty{};
            const double denominator = convention == ShareConvention::total ? total : top_total;
            PartyComparison party =
                compare_party(code, before_ward.party(code), real_party, convention, denominator,
                              !notional.parties.empty());
            // An unchanged ward's notional is its real result: no knife-edge makes it uncertain.
            judge(party, before_ward.party(code), base.variants,
                  ward.notional_knife_edge && ward.change_class != ChangeClass::unchanged);
            ward.parties.push_back(std::move(party));
            add_to_council(council[code], ward.parties.back());
        }
        std::stable_sort(
            ward.parties.begin(), ward.parties.end(),
            [](const auto& a, const auto& b) { return a.actual_votes > b.actual_votes; });
        ward.label = label_of(ward);
        ward.winner = winner_of(ward.parties);
        add_swing(ward);
        result.wards.push_back(std::move(ward));
    }
    std::sort(result.wards.begin(), result.wards.end(),
              [](const auto& a, const auto& b) { return a.code < b.code; });
    result.council = council_rows(std::move(council), base, actual);
    return result;
}

std::pair<std::size_t, int> Comparison::judged() const {
    std::size_t judged_wards = 0;
    int seats = 0;
    for (const auto& ward : wards) {
        if (!ward.judged) continue;
        seats += ward.seats;
        ++judged_wards;
    }
    return {judged_wards, seats};
}

}  // namespace notional::model

#include "model/base.hpp"

#include <algorithm>
#include <cmath>

#include "core/csv.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "model/ordering.hpp"

namespace notional::model {

const BaseParty* BaseWard::party(const std::string& party_code) const {
    for (const auto& entry : parties) {
        if (entry.code == party_code) return &entry;
    }
    return nullptr;
}

namespace {

/// Per crosswalk run, per new ward: the total of all votes and of top votes, and the parties'
/// votes and top votes by ward (row-major: a ward's parties are read without a search).
struct RunTotals {
    std::vector<Eigen::VectorXd> tot, top;
    std::vector<SparseRows> tot_rows, top_rows;
    explicit RunTotals(const std::vector<Run>& runs) {
        for (const auto& run : runs) {
            tot.push_back(ward_totals(run.notional->carried.tot));
            top.push_back(ward_totals(run.notional->carried.top));
            tot_rows.emplace_back(run.notional->carried.tot);
            top_rows.emplace_back(run.notional->carried.top);
        }
    }
};

/// Votes and shares of party `p` in new ward `n` under every crosswalk run, the chosen one
/// first; its seats under every seat rule of every run. Shares only where the ward is `known`.
void add_votes(BaseParty& party, const std::vector<Run>& runs, const RunTotals& totals,
               std::size_t n, std::size_t p, bool known) {
    const auto row = static_cast<Eigen::Index>(n);
    const auto col = static_cast<Eigen::Index>(p);
    for (std::size_t r = 0; r < runs.size(); ++r) {
        const double votes = totals.tot_rows[r].coeff(row, col);
        const double total = totals.tot[r][row];
        std::optional<double> share;
        if (known && total > 0.0) share = votes / total;
        if (r == 0) {
            party.votes = party.votes_min = party.votes_max = votes;
            party.share = party.share_min = party.share_max = share;
            const double top_total = totals.top[r][row];
            party.top = totals.top_rows[r].coeff(row, col);
            if (known && top_total > 0.0) party.share_top = party.top / top_total;
        }
        party.votes_min = std::min(party.votes_min, votes);
        party.votes_max = std::max(party.votes_max, votes);
        if (share && party.share_min) {
            party.share_min = std::min(*party.share_min, *share);
            party.share_max = std::max(*party.share_max, *share);
        }
        for (const auto& rule : runs[r].seats) {
            const WardSeats& seats = rule.seats[n];
            if (seats.unknown) continue;
            const auto won = seats.by_party();
            party.variant_seats[runs[r].name + "/" + rule.name] =
                won.contains(party.code) ? won.at(party.code) : 0;
        }
    }
}

/// The party's seats under the chosen variant, and for its k-th seat the share of variants in
/// which it has at least k.
void add_seats(BaseParty& party, const std::string& chosen_variant) {
    party.seats = party.variant_seats[chosen_variant];
    int most = 0;
    for (const auto& [name, seats] : party.variant_seats) most = std::max(most, seats);
    for (int k = 1; k <= most; ++k) {
        const auto winning = std::count_if(party.variant_seats.begin(), party.variant_seats.end(),
                                           [&](const auto& entry) { return entry.second >= k; });
        party.seat_support.push_back(static_cast<double>(winning) /
                                     static_cast<double>(party.variant_seats.size()));
    }
}

}  // namespace

NotionalBase make_base(const std::vector<std::string>& codes, const std::vector<std::string>& names,
                       const std::vector<Run>& runs, const std::vector<WardHonesty>& honesty,
                       const Sparse& rounded) {
    NotionalBase base;
    const Notional& notional = *runs.front().notional;
    const Measures& old = notional.old;
    const Measures& m = notional.carried;
    const auto& rules = runs.front().seats;
    for (const auto& run : runs) {
        for (const auto& rule : run.seats) base.variants.push_back(run.name + "/" + rule.name);
    }
    for (std::size_t p = 0; p < old.parties.size(); ++p) {
        base.party_names[old.parties[p]] = old.party_names[p];
    }
    for (const auto& winners : old.winners) {
        for (const auto& party : winners) ++base.old_seats[party];
    }
    const RunTotals totals(runs);
    const SparseRows rounded_rows = rounded;
    for (const std::size_t n : order_by_code(codes)) {
        const auto row = static_cast<Eigen::Index>(n);
        const WardSeats* chosen = rules.empty() ? nullptr : &rules.front().seats[n];
        BaseWard ward;
        ward.code = codes[n];
        ward.name = names[n];
        ward.change_class = honesty[n].change;
        ward.reached = !honesty[n].sources.empty();
        ward.partial = notional.partial[n];
        if (chosen && !chosen->unknown) {
            ward.seats = chosen->seats;
            ward.margin_pct = chosen->margin_pct;
            ward.knife_edge = chosen->knife_edge;
        }
        if (m.ballots[n] && m.electorate[n] && *m.electorate[n] > 0.0) {
            ward.turnout = *m.ballots[n] / *m.electorate[n];
        }
        std::map<std::string, int> predecessor;
        if (ward.reached) {
            for (const auto& party : old.winners[honesty[n].sources.front().first]) {
                ++predecessor[party];
            }
        }
        for (const std::size_t p : parties_in(totals.tot_rows.front(), old.parties, n, chosen)) {
            BaseParty party;
            party.code = m.parties[p];
            party.name = m.party_names[p];
            party.votes_rounded =
                static_cast<long long>(rounded_rows.coeff(row, static_cast<Eigen::Index>(p)));
            add_votes(party, runs, totals, n, p, !ward.partial);
            if (chosen && !chosen->unknown) add_seats(party, base.variants.front());
            if (ward.reached) {
                party.predecessor_seats =
                    predecessor.contains(party.code) ? predecessor.at(party.code) : 0;
            }
            ward.parties.push_back(std::move(party));
        }
        base.wards.push_back(std::move(ward));
    }
    return base;
}

}  // namespace notional::model

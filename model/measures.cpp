#include "model/measures.hpp"

#include <algorithm>
#include <map>

#include "core/error.hpp"
#include "model/parties.hpp"

namespace notional::model {

std::size_t Measures::party_index(const std::string& code) const {
    const auto it = std::lower_bound(parties.begin(), parties.end(), code);
    if (it == parties.end() || *it != code) throw DataError("no party " + code + " in the results");
    return static_cast<std::size_t>(it - parties.begin());
}

Eigen::VectorXd ward_totals(const Sparse& wards_by_parties) {
    return wards_by_parties * Eigen::VectorXd::Ones(wards_by_parties.cols());
}

Measures measure(const Election& election, const std::vector<std::size_t>& polygon,
                 std::size_t ward_count) {
    Measures m;
    for (const auto& [code, name] : election.party_names) {
        m.parties.push_back(code);
        m.party_names.push_back(name);
        m.independent.push_back(is_independent(code));
    }
    m.seats.assign(ward_count, 0);
    m.electorate.assign(ward_count, std::nullopt);
    m.ballots.assign(ward_count, std::nullopt);
    m.contested.assign(ward_count, false);
    m.uncontested.assign(ward_count, false);
    m.winners.assign(ward_count, {});

    using Triplets = std::vector<Eigen::Triplet<double>>;
    Triplets tot;
    Triplets top;
    Triplets stood;
    std::vector<Triplets> rank;
    for (std::size_t w = 0; w < election.wards.size(); ++w) {
        const WardResult& ward = election.wards[w];
        const std::size_t row = polygon.at(w);
        m.seats[row] = ward.seats.value_or(0);
        m.electorate[row] = ward.electorate;
        m.ballots[row] = ward.ballots;
        m.uncontested[row] = ward.uncontested;
        m.contested[row] = !ward.uncontested;

        // Candidates best first; equal votes keep the file's order.
        std::vector<const Candidate*> sorted;
        for (const auto& candidate : ward.candidates) sorted.push_back(&candidate);
        std::stable_sort(sorted.begin(), sorted.end(), [](const Candidate* a, const Candidate* b) {
            return a->votes > b->votes;
        });
        for (const Candidate* c : sorted) {
            if (c->elected) m.winners[row].push_back(c->party);
        }
        if (ward.uncontested) continue;
        std::map<std::string, int> count;
        for (const Candidate* c : sorted) {
            const int p = static_cast<int>(m.party_index(c->party));
            const int i = count[c->party]++;
            if (static_cast<std::size_t>(i) >= rank.size()) {
                rank.resize(static_cast<std::size_t>(i) + 1);
            }
            const auto r = static_cast<int>(row);
            rank[static_cast<std::size_t>(i)].emplace_back(r, p, c->votes);
            tot.emplace_back(r, p, c->votes);
            if (i == 0) top.emplace_back(r, p, c->votes);
            stood.emplace_back(r, p, 1.0);
        }
    }
    const auto rows = static_cast<Eigen::Index>(ward_count);
    const auto cols = static_cast<Eigen::Index>(m.parties.size());
    auto build = [&](const Triplets& triplets) {
        Sparse matrix(rows, cols);
        matrix.setFromTriplets(triplets.begin(), triplets.end());
        return matrix;
    };
    m.tot = build(tot);
    m.top = build(top);
    m.stood = build(stood);
    m.avg = m.tot.cwiseQuotient(m.stood);  // Sparse: only where the party stood
    for (const auto& triplets : rank) m.rank.push_back(build(triplets));
    return m;
}

}  // namespace notional::model

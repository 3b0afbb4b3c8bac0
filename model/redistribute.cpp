#include "model/redistribute.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "model/csv.hpp"
#include "model/error.hpp"

namespace notional::model {

double PartyLedger::imbalance() const {
    const double difference = std::abs(new_votes + lost_sliver + lost_outside - old_votes);
    return old_votes > 0.0 ? difference / old_votes : difference;
}

double NotionalVotes::old_total() const {
    double total = 0.0;
    for (const auto& entry : ledger) total += entry.old_votes;
    return total;
}

double NotionalVotes::lost_total() const {
    double total = 0.0;
    for (const auto& entry : ledger) total += entry.lost_sliver + entry.lost_outside;
    return total;
}

NotionalVotes redistribute(const Election& election, const std::vector<std::size_t>& old_polygon,
                           const Crosswalk& crosswalk, const RedistributeOptions& options) {
    NotionalVotes result;
    for (const auto& [code, name] : election.party_names) result.parties.push_back(code);
    std::map<std::string, int> column;
    for (std::size_t p = 0; p < result.parties.size(); ++p) {
        column[result.parties[p]] = static_cast<int>(p);
    }

    // V[o,p]: each old ward's votes per party, the sum over the party's candidates.
    std::vector<Eigen::Triplet<double>> triplets;
    for (std::size_t w = 0; w < election.wards.size(); ++w) {
        const WardResult& ward = election.wards[w];
        if (ward.uncontested) {
            ++result.uncontested_old;  // votes unknown: carried as nothing, never as zeros
            continue;
        }
        for (const Candidate& candidate : ward.candidates) {
            triplets.emplace_back(static_cast<int>(old_polygon.at(w)), column.at(candidate.party),
                                  candidate.votes);
        }
    }
    const auto old_count = static_cast<Eigen::Index>(crosswalk.old_count());
    const auto party_count = static_cast<Eigen::Index>(result.parties.size());
    Eigen::SparseMatrix<double> old_votes(old_count, party_count);
    old_votes.setFromTriplets(triplets.begin(), triplets.end());

    // N = f^T V: every party at once.
    const Eigen::SparseMatrix<double> f = crosswalk.shares();
    result.votes = Eigen::SparseMatrix<double>(f.transpose()) * old_votes;

    // The ledger, computed apart from the product so that the two check each other.
    Eigen::VectorXd sliver(old_count), outside(old_count);
    for (Eigen::Index o = 0; o < old_count; ++o) {
        const auto& entry = crosswalk.ledger()[static_cast<std::size_t>(o)];
        sliver[o] = entry.sliver;
        outside[o] = entry.outside;
    }
    const Eigen::VectorXd ones = Eigen::VectorXd::Ones(old_count);
    const Eigen::VectorXd old_sum = old_votes.transpose() * ones;
    const Eigen::VectorXd new_sum =
        result.votes.transpose() * Eigen::VectorXd::Ones(result.votes.rows());
    const Eigen::VectorXd sliver_sum = old_votes.transpose() * sliver;
    const Eigen::VectorXd outside_sum = old_votes.transpose() * outside;
    for (Eigen::Index p = 0; p < party_count; ++p) {
        PartyLedger entry;
        entry.party = result.parties[static_cast<std::size_t>(p)];
        entry.old_votes = old_sum[p];
        entry.new_votes = new_sum[p];
        entry.lost_sliver = sliver_sum[p];
        entry.lost_outside = outside_sum[p];
        if (entry.imbalance() > options.conservation_tolerance) {
            throw DataError(election.path.string() + ": votes for " + entry.party +
                            " do not add up: " + fixed(entry.old_votes, 6) + " in, " +
                            fixed(entry.new_votes, 6) + " allocated, " +
                            fixed(entry.lost_sliver + entry.lost_outside, 6) + " lost");
        }
        result.ledger.push_back(entry);
    }

    const double total = result.old_total();
    const double lost = result.lost_total();
    if (total > 0.0 && lost > options.max_lost * total) {
        // Name the old wards that lose most, so the user can look at the map there.
        std::vector<std::pair<double, std::size_t>> losers;
        for (std::size_t w = 0; w < election.wards.size(); ++w) {
            double votes = 0.0;
            for (const auto& candidate : election.wards[w].candidates) votes += candidate.votes;
            const auto& entry = crosswalk.ledger()[old_polygon[w]];
            losers.emplace_back(votes * (entry.sliver + entry.outside), w);
        }
        std::sort(losers.rbegin(), losers.rend());
        std::string names;
        for (std::size_t i = 0; i < std::min<std::size_t>(3, losers.size()); ++i) {
            if (losers[i].first < 0.05) break;  // would print as 0.0
            names += (i ? ", " : "") + election.wards[losers[i].second].label() + " " +
                     fixed(losers[i].first, 1);
        }
        throw DataError(election.path.string() + ": " + fixed(lost, 1) + " of " + fixed(total, 0) +
                        " votes (" + fixed(100.0 * lost / total, 3) +
                        "%) fall outside the new wards, more than --max-lost " +
                        fixed(100.0 * options.max_lost, 3) + "%; most from " + names);
    }
    return result;
}

}  // namespace notional::model

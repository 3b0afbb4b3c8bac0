#include "model/redistribute.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/csv.hpp"
#include "core/error.hpp"

namespace notional::model {

double PartyLedger::imbalance() const {
    const double difference = std::abs(new_votes + lost() - old_votes);
    return old_votes > 0.0 ? difference / old_votes : difference;
}

double Notional::old_total() const {
    double total = 0.0;
    for (const auto& entry : ledger) total += entry.old_votes;
    return total;
}

double Notional::lost_total() const {
    double total = 0.0;
    for (const auto& entry : ledger) total += entry.lost();
    return total;
}

Sparse carry(const Sparse& old_values, const Crosswalk& crosswalk, const std::vector<bool>& whole) {
    const Sparse f = crosswalk.shares();
    if (std::none_of(whole.begin(), whole.end(), [](bool w) { return w; })) {
        return Sparse(f.transpose()) * old_values;
    }
    Eigen::VectorXd parties(old_values.cols());
    Eigen::VectorXd independents(old_values.cols());
    for (Eigen::Index p = 0; p < old_values.cols(); ++p) {
        independents[p] = whole[static_cast<std::size_t>(p)] ? 1.0 : 0.0;
        parties[p] = 1.0 - independents[p];
    }
    const Sparse successor = crosswalk.whole();
    const Sparse by_share = Sparse(f.transpose()) * (old_values * parties.asDiagonal());
    const Sparse by_whole =
        Sparse(successor.transpose()) * (old_values * independents.asDiagonal());
    return (by_share + by_whole).pruned();
}

namespace {

/// A ward-level quantity (electorate, ballots) on the new wards: known where every old ward
/// it draws on knows it.
std::vector<std::optional<double>> carry_ward_values(
    const std::vector<std::optional<double>>& old_values, const Crosswalk& crosswalk) {
    std::vector<std::optional<double>> out(crosswalk.new_count(), 0.0);
    const auto& f = crosswalk.shares();
    for (Eigen::Index o = 0; o < f.outerSize(); ++o) {
        for (SparseRows::InnerIterator it(f, o); it; ++it) {
            auto& slot = out[static_cast<std::size_t>(it.col())];
            const auto& value = old_values[static_cast<std::size_t>(o)];
            if (slot && value) {
                *slot += it.value() * *value;
            } else {
                slot.reset();
            }
        }
    }
    for (std::size_t n = 0; n < out.size(); ++n) {
        if (crosswalk.new_weight()[n] <= 0.0) out[n].reset();  // draws on nothing: unknown
    }
    return out;
}

/// Per party: whether it is carried whole (RedistributeOptions); counts the strong independents.
std::vector<bool> whole_parties(const Measures& old, const RedistributeOptions& options,
                                std::size_t& strong) {
    std::vector<bool> whole(old.independent.begin(), old.independent.end());
    if (options.split_independents) whole.assign(whole.size(), false);
    if (options.split_independents || !options.strong_independent_share) return whole;
    const Eigen::VectorXd totals = old.tot * Eigen::VectorXd::Ones(old.tot.cols());
    for (Eigen::Index o = 0; o < old.tot.outerSize(); ++o) {
        for (Sparse::InnerIterator it(old.tot, o); it; ++it) {
            const auto p = static_cast<std::size_t>(it.col());
            if (!whole[p] || totals[it.row()] <= 0.0) continue;
            if (it.value() >= *options.strong_independent_share * totals[it.row()]) {
                whole[p] = false;
                ++strong;
            }
        }
    }
    return whole;
}

/// Per party: votes in, allocated, and lost by the crosswalk's ledger, computed apart from the
/// product so that the two check each other.
std::vector<PartyLedger> party_ledger(const Measures& old, const Measures& carried,
                                      const Crosswalk& crosswalk) {
    const auto old_count = static_cast<Eigen::Index>(crosswalk.old_count());
    Eigen::VectorXd sliver(old_count);
    Eigen::VectorXd gap(old_count);
    Eigen::VectorXd outside(old_count);
    for (Eigen::Index o = 0; o < old_count; ++o) {
        const auto& entry = crosswalk.ledger()[static_cast<std::size_t>(o)];
        sliver[o] = entry.sliver;
        gap[o] = entry.gap;
        outside[o] = entry.outside;
    }
    const Eigen::VectorXd old_sum = old.tot.transpose() * Eigen::VectorXd::Ones(old_count);
    const Eigen::VectorXd new_sum =
        carried.tot.transpose() * Eigen::VectorXd::Ones(carried.tot.rows());
    const Eigen::VectorXd sliver_sum = old.tot.transpose() * sliver;
    const Eigen::VectorXd gap_sum = old.tot.transpose() * gap;
    const Eigen::VectorXd outside_sum = old.tot.transpose() * outside;
    std::vector<PartyLedger> ledger;
    for (std::size_t p = 0; p < old.parties.size(); ++p) {
        const auto i = static_cast<Eigen::Index>(p);
        ledger.push_back(
            {old.parties[p], old_sum[i], new_sum[i], sliver_sum[i], gap_sum[i], outside_sum[i]});
    }
    return ledger;
}

}  // namespace

Notional redistribute(const Election& election, const std::vector<std::size_t>& old_polygon,
                      const Crosswalk& crosswalk, const RedistributeOptions& options) {
    Notional result;
    result.old = measure(election, old_polygon, crosswalk.old_count());
    const Measures& old = result.old;
    for (bool uncontested : old.uncontested) result.uncontested_old += uncontested ? 1 : 0;
    result.independents_split = options.split_independents;
    result.whole = whole_parties(old, options, result.strong_independents);

    Measures& carried = result.carried;
    carried.parties = old.parties;
    carried.party_names = old.party_names;
    carried.independent = old.independent;
    auto move = [&](const Sparse& values) { return carry(values, crosswalk, result.whole); };
    carried.tot = move(old.tot);
    carried.top = move(old.top);
    carried.avg = move(old.avg);
    for (const Sparse& rank : old.rank) carried.rank.push_back(move(rank));
    carried.electorate = carry_ward_values(old.electorate, crosswalk);
    carried.ballots = carry_ward_values(old.ballots, crosswalk);
    const std::size_t new_count = crosswalk.new_count();
    carried.seats.assign(new_count, 0);
    carried.winners.assign(new_count, {});
    carried.uncontested.assign(new_count, false);
    carried.contested.assign(new_count, true);
    result.partial.assign(new_count, false);
    // Per new ward and party, the most candidates the party stood in any old ward the new ward
    // draws on (a slate size, for block votes: not additive, so not carried).
    const auto& f = crosswalk.shares();
    const SparseRows stood_by_ward = old.stood;
    std::map<std::pair<int, int>, double> most;
    for (Eigen::Index o = 0; o < f.outerSize(); ++o) {
        for (SparseRows::InnerIterator it(f, o); it; ++it) {
            const auto n = static_cast<std::size_t>(it.col());
            if (!old.contested[static_cast<std::size_t>(o)]) {
                // Votes unknown here: the new ward is partial, never filled with zeros.
                result.partial[n] = true;
                carried.contested[n] = false;
                if (old.uncontested[static_cast<std::size_t>(o)]) carried.uncontested[n] = true;
            }
            for (SparseRows::InnerIterator p(stood_by_ward, o); p; ++p) {
                double& slot = most[{static_cast<int>(n), static_cast<int>(p.col())}];
                slot = std::max(slot, p.value());
            }
        }
    }
    std::vector<Eigen::Triplet<double>> stood;
    stood.reserve(most.size());
    for (const auto& [key, count] : most) stood.emplace_back(key.first, key.second, count);
    carried.stood.resize(static_cast<Eigen::Index>(new_count),
                         static_cast<Eigen::Index>(old.parties.size()));
    carried.stood.setFromTriplets(stood.begin(), stood.end());

    result.ledger = party_ledger(old, carried, crosswalk);
    for (const PartyLedger& entry : result.ledger) {
        if (entry.imbalance() > options.conservation_tolerance) {
            throw DataError(election.path.string() + ": votes for " + entry.party +
                            " do not add up: " + fixed(entry.old_votes, 6) + " in, " +
                            fixed(entry.new_votes, 6) + " allocated, " + fixed(entry.lost(), 6) +
                            " lost");
        }
    }
    return result;
}

void check_lost(const Notional& notional, const Election& election,
                const std::vector<std::size_t>& old_polygon, const Crosswalk& crosswalk,
                const std::string& crosswalk_name, double max_lost) {
    const double total = notional.old_total();
    const double lost = notional.lost_total();
    if (total <= 0.0 || lost <= max_lost * total) return;
    // Name the old wards that lose most, and why, so the user can look at the map there.
    std::vector<std::pair<double, std::size_t>> losers;
    for (std::size_t w = 0; w < election.wards.size(); ++w) {
        double votes = 0.0;
        for (const auto& candidate : election.wards[w].candidates) votes += candidate.votes;
        losers.emplace_back(votes * crosswalk.ledger()[old_polygon[w]].lost(), w);
    }
    std::sort(losers.rbegin(), losers.rend());
    std::string names;
    std::vector<Setting> about{Setting::max_lost, Setting::councils};
    for (std::size_t i = 0; i < std::min<std::size_t>(3, losers.size()); ++i) {
        if (losers[i].first < 0.05) break;  // would print as 0.0
        const auto& entry = crosswalk.ledger()[old_polygon[losers[i].second]];
        std::string why;
        if (entry.outside > 0.0 && entry.allocated <= 0.0) {
            why = "no part on the new map";
        } else if (entry.outside > 0.0) {
            why = fixed(100.0 * entry.outside, 0) +
                  "% beyond the new map, more than may be spread over the rest";
            about.push_back(Setting::max_uncovered);
        } else if (entry.gap >= entry.sliver) {
            why = fixed(100.0 * entry.gap, 1) + "% in a gap inside the new map";
        } else {
            why = "slivers";
        }
        names += (i != 0 ? ", " : "") + election.wards[losers[i].second].label() + " " +
                 fixed(losers[i].first, 1) + " (" + why + ")";
    }
    throw DataError(election.path.string() + ": the " + crosswalk_name + " crosswalk loses " +
                        fixed(lost, 1) + " of " + fixed(total, 0) + " votes (" +
                        fixed(100.0 * lost / total, 3) + "%), more than the limit of " +
                        fixed(100.0 * max_lost, 3) + "%; most from " + names +
                        ". Check that both maps cover the same councils, or allow more lost "
                        "votes; ledger.csv of a run with a higher limit shows every ward",
                    std::move(about));
}

}  // namespace notional::model

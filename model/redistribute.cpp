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

SparseRows Notional::route(std::size_t party, const Crosswalk& crosswalk) const {
    if (whole[party]) return crosswalk.whole();
    if (supported(party)) return crosswalk.shares().cwiseProduct(support[party]);
    return crosswalk.shares();
}

Sparse carry(const Sparse& old_values, const Crosswalk& crosswalk, const Notional& notional) {
    // Parties that follow the shares or go whole move together; each party that follows its
    // local support moves on its own.
    Eigen::VectorXd by_share(old_values.cols());
    Eigen::VectorXd by_whole(old_values.cols());
    std::vector<Eigen::Triplet<double>> supported;
    for (Eigen::Index p = 0; p < old_values.cols(); ++p) {
        const auto party = static_cast<std::size_t>(p);
        by_whole[p] = notional.whole[party] ? 1.0 : 0.0;
        by_share[p] = notional.whole[party] || notional.supported(party) ? 0.0 : 1.0;
        if (by_whole[p] != 0.0 || by_share[p] != 0.0) continue;
        const Sparse moved =
            Sparse(notional.route(party, crosswalk).transpose()) * old_values.col(p);
        for (Sparse::InnerIterator it(moved, 0); it; ++it) {
            supported.emplace_back(static_cast<int>(it.row()), static_cast<int>(p), it.value());
        }
    }
    Sparse result = Sparse(crosswalk.shares().transpose()) * (old_values * by_share.asDiagonal());
    if (by_whole.sum() > 0.0) {
        result += Sparse(crosswalk.whole().transpose()) * (old_values * by_whole.asDiagonal());
    }
    if (!supported.empty()) {
        Sparse own(result.rows(), result.cols());
        own.setFromTriplets(supported.begin(), supported.end());
        result += own;
    }
    return result.pruned();
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

/// Per party, its largest share of the votes in any council the election names (a country, in
/// a general election): a minor party has little everywhere.
std::vector<double> council_shares(const Election& election, const Measures& old) {
    std::map<std::string, std::map<std::string, double>> votes;  // council -> party -> votes
    std::map<std::string, double> totals;
    for (const WardResult& ward : election.wards) {
        const std::string& council =
            ward.council_name.empty() ? ward.council_code : ward.council_name;
        for (const Candidate& candidate : ward.candidates) {
            votes[council][candidate.party] += candidate.votes;
            totals[council] += candidate.votes;
        }
    }
    std::vector<double> share(old.parties.size(), 0.0);
    for (const auto& [council, parties] : votes) {
        if (totals[council] <= 0.0) continue;
        for (const auto& [party, count] : parties) {
            double& slot = share[old.party_index(party)];
            slot = std::max(slot, count / totals[council]);
        }
    }
    return share;
}

/// Per party: whether it is carried whole (RedistributeOptions); counts the strong independents
/// and the minor parties carried whole.
std::vector<bool> whole_parties(const Election& election, const Measures& old,
                                const RedistributeOptions& options, Notional& result) {
    std::vector<bool> whole(old.independent.begin(), old.independent.end());
    if (options.split_independents) whole.assign(whole.size(), false);
    if (options.split_independents || !options.strong_independent_share) return whole;
    // A general election: minor parties go whole like independents, and the Speaker.
    const std::vector<double> council_share = council_shares(election, old);
    std::vector<bool> minor(whole.size(), false);
    for (std::size_t p = 0; p < whole.size(); ++p) {
        minor[p] = !whole[p] && council_share[p] < options.minor_party_share;
        if (old.parties[p] == "SPK") minor[p] = true;
    }
    // Any candidate of theirs with the strong share of a seat's vote splits them (the Speaker
    // stays whole).
    std::vector<bool> strong(whole.size(), false);
    const Eigen::VectorXd totals = ward_totals(old.tot);
    for (Eigen::Index o = 0; o < old.tot.outerSize(); ++o) {
        for (Sparse::InnerIterator it(old.tot, o); it; ++it) {
            const auto p = static_cast<std::size_t>(it.col());
            if (totals[it.row()] > 0.0 &&
                it.value() >= *options.strong_independent_share * totals[it.row()]) {
                strong[p] = old.parties[p] != "SPK";
            }
        }
    }
    for (std::size_t p = 0; p < whole.size(); ++p) {
        if (whole[p] && strong[p]) {
            whole[p] = false;
            ++result.strong_independents;
        } else if (minor[p] && !strong[p]) {
            whole[p] = true;
            ++result.minor_whole;
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
                      const Crosswalk& crosswalk, const RedistributeOptions& options,
                      const PartySupport* support) {
    Notional result;
    result.old = measure(election, old_polygon, crosswalk.old_count());
    const Measures& old = result.old;
    for (bool uncontested : old.uncontested) result.uncontested_old += uncontested ? 1 : 0;
    result.independents_split = options.split_independents;
    result.whole = whole_parties(election, old, options, result);
    if (support) result.support = support->factors(crosswalk, old.parties);

    Measures& carried = result.carried;
    carried.parties = old.parties;
    carried.party_names = old.party_names;
    carried.independent = old.independent;
    auto move = [&](const Sparse& values) { return carry(values, crosswalk, result); };
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
    std::vector<Eigen::Triplet<double>> stood;  // (new ward, party, slate) of every piece
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
                stood.emplace_back(static_cast<int>(n), static_cast<int>(p.col()), p.value());
            }
        }
    }
    carried.stood.resize(static_cast<Eigen::Index>(new_count),
                         static_cast<Eigen::Index>(old.parties.size()));
    carried.stood.setFromTriplets(stood.begin(), stood.end(),
                                  [](double a, double b) { return std::max(a, b); });

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

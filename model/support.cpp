#include "model/support.hpp"

#include <cmath>

#include "model/measures.hpp"

namespace notional::model {

LocalElection local_election(const Election& election, const std::vector<std::size_t>& polygon,
                             std::size_t ward_count) {
    const Measures measures = measure(election, polygon, ward_count);
    const Eigen::VectorXd totals = ward_totals(measures.tot);
    LocalElection local{election.path.string(),
                        std::vector<std::map<std::string, double>>(ward_count)};
    const SparseRows tot = measures.tot;
    for (Eigen::Index w = 0; w < tot.outerSize(); ++w) {
        if (!measures.contested[static_cast<std::size_t>(w)] || totals[w] <= 0.0) continue;
        for (SparseRows::InnerIterator it(tot, w); it; ++it) {
            local.shares[static_cast<std::size_t>(w)]
                        [measures.parties[static_cast<std::size_t>(it.col())]] =
                it.value() / totals[w];
        }
    }
    return local;
}

namespace {

/// A sum of people and of people times a value, for a people-weighted mean.
struct Mean {
    double people = 0.0, weighted = 0.0;
    void add(double count, double value) {
        people += count;
        weighted += count * value;
    }
    [[nodiscard]] double value() const { return weighted / people; }
};

}  // namespace

PartySupport::PartySupport(const std::vector<PeopleSample>& samples,
                           const std::vector<LocalElection>& elections)
    : m_elections(elections.size()) {
    // Each place's support per party: its share in the place's local ward, averaged over the
    // elections in which the party stood there.
    std::vector<std::map<std::string, double>> at(samples.size());
    std::map<std::pair<std::size_t, std::string>, Mean> seat_mean;  // (old, party)
    for (std::size_t s = 0; s < samples.size(); ++s) {
        const PeopleSample& sample = samples[s];
        m_people += sample.people;
        std::map<std::string, Mean> mean;
        bool covered = false;
        for (std::size_t e = 0; e < elections.size() && e < sample.local.size(); ++e) {
            const std::size_t ward = sample.local[e];
            if (ward == no_local_ward || elections[e].shares[ward].empty()) continue;
            covered = true;
            for (const auto& [party, share] : elections[e].shares[ward]) {
                mean[party].add(1.0, share);
            }
        }
        if (covered) m_covered += sample.people;
        for (const auto& [party, value] : mean) {
            at[s][party] = value.value();
            seat_mean[{sample.old_index, party}].add(sample.people, value.value());
        }
    }
    // Each piece's people-weighted support over its old ward's: 1 where the place's support is
    // unknown, or the ward's is nil.
    std::map<std::pair<std::size_t, std::size_t>, double> piece_people;
    std::map<std::string, std::map<std::pair<std::size_t, std::size_t>, double>> weighted;
    for (std::size_t s = 0; s < samples.size(); ++s) {
        const PeopleSample& sample = samples[s];
        const std::pair piece{sample.old_index, sample.new_index};
        piece_people[piece] += sample.people;
        for (auto it = seat_mean.lower_bound({sample.old_index, ""});
             it != seat_mean.end() && it->first.first == sample.old_index; ++it) {
            const std::string& party = it->first.second;
            const double average = it->second.people > 0.0 ? it->second.value() : 0.0;
            const auto known = at[s].find(party);
            const double relative =
                known != at[s].end() && average > 0.0 ? known->second / average : 1.0;
            weighted[party][piece] += sample.people * relative;
        }
    }
    std::vector<bool> reached;
    for (auto& [party, pieces] : weighted) {
        for (auto& [piece, value] : pieces) {
            const double people = piece_people[piece];
            value = people > 0.0 ? value / people : 1.0;
            if (std::abs(value - 1.0) > 1e-12) {
                if (reached.size() <= piece.first) reached.resize(piece.first + 1, false);
                reached[piece.first] = true;
            }
        }
    }
    for (const bool r : reached) m_reached += r ? 1 : 0;
    m_relative = std::move(weighted);
}

std::vector<SparseRows> PartySupport::factors(const Crosswalk& crosswalk,
                                              const std::vector<std::string>& parties) const {
    const SparseRows& f = crosswalk.shares();
    std::vector<SparseRows> result(parties.size());
    for (std::size_t p = 0; p < parties.size(); ++p) {
        const auto found = m_relative.find(parties[p]);
        if (found == m_relative.end()) continue;
        const auto& relative = found->second;
        std::vector<Eigen::Triplet<double>> triplets;
        bool varies = false;
        for (Eigen::Index o = 0; o < f.outerSize(); ++o) {
            double sum = 0.0;
            double moved = 0.0;
            std::vector<std::pair<Eigen::Index, double>> row;
            for (SparseRows::InnerIterator it(f, o); it; ++it) {
                const auto at = relative.find(
                    {static_cast<std::size_t>(o), static_cast<std::size_t>(it.col())});
                const double factor = at == relative.end() ? 1.0 : at->second;
                sum += it.value();
                moved += it.value() * factor;
                row.emplace_back(it.col(), factor);
            }
            // Scaled so that the row's sum, and so the party's total in the old ward, is kept.
            const double scale = moved > 0.0 ? sum / moved : 0.0;
            for (const auto& [n, factor] : row) {
                const double value = scale > 0.0 ? factor * scale : 1.0;
                varies = varies || std::abs(value - 1.0) > 1e-12;
                triplets.emplace_back(static_cast<int>(o), static_cast<int>(n), value);
            }
        }
        if (!varies) continue;
        result[p].resize(f.rows(), f.cols());
        result[p].setFromTriplets(triplets.begin(), triplets.end());
    }
    return result;
}

}  // namespace notional::model

#pragma once
/// Per old ward and party: total, top and average vote, the rank vector, and per ward its
/// seats, electorate and ballots (METHOD.md §3). Every additive one goes through the crosswalk.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "model/crosswalk.hpp"
#include "model/results.hpp"

namespace notional::model {

struct Measures {
    std::vector<std::string> parties;  ///< party codes, sorted: the columns of every matrix
    std::vector<std::string> party_names;
    std::vector<bool> independent;  ///< per party
    Sparse tot;                     ///< wards x parties: the sum of the party's candidates
    Sparse top;                     ///< wards x parties: its best candidate
    Sparse avg;                     ///< wards x parties: its average candidate
    Sparse stood;                   ///< wards x parties: how many candidates it stood
    std::vector<Sparse> rank;       ///< rank[i]: wards x parties, its (i+1)th candidate's votes
    std::vector<int> seats;         ///< per ward; 0 where unknown
    std::vector<std::optional<double>> electorate, ballots;
    std::vector<bool> contested;  ///< votes known (false: no result, or uncontested)
    std::vector<bool> uncontested;
    /// Per ward, the parties of its winners, best first (for uncontested wards, as listed).
    std::vector<std::vector<std::string>> winners;

    [[nodiscard]] std::size_t ward_count() const { return seats.size(); }
    [[nodiscard]] std::size_t party_index(const std::string& code) const;
};

/// Each ward's sum over parties (rows of a wards x parties matrix), computed in one pass.
[[nodiscard]] Eigen::VectorXd ward_totals(const Sparse& wards_by_parties);

/// Measures of an election on the polygons of its layer: `polygon[w]` is the row of the
/// election's ward w (from match_wards); rows without a result stay empty and uncontested.
[[nodiscard]] Measures measure(const Election& election, const std::vector<std::size_t>& polygon,
                               std::size_t ward_count);

}  // namespace notional::model

#pragma once
/// Local support: where inside an old seat each party's votes lie, from local elections
/// (METHOD.md §10). Within each old ward a party's votes follow people times its local share
/// over the ward's average; a place no local result covers, or where the party did not stand,
/// takes the average: support 1, never 0.
#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "model/crosswalk.hpp"
#include "model/results.hpp"

namespace notional::model {

/// A place's local ward in an election that has none there.
inline constexpr std::size_t no_local_ward = static_cast<std::size_t>(-1);

/// One local election on its own wards: each party's share of each ward's votes, where the
/// party stood in a ward with a result.
struct LocalElection {
    std::string label;                                  ///< the results file, for the summary
    std::vector<std::map<std::string, double>> shares;  ///< per local ward: party code -> share
};

/// The local election's shares; `polygon[w]` is the local ward of the election's ward w.
[[nodiscard]] LocalElection local_election(const Election& election,
                                           const std::vector<std::size_t>& polygon,
                                           std::size_t ward_count);

/// People at one place: in one piece of the overlay (its old and new ward), and in a local ward
/// of each local election (no_local_ward: none holds the place).
struct PeopleSample {
    std::size_t old_index = 0, new_index = 0;
    double people = 0.0;
    std::vector<std::size_t> local;  ///< per local election
};

/// Per party and piece (old ward, new ward): the party's local support among the piece's people
/// over its support among the old ward's, 1 where nothing is known.
class PartySupport {
public:
    PartySupport(const std::vector<PeopleSample>& samples,
                 const std::vector<LocalElection>& elections);

    /// Per party (in `parties` order, the columns of Measures), its factor on each share of the
    /// crosswalk (old x new, the pattern of crosswalk.shares()), scaled so that each old ward's
    /// row keeps its sum: the party's total there is kept exactly. Empty for a party with no
    /// local support anywhere in the old wards.
    [[nodiscard]] std::vector<SparseRows> factors(const Crosswalk& crosswalk,
                                                  const std::vector<std::string>& parties) const;

    [[nodiscard]] std::size_t elections() const { return m_elections; }
    /// People in a place that some local result covers, and in all.
    [[nodiscard]] double people_covered() const { return m_covered; }
    [[nodiscard]] double people() const { return m_people; }
    /// Old wards in which some party's support varies between pieces.
    [[nodiscard]] std::size_t old_wards_reached() const { return m_reached; }

private:
    /// party code -> (old, new) -> relative support.
    std::map<std::string, std::map<std::pair<std::size_t, std::size_t>, double>> m_relative;
    std::size_t m_elections = 0, m_reached = 0;
    double m_covered = 0.0, m_people = 0.0;
};

}  // namespace notional::model

#pragma once
/// Notional results: every measure of the old election carried into the new wards through
/// the crosswalk, with a ledger proving that every vote is allocated or reported lost.
#include <cstddef>
#include <string>
#include <vector>

#include "model/crosswalk.hpp"
#include "model/measures.hpp"
#include "model/results.hpp"
#include "model/support.hpp"

namespace notional::model {

/// One party's votes before and after, and where the difference went.
struct PartyLedger {
    std::string party;
    double old_votes = 0.0;     ///< sum over old wards
    double new_votes = 0.0;     ///< sum over new wards
    double lost_sliver = 0.0;   ///< in pieces dropped as slivers
    double lost_gap = 0.0;      ///< in gaps inside the new map's outline
    double lost_outside = 0.0;  ///< in old wards the new map does not cover (see OldWardLedger)
    /// |new + lost - old| / old: zero up to rounding when every vote is accounted for.
    [[nodiscard]] double imbalance() const;
    [[nodiscard]] double lost() const { return lost_sliver + lost_gap + lost_outside; }
};

struct Notional {
    Measures old;               ///< the old election on the old wards
    Measures carried;           ///< the same measures on the new wards (seats, winners not yet set)
    std::vector<bool> partial;  ///< per new ward: draws on an old ward of unknown votes
    std::vector<PartyLedger> ledger;  ///< one per party, in `old.parties` order
    std::size_t uncontested_old = 0;  ///< old wards without votes (seats only)
    bool independents_split = false;  ///< independents carried like parties, not whole
    /// Per party: carried whole to its old ward's main successor (an independent, unless
    /// independents are split or it is a strong one), else through the shares.
    std::vector<bool> whole;
    std::size_t strong_independents = 0;  ///< independents split for their share of the vote
    std::size_t minor_whole = 0;  ///< minor parties' candidates carried whole (general elections)
    /// Per party: empty, or its factor on each crosswalk share that puts its votes where its
    /// local support is (PartySupport::factors).
    std::vector<SparseRows> support;

    /// The shares party `party`'s votes follow: the main successor's, the crosswalk's, or the
    /// crosswalk's times its support factors.
    [[nodiscard]] SparseRows route(std::size_t party, const Crosswalk& crosswalk) const;
    /// True when party `party`'s votes follow its local support.
    [[nodiscard]] bool supported(std::size_t party) const {
        return party < support.size() && support[party].nonZeros() != 0;
    }

    [[nodiscard]] double old_total() const;
    [[nodiscard]] double lost_total() const;
};

struct RedistributeOptions {
    double max_lost = 0.001;               ///< largest share of all votes that may be lost
    double conservation_tolerance = 1e-9;  ///< relative, per party
    bool split_independents = false;  ///< else each independent goes whole to the main successor
    /// General elections (METHOD.md §10): an independent with at least this share of its old
    /// seat's votes is split like a party, for a strong independent's vote is local; a party
    /// with less than `minor_party_share` of its country's votes (the election's council) is
    /// minor, and its candidates below the strong share go whole like independents. The
    /// Speaker goes whole to the Speaker's successor seat. None: a local election.
    std::optional<double> strong_independent_share;
    double minor_party_share = 0.01;
};

/// Carries an old-ward matrix (old wards x parties) into the new wards as `notional`'s parties
/// move (Notional::route).
[[nodiscard]] Sparse carry(const Sparse& old_values, const Crosswalk& crosswalk,
                           const Notional& notional);

/// `old_polygon[w]` is the crosswalk row of the election's ward w (from match_wards). With
/// `support`, each party's votes within an old ward follow its local support as well as the
/// crosswalk. Throws DataError when a party's ledger does not balance.
[[nodiscard]] Notional redistribute(const Election& election,
                                    const std::vector<std::size_t>& old_polygon,
                                    const Crosswalk& crosswalk,
                                    const RedistributeOptions& options = {},
                                    const PartySupport* support = nullptr);

/// Throws DataError when `notional`, made through the crosswalk named `crosswalk_name`, loses
/// more than `max_lost` of the votes, naming the old wards that lose most and why, and what to
/// do. Only the chosen crosswalk is judged: the others only give ranges.
void check_lost(const Notional& notional, const Election& election,
                const std::vector<std::size_t>& old_polygon, const Crosswalk& crosswalk,
                const std::string& crosswalk_name, double max_lost);

}  // namespace notional::model

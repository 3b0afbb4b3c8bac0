#pragma once
/// The crosswalk f[o,n]: the share of old ward o's weight that lies in new ward n.
#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <Eigen/SparseCore>

#include "core/piece.hpp"

namespace notional::model {

/// Sparse matrices throughout: old or new wards in rows.
using Sparse = Eigen::SparseMatrix<double>;
using SparseRows = Eigen::SparseMatrix<double, Eigen::RowMajor>;

/// Where each old ward's weight went: into new wards, dropped as slivers, or lost outside the
/// map. Shares are of the weight the row is divided by (the ward's, less what was spread).
struct OldWardLedger {
    double weight = 0.0;     ///< the old ward's whole weight (its area)
    double allocated = 0.0;  ///< share that lies in some new ward (row sum of f)
    double sliver = 0.0;     ///< share in pieces dropped as slivers: lost
    double gap = 0.0;        ///< share in a gap inside the new map's outline: lost
    /// Share the new map does not cover, lost: the ward has no part on the new map, or more of
    /// it than max_uncovered lies beyond the outline.
    double outside = 0.0;
    /// Of the ward's whole weight, the share beyond the new map's outline (a river, a coast drawn
    /// another way) that holds no votes: they are spread over the part the new map covers.
    double spread = 0.0;
    double overlap = 0.0;  ///< weight counted twice because new wards overlap there
    double noise = 0.0;    ///< share in boundary-noise pieces, given to the main successor
    bool same = false;     ///< the same ward in another drawing: carried whole (see same_wards)

    [[nodiscard]] double lost() const { return sliver + gap + outside; }
};

struct CrosswalkOptions {
    /// An old ward more of whose weight than this lies beyond the new map's outline is taken for
    /// a wrong or partial file: that part's votes are lost, not spread.
    double max_uncovered = 0.5;
    /// (old, new) wards that are one ward drawn twice (same_wards): the old one goes whole.
    std::vector<std::pair<std::size_t, std::size_t>> same;
};

class Crosswalk {
public:
    /// Builds f from pieces. `old_weight[o]` is old ward o's whole weight, `old_sliver[o]` the
    /// weight of its dropped pieces and `old_gap[o]` (empty: none) of its part in gaps inside
    /// the new map; what no piece, sliver or gap holds lies beyond the new map's outline and is
    /// spread (see OldWardLedger). Noise pieces are folded into the old ward's largest real
    /// piece. Where new wards overlap, pieces add up to more than the old ward: the row is
    /// scaled down to 1 so nothing is counted twice, and the overlap reported.
    Crosswalk(std::size_t new_count, const std::vector<Piece>& pieces,
              const std::vector<double>& old_weight, const std::vector<double>& old_sliver,
              const std::vector<double>& old_gap = {}, const CrosswalkOptions& options = {});

    [[nodiscard]] std::size_t old_count() const { return m_ledger.size(); }
    [[nodiscard]] std::size_t new_count() const { return static_cast<std::size_t>(m_f.cols()); }

    /// f[o,n], old wards in rows; row-major so each old ward's row is contiguous.
    [[nodiscard]] const SparseRows& shares() const { return m_f; }
    /// g[o,n]: the share of new ward n's weight that comes from old ward o (columns sum to 1).
    [[nodiscard]] const SparseRows& shares_of_new() const { return m_g; }
    /// Like shares(), but each old ward sends all it allocates to its main successor: how
    /// independents' votes move by default.
    [[nodiscard]] const SparseRows& whole() const { return m_whole; }
    /// The new ward taking the largest share of old ward o, if any.
    [[nodiscard]] std::optional<std::size_t> main_successor(std::size_t o) const;
    [[nodiscard]] const std::vector<OldWardLedger>& ledger() const { return m_ledger; }
    /// The weight each new ward receives (column sums of the pieces kept, noise folded).
    [[nodiscard]] const std::vector<double>& new_weight() const { return m_new_weight; }
    /// The pieces as used: noise folded into the main successor, one per (old, new) pair.
    [[nodiscard]] const std::vector<Piece>& pieces() const { return m_pieces; }

private:
    SparseRows m_f, m_g, m_whole;
    std::vector<OldWardLedger> m_ledger;
    std::vector<double> m_new_weight;
    std::vector<Piece> m_pieces;
};

/// What a crosswalk is built from, before noise is folded or it is raked: one per weight source.
/// `--crosswalk FILE` saves them and reloads them, so one boundary pair serves many elections.
struct CrosswalkSeed {
    std::string name;  ///< "area", or the weights' name
    std::vector<Piece> pieces;
    std::vector<double> old_weight, old_sliver, old_gap;  ///< per old ward
};

/// One ward drawn twice: its GSS code is on both maps (codes change whenever a boundary does)
/// and its two shapes mostly coincide.
struct SameWards {
    std::vector<std::pair<std::size_t, std::size_t>> same;      ///< (old, new): carried whole
    std::vector<std::pair<std::size_t, std::size_t>> disagree;  ///< a code on both, shapes apart
};

/// The wards whose GSS code is on both maps and whose area piece holds at least `agreement` of
/// each one's area on the other map (from the area seed, before noise is folded). 70%: the
/// 200 m generalisation of a small London ward (E05009328, Tower Hamlets) agrees with its full
/// drawing to 77% and 86%.
[[nodiscard]] SameWards same_wards(const CrosswalkSeed& area,
                                   const std::vector<std::string>& old_codes,
                                   const std::vector<std::string>& new_codes,
                                   double agreement = 0.7);

}  // namespace notional::model

#pragma once
/// The crosswalk f[o,n]: the share of old ward o's weight that lies in new ward n.
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <Eigen/SparseCore>

namespace notional::model {

/// Sparse matrices throughout: old or new wards in rows.
using Sparse = Eigen::SparseMatrix<double>;
using SparseRows = Eigen::SparseMatrix<double, Eigen::RowMajor>;

/// The weight (area in m² in the area method) of old ward `old_index` lying in new ward
/// `new_index`.
struct Piece {
    std::size_t old_index = 0;
    std::size_t new_index = 0;
    double weight = 0.0;
    /// A thin strip between two drawings of one line (a CRS round trip, a resurvey), not a
    /// boundary change: its weight stays with the old ward's main successor.
    bool noise = false;
};

/// Where each old ward's weight went: into new wards, dropped as slivers, or outside the map.
struct OldWardLedger {
    double weight = 0.0;     ///< the old ward's whole weight (its area)
    double allocated = 0.0;  ///< share that lies in some new ward (row sum of f)
    double sliver = 0.0;     ///< share in pieces dropped as slivers
    double outside = 0.0;    ///< share the new map does not cover
    double overlap = 0.0;    ///< weight counted twice because new wards overlap there
    double noise = 0.0;      ///< share in boundary-noise pieces, given to the main successor
};

class Crosswalk {
public:
    /// Builds f from pieces. `old_weight[o]` is old ward o's whole weight and `old_sliver[o]` the
    /// weight of its dropped pieces. Noise pieces are folded into the old ward's largest real
    /// piece. Where new wards overlap, pieces add up to more than the old ward: the row is
    /// scaled down to 1 so nothing is counted twice, and the overlap reported.
    Crosswalk(std::size_t new_count, const std::vector<Piece>& pieces,
              const std::vector<double>& old_weight, const std::vector<double>& old_sliver);

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
    std::vector<double> old_weight, old_sliver;  ///< per old ward
};

/// The seeds as CSV: `kind,crosswalk,old_code,new_code,weight,noise` with kind piece, old (an old
/// ward's whole weight) or sliver; weights written to 17 significant digits, so a reloaded
/// crosswalk gives the same results to the last digit.
[[nodiscard]] std::string seeds_csv(const std::vector<CrosswalkSeed>& seeds,
                                    const std::vector<std::string>& old_codes,
                                    const std::vector<std::string>& new_codes);

/// Reads seeds written by seeds_csv against the layers' codes; throws DataError naming the row
/// for a ward the layers do not have.
[[nodiscard]] std::vector<CrosswalkSeed> read_seeds(const std::filesystem::path& path,
                                                    const std::vector<std::string>& old_codes,
                                                    const std::vector<std::string>& new_codes);

}  // namespace notional::model

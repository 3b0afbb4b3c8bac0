#pragma once
/// Raking the crosswalk's seed to known electorates by iterative proportional fitting
/// (METHOD.md §4.2).
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <Eigen/SparseCore>

#include "core/progress.hpp"
#include "model/crosswalk.hpp"

namespace notional::model {

struct RakeOptions {
    double tolerance = 1e-9;    ///< largest relative margin error accepted
    int max_iterations = 1000;  ///< row-and-column passes before giving up
    /// Told how far the error has come down from its start to the tolerance (on a log scale:
    /// each pass takes off about the same factor), out of 1000, every hundred passes.
    Progress progress;
};

struct RakeReport {
    bool converged = false;
    int iterations = 0;
    double max_error = 0.0;                   ///< largest relative margin error at the end
    std::size_t structural_zeros = 0;         ///< (old, new) pairs with no piece: they stay zero
    std::vector<std::size_t> impossible_old;  ///< rows with a target > 0 but no piece at all
    std::vector<std::size_t> impossible_new;  ///< columns with a target > 0 but no piece at all
};

/// Fits the seed e[o,n] (old wards in rows, new wards in columns) so that row o sums to
/// row_target[o] and column n to column_target[n], alternating row and column scaling until the
/// largest relative margin error is below the tolerance. Zeros stay zeros, so the fit fails
/// (converged false after max_iterations) when the zero pattern conflicts with the margins or
/// the targets' totals differ. Throws DataError on a size mismatch or a negative or non-finite
/// value.
[[nodiscard]] SparseRows rake(const SparseRows& seed, const std::vector<double>& row_target,
                              const std::vector<double>& column_target, const RakeOptions& options,
                              RakeReport& report);

/// The pieces raked so that each new ward's share of the total is its share of
/// `new_electorate`; the rows are the old wards' own weights or, when given, their electorates.
/// Each old ward's raked pieces are then scaled back to its own total, so a Crosswalk rebuilt
/// from them (with the same whole and sliver weights) allocates the same share of every old
/// ward: no vote is lost. The result is the pieces as Crosswalk::pieces() gives them, noise
/// folded, one per (old, new) pair: raking can change an old ward's largest piece, and a noise
/// strip left apart would then fold elsewhere than it was fitted. So the rebuilt ledger shows
/// no noise; report it from the crosswalk before raking.
[[nodiscard]] std::vector<Piece> rake_pieces(
    const std::vector<Piece>& pieces, std::size_t old_count, std::size_t new_count,
    const std::vector<double>& new_electorate,
    const std::optional<std::vector<double>>& old_electorate, const RakeOptions& options,
    RakeReport& report);

}  // namespace notional::model

#include "model/crosswalk.hpp"

#include <algorithm>
#include <string>

#include "model/error.hpp"

namespace notional::model {

Crosswalk::Crosswalk(std::size_t new_count, const std::vector<Piece>& pieces,
                     const std::vector<double>& old_weight, const std::vector<double>& old_sliver)
    : m_ledger(old_weight.size()), m_new_weight(new_count, 0.0) {
    const std::size_t old_count = old_weight.size();
    if (old_sliver.size() != old_count) {
        throw DataError("crosswalk: " + std::to_string(old_sliver.size()) + " sliver weights for " +
                        std::to_string(old_count) + " old wards");
    }
    std::vector<double> kept(old_count, 0.0);
    for (const Piece& piece : pieces) {
        if (piece.old_index >= old_count || piece.new_index >= new_count) {
            throw DataError("crosswalk: a piece refers to a ward that does not exist");
        }
        kept[piece.old_index] += piece.weight;
        m_new_weight[piece.new_index] += piece.weight;
    }
    std::vector<double> denominator(old_count, 0.0);
    for (std::size_t o = 0; o < old_count; ++o) {
        OldWardLedger& entry = m_ledger[o];
        entry.weight = old_weight[o];
        const double covered = kept[o] + old_sliver[o];
        denominator[o] = std::max(old_weight[o], covered);
        if (denominator[o] <= 0.0) continue;  // a ward of no weight sends nothing anywhere
        entry.overlap = std::max(0.0, covered - old_weight[o]);
        entry.allocated = kept[o] / denominator[o];
        entry.sliver = old_sliver[o] / denominator[o];
        entry.outside = std::max(0.0, old_weight[o] - covered) / denominator[o];
    }

    std::vector<Eigen::Triplet<double>> triplets;
    triplets.reserve(pieces.size());
    for (const Piece& piece : pieces) {
        if (denominator[piece.old_index] <= 0.0) continue;
        triplets.emplace_back(static_cast<int>(piece.old_index), static_cast<int>(piece.new_index),
                              piece.weight / denominator[piece.old_index]);
    }
    m_f.resize(static_cast<Eigen::Index>(old_count), static_cast<Eigen::Index>(new_count));
    m_f.setFromTriplets(triplets.begin(), triplets.end());  // duplicates (multi-part pieces) add
}

}  // namespace notional::model

#include "model/crosswalk.hpp"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

#include "core/csv.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

namespace notional::model {

namespace {

/// One piece per (old, new) pair, noise folded into each old ward's largest real piece.
std::vector<Piece> fold_noise(const std::vector<Piece>& pieces, std::size_t old_count,
                              std::vector<double>& noise_weight) {
    // Sorted (old, new), a pair's pieces added in the order given; the overlay's come sorted.
    const auto by_pair = [](const Piece& a, const Piece& b) {
        return std::pair(a.old_index, a.new_index) < std::pair(b.old_index, b.new_index);
    };
    std::vector<Piece> resorted;
    const std::vector<Piece>* sorted = &pieces;
    if (!std::is_sorted(pieces.begin(), pieces.end(), by_pair)) {
        resorted = pieces;
        std::stable_sort(resorted.begin(), resorted.end(), by_pair);
        sorted = &resorted;
    }
    std::vector<Piece> merged;
    merged.reserve(sorted->size());
    for (const Piece& piece : *sorted) {
        if (!merged.empty() && !by_pair(merged.back(), piece)) {
            merged.back().weight += piece.weight;
            merged.back().noise = merged.back().noise && piece.noise;
        } else {
            merged.push_back(piece);
        }
    }
    std::vector<const Piece*> main(old_count, nullptr);
    for (const Piece& piece : merged) {
        const Piece*& best = main[piece.old_index];
        if (!piece.noise && (!best || piece.weight > best->weight)) best = &piece;
    }
    std::vector<double> moved(old_count, 0.0);
    std::vector<Piece> kept;
    kept.reserve(merged.size());
    for (const Piece& piece : merged) {
        if (piece.noise && main[piece.old_index]) {
            moved[piece.old_index] += piece.weight;
            continue;
        }
        kept.push_back(piece);
        kept.back().noise = false;
    }
    for (Piece& piece : kept) {
        if (main[piece.old_index] && piece.new_index == main[piece.old_index]->new_index) {
            piece.weight += moved[piece.old_index];
        }
    }
    noise_weight = std::move(moved);
    return kept;
}

/// What the pieces say of one old ward.
struct OldWardWeights {
    double weight, sliver, gap;
    double kept;      ///< in the kept pieces, noise folded in
    double measured;  ///< in the pieces as measured, same wards too
    double noise;     ///< in noise pieces folded into the main successor
    bool same;        ///< a ward drawn twice: it goes whole
};

/// Fills an old ward's ledger entry; returns the denominator of its shares (0: it sends nothing
/// anywhere).
double fill_entry(OldWardLedger& entry, const OldWardWeights& w, double max_uncovered) {
    entry.weight = w.weight;
    entry.same = w.same;
    const double sliver = w.same ? 0.0 : w.sliver;
    const double gap = w.same ? 0.0 : w.gap;
    const double covered = w.kept + sliver;
    // Beyond the outline: what neither a piece, a sliver nor a gap holds (for a ward drawn
    // twice, as measured, though it goes whole).
    const double beyond = w.same ? std::max(0.0, w.weight - w.measured - w.sliver - w.gap)
                                 : std::max(0.0, w.weight - covered - gap);
    const bool spread =
        w.same || (w.kept > 0.0 && w.weight > 0.0 && beyond <= max_uncovered * w.weight);
    const double denominator = spread ? covered + gap : std::max(w.weight, covered + gap);
    if (denominator <= 0.0) return 0.0;  // a ward of no weight sends nothing anywhere
    entry.overlap = std::max(0.0, covered - w.weight);
    entry.allocated = w.kept / denominator;
    entry.sliver = sliver / denominator;
    entry.gap = gap / denominator;
    entry.outside = spread ? 0.0 : beyond / denominator;
    entry.spread = spread && w.weight > 0.0 ? beyond / w.weight : 0.0;
    entry.noise = w.noise / denominator;
    return denominator;
}

/// Old wards in rows, new in columns: each piece's weight over `divisor(piece)`, pieces whose
/// divisor is not positive left out.
template <typename Divisor>
SparseRows piece_shares(const std::vector<Piece>& pieces, std::size_t old_count,
                        std::size_t new_count, Divisor divisor) {
    std::vector<Eigen::Triplet<double>> triplets;
    triplets.reserve(pieces.size());
    for (const Piece& piece : pieces) {
        const double d = divisor(piece);
        if (d <= 0.0) continue;
        triplets.emplace_back(static_cast<int>(piece.old_index), static_cast<int>(piece.new_index),
                              piece.weight / d);
    }
    SparseRows shares(static_cast<Eigen::Index>(old_count), static_cast<Eigen::Index>(new_count));
    shares.setFromTriplets(triplets.begin(), triplets.end());
    return shares;
}

}  // namespace

Crosswalk::Crosswalk(std::size_t new_count, const std::vector<Piece>& pieces,
                     const std::vector<double>& old_weight, const std::vector<double>& old_sliver,
                     const std::vector<double>& old_gap, const CrosswalkOptions& options)
    : m_ledger(old_weight.size()), m_new_weight(new_count, 0.0) {
    const std::size_t old_count = old_weight.size();
    if (old_sliver.size() != old_count || (!old_gap.empty() && old_gap.size() != old_count)) {
        throw DataError("crosswalk: " + std::to_string(old_sliver.size()) + " sliver and " +
                        std::to_string(old_gap.size()) + " gap weights for " +
                        std::to_string(old_count) + " old wards");
    }
    for (const Piece& piece : pieces) {
        if (piece.old_index >= old_count || piece.new_index >= new_count) {
            throw DataError("crosswalk: a piece refers to a ward that does not exist");
        }
    }
    // One ward drawn twice goes whole to its other drawing: nothing of it is estimated or lost.
    std::vector<std::optional<std::size_t>> same(old_count);
    for (const auto& [o, n] : options.same) {
        if (o >= old_count || n >= new_count) {
            throw DataError("crosswalk: a pair of same wards refers to a ward that does not exist");
        }
        same[o] = n;
    }
    std::vector<Piece> kept_pieces;
    std::vector<double> measured(old_count, 0.0);  // as the pieces have it, same wards too
    for (const Piece& piece : pieces) {
        measured[piece.old_index] += piece.weight;
        if (!same[piece.old_index]) kept_pieces.push_back(piece);
    }
    for (std::size_t o = 0; o < old_count; ++o) {
        if (same[o] && old_weight[o] > 0.0) {
            kept_pieces.push_back({o, *same[o], old_weight[o], false});
        }
    }
    std::vector<double> noise_weight;
    m_pieces = fold_noise(kept_pieces, old_count, noise_weight);

    std::vector<double> kept(old_count, 0.0);
    for (const Piece& piece : m_pieces) {
        kept[piece.old_index] += piece.weight;
        m_new_weight[piece.new_index] += piece.weight;
    }
    std::vector<double> denominator(old_count, 0.0);
    for (std::size_t o = 0; o < old_count; ++o) {
        const double gap = old_gap.empty() ? 0.0 : old_gap[o];
        denominator[o] = fill_entry(m_ledger[o],
                                    {old_weight[o], old_sliver[o], gap, kept[o], measured[o],
                                     noise_weight[o], same[o].has_value()},
                                    options.max_uncovered);
    }
    m_f = piece_shares(m_pieces, old_count, new_count,
                       [&](const Piece& piece) { return denominator[piece.old_index]; });
    m_g = piece_shares(m_pieces, old_count, new_count,
                       [&](const Piece& piece) { return m_new_weight[piece.new_index]; });

    std::vector<Eigen::Triplet<double>> whole;
    for (std::size_t o = 0; o < old_count; ++o) {
        if (auto n = main_successor(o)) {
            whole.emplace_back(static_cast<int>(o), static_cast<int>(*n), m_ledger[o].allocated);
        }
    }
    m_whole.resize(m_f.rows(), m_f.cols());
    m_whole.setFromTriplets(whole.begin(), whole.end());
}

SameWards same_wards(const CrosswalkSeed& area, const std::vector<std::string>& old_codes,
                     const std::vector<std::string>& new_codes, double agreement) {
    std::unordered_map<std::string, std::size_t> new_index;
    for (std::size_t n = 0; n < new_codes.size(); ++n) new_index.emplace(new_codes[n], n);
    // Each old ward's namesake on the new map. Only GSS codes say this: they change whenever a
    // boundary does. Other codes ("1", "2") may be numbered afresh in each layer.
    std::vector<std::optional<std::size_t>> namesake(old_codes.size());
    for (std::size_t o = 0; o < old_codes.size(); ++o) {
        if (!looks_like_gss_code(old_codes[o])) continue;
        const auto it = new_index.find(old_codes[o]);
        if (it != new_index.end()) namesake[o] = it->second;
    }
    // Each side's area on the other map: an old ward that reaches into a river the new map
    // leaves out is the same ward where both maps have land.
    std::vector<double> new_covered(new_codes.size(), 0.0);
    std::vector<double> old_covered(old_codes.size(), 0.0);
    std::vector<double> with_namesake(old_codes.size(), 0.0);
    for (const Piece& piece : area.pieces) {
        new_covered[piece.new_index] += piece.weight;
        old_covered[piece.old_index] += piece.weight;
        if (namesake[piece.old_index] == piece.new_index) {
            with_namesake[piece.old_index] += piece.weight;
        }
    }
    SameWards result;
    for (std::size_t o = 0; o < old_codes.size(); ++o) {
        if (!namesake[o]) continue;
        const std::size_t n = *namesake[o];
        const double common = with_namesake[o];
        const bool coincide = old_covered[o] > 0.0 && new_covered[n] > 0.0 &&
                              common >= agreement * old_covered[o] &&
                              common >= agreement * new_covered[n];
        (coincide ? result.same : result.disagree).emplace_back(o, n);
    }
    return result;
}

std::optional<std::size_t> Crosswalk::main_successor(std::size_t o) const {
    std::optional<std::size_t> best;
    double best_share = 0.0;
    for (SparseRows::InnerIterator it(m_f, static_cast<Eigen::Index>(o)); it; ++it) {
        if (it.value() > best_share) {  // ascending columns: ties go to the first new ward
            best_share = it.value();
            best = static_cast<std::size_t>(it.col());
        }
    }
    return best;
}

}  // namespace notional::model

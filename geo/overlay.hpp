#pragma once
/// Intersect old wards with new wards and measure every piece.
#include <cstddef>
#include <functional>
#include <vector>

#include "core/piece.hpp"
#include "core/progress.hpp"
#include "geo/geos.hpp"
#include "geo/layer.hpp"

namespace notional::geo {

/// How the pieces where two boundaries cross are measured.
enum class OverlayMethod {
    geos,     ///< GEOS builds each intersection, then its area and perimeter are taken
    measure,  ///< measured from the boundaries alone (geo/measure.hpp), nothing built
};

struct OverlayOptions {
    double min_piece_m2 = 1.0;  ///< pieces smaller than this are slivers: dropped and counted
    /// Pieces whose mean width (2 x area / perimeter) is below this many metres are boundary
    /// noise: two drawings of one line, not a change.
    double noise_width_m = 5.0;
    /// Threads to share the old wards between, each with its own GEOS context; 0: one per core.
    /// The result is the same, piece for piece, whatever the count.
    unsigned threads = 0;
    OverlayMethod method = OverlayMethod::measure;
    /// Whether Overlay::shapes is wanted (weights and local support need it). Without it,
    /// `measure` builds no piece; with it, every piece is built by GEOS whatever the method.
    bool shapes = true;
};

struct Overlay {
    std::vector<Piece> pieces;  ///< kept pieces, weight = area in m², sorted (old, new)
    /// Each kept piece's polygon, for weights that follow people; empty when not asked for
    /// (OverlayOptions::shapes) and measured without them.
    std::vector<Geometry> shapes;
    std::vector<double> old_sliver_m2;  ///< per old ward, area of its dropped pieces
    /// Per old ward, its area that no new ward covers (where that is more than a sliver), and
    /// the part of it in a gap inside the new map's outline (a hole in the union of the new
    /// wards it meets, wider on average than noise_width_m); the rest lies beyond the outline:
    /// a river, a coast drawn another way, a slit between two drawings of one line.
    std::vector<double> old_uncovered_m2, old_gap_m2;
    std::vector<Geometry> uncovered;  ///< per old ward, that uncovered part's shape, or null
    std::size_t slivers = 0;          ///< pieces dropped
    std::size_t whole = 0;  ///< pairs where one ward contains the other: no intersection computed
    std::size_t intersections = 0;  ///< pairs whose boundaries cross, with a piece of some area
    std::size_t noise = 0;          ///< pieces kept but marked as boundary noise
};

/// An STRtree over the new wards, prepared geometries on both sides, and an intersection only
/// where boundaries cross. Throws GeometryError naming both ward codes when GEOS fails on a pair.
[[nodiscard]] Overlay overlay(const Layer& old_wards, const Layer& new_wards,
                              const OverlayOptions& options, GeosContext& context,
                              const Progress& progress = {});

}  // namespace notional::geo

#pragma once
/// A piece of an old ward in a new ward: what the overlay measures and the crosswalk is made of.
#include <cstddef>

namespace notional {

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

}  // namespace notional

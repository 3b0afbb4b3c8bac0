#pragma once
/// The area and perimeter of two wards' intersection, measured without building it: by Green's
/// theorem, the shoelace terms of the parts of each boundary inside the other.
#include <cstdint>
#include <string>
#include <vector>

#include "geo/geos.hpp"
#include "geo/predicates.hpp"

namespace notional::geo {

/// A polygonal shape's rings as flat coordinates, each oriented with the interior on its left
/// (exteriors anticlockwise, holes clockwise), with an index of its edges by y for locating
/// points.
struct Rings {
    std::vector<Point> points;         ///< every ring closed (its last point is its first)
    std::vector<std::uint32_t> edges;  ///< each edge's first point; its second follows it
    double min_x = 0.0, min_y = 0.0, max_x = -1.0, max_y = -1.0;  ///< empty when min > max
    double bands_per_metre = 1.0;  ///< the y-bands' count over their span: 1 / a band's height
    std::vector<std::uint32_t> band_start;  ///< band b's edges: band_edges[start[b], start[b+1])
    std::vector<std::uint32_t> band_edges;  ///< edges (indices into `edges`) meeting each band

    [[nodiscard]] std::size_t bands() const {
        return band_start.empty() ? 0 : band_start.size() - 1;
    }
};

/// The rings of a Polygon or MultiPolygon (other parts ignored), oriented and indexed; repeated
/// points dropped. Throws GeometryError naming `what` when GEOS cannot give the coordinates.
[[nodiscard]] Rings rings_of(GeosContext& context, const GEOSGeometry* geometry,
                             const std::string& what);

/// Whether `rings` hold `p` (even-odd rule; a point on the boundary may go either way).
[[nodiscard]] bool contains(const Rings& rings, Point p);

struct Measured {
    double area = 0.0, perimeter = 0.0;
};

/// The area and perimeter of a ∩ b: the part of a's boundary inside b, the part of b's inside
/// a, and the stretches both share where both lie on one side of them (once; where they lie on
/// opposite sides, nothing). Only edges within both bounding boxes are looked at.
[[nodiscard]] Measured measure_intersection(const Rings& a, const Rings& b);

}  // namespace notional::geo

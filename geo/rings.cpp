/// Rings: a ward's boundary as flat, oriented coordinates, and points located in it.
#include <algorithm>
#include <cmath>

#include "core/error.hpp"
#include "geo/measure.hpp"

namespace notional::geo {

namespace {

/// Twice the signed area of the closed ring points[begin, end), relative to its first point.
double twice_area(const std::vector<Point>& points, std::size_t begin, std::size_t end) {
    const Point origin = points[begin];
    double sum = 0.0;
    for (std::size_t i = begin; i + 1 < end; ++i) {
        sum += (points[i].x - origin.x) * (points[i + 1].y - origin.y) -
               (points[i + 1].x - origin.x) * (points[i].y - origin.y);
    }
    return sum;
}

/// A ring's points, repeats dropped, turned so that the interior lies on its left.
void add_ring(Rings& rings, GeosContext& context, const GEOSGeometry* ring, bool exterior,
              const std::string& what) {
    GEOSContextHandle_t handle = context.get();
    const GEOSCoordSequence* sequence = GEOSGeom_getCoordSeq_r(handle, ring);
    unsigned size = 0;
    if (!sequence || GEOSCoordSeq_getSize_r(handle, sequence, &size) == 0) {
        throw GeometryError(what + ": no coordinates: " + context.take_error());
    }
    auto& points = rings.points;
    const std::size_t begin = points.size();
    // Copied at once, x and y interleaved as a Point holds them; repeats then dropped.
    static_assert(sizeof(Point) == 2 * sizeof(double));
    points.resize(begin + size);
    if (size > 0 && GEOSCoordSeq_copyToBuffer_r(handle, sequence, &points[begin].x, 0, 0) == 0) {
        throw GeometryError(what + ": no coordinates: " + context.take_error());
    }
    const auto kept =
        std::unique(points.begin() + static_cast<std::ptrdiff_t>(begin), points.end(),
                    [](const Point& a, const Point& b) { return a.x == b.x && a.y == b.y; });
    points.erase(kept, points.end());
    if (points.size() > begin &&
        (points.back().x != points[begin].x || points.back().y != points[begin].y)) {
        points.push_back(points[begin]);
    }
    const double twice = points.size() >= begin + 4 ? twice_area(points, begin, points.size()) : 0;
    if (twice == 0.0) {  // fewer than three points, or none off one line: no interior
        points.resize(begin);
        return;
    }
    if ((twice > 0.0) != exterior) {
        std::reverse(points.begin() + static_cast<std::ptrdiff_t>(begin), points.end());
    }
    for (std::size_t i = begin; i + 1 < points.size(); ++i) {
        rings.edges.push_back(static_cast<std::uint32_t>(i));
    }
}

/// The y-band of `y`: any function of y that never decreases would do, for an edge is listed
/// under every band from its lower end's to its upper end's, and a point looked for in its own.
std::size_t band_of(const Rings& rings, double y) {
    const double band = (y - rings.min_y) * rings.bands_per_metre;
    if (!(band > 0.0)) return 0;
    const std::size_t last = rings.bands() - 1;
    return band >= static_cast<double>(last) ? last : static_cast<std::size_t>(band);
}

/// The bounding box, and every edge listed under each y-band it meets.
void index(Rings& rings) {
    for (const Point& p : rings.points) {
        rings.min_x = std::min(rings.min_x, p.x);
        rings.min_y = std::min(rings.min_y, p.y);
        rings.max_x = std::max(rings.max_x, p.x);
        rings.max_y = std::max(rings.max_y, p.y);
    }
    // About two edges a band: a point is located by looking at a few edges only.
    const std::size_t bands = std::max<std::size_t>(1, rings.edges.size() / 2);
    rings.bands_per_metre = static_cast<double>(bands) / (rings.max_y - rings.min_y);
    if (!(rings.bands_per_metre > 0.0) || !std::isfinite(rings.bands_per_metre)) {
        rings.bands_per_metre = 1.0;
    }
    rings.band_start.assign(bands + 1, 0);
    // Each edge's bands worked out once, for the count and the fill.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> spans(rings.edges.size());
    for (std::uint32_t e = 0; e < rings.edges.size(); ++e) {
        const double y0 = rings.points[rings.edges[e]].y;
        const double y1 = rings.points[rings.edges[e] + 1].y;
        spans[e] = {static_cast<std::uint32_t>(band_of(rings, std::min(y0, y1))),
                    static_cast<std::uint32_t>(band_of(rings, std::max(y0, y1)))};
        for (std::size_t b = spans[e].first; b <= spans[e].second; ++b) ++rings.band_start[b + 1];
    }
    for (std::size_t b = 0; b < bands; ++b) rings.band_start[b + 1] += rings.band_start[b];
    rings.band_edges.resize(rings.band_start[bands]);
    std::vector<std::uint32_t> fill(rings.band_start.begin(), rings.band_start.end() - 1);
    for (std::uint32_t e = 0; e < rings.edges.size(); ++e) {
        for (std::size_t b = spans[e].first; b <= spans[e].second; ++b) {
            rings.band_edges[fill[b]++] = e;
        }
    }
}

}  // namespace

Rings rings_of(GeosContext& context, const GEOSGeometry* geometry, const std::string& what) {
    GEOSContextHandle_t handle = context.get();
    Rings rings;
    rings.min_x = rings.min_y = HUGE_VAL;
    rings.max_x = rings.max_y = -HUGE_VAL;
    // Room for every vertex at once (GEOS's rings are closed already): grown by doubling, the
    // rings of a large layer would hold a third more than they use.
    const int vertices = GEOSGetNumCoordinates_r(handle, geometry);
    if (vertices > 0) {
        rings.points.reserve(static_cast<std::size_t>(vertices));
        rings.edges.reserve(static_cast<std::size_t>(vertices));
    }
    for_each_ring(handle, geometry, [&](const GEOSGeometry* ring, bool exterior) {
        add_ring(rings, context, ring, exterior, what);
    });
    index(rings);
    return rings;
}

bool contains(const Rings& rings, Point p) {
    if (!(p.x >= rings.min_x && p.x <= rings.max_x && p.y >= rings.min_y && p.y <= rings.max_y)) {
        return false;
    }
    const std::size_t band = band_of(rings, p.y);
    bool inside = false;
    // Crossings of the ray from p towards +x, each edge taken as half-open in y.
    for (std::uint32_t k = rings.band_start[band]; k < rings.band_start[band + 1]; ++k) {
        const Point a = rings.points[rings.edges[rings.band_edges[k]]];
        const Point b = rings.points[rings.edges[rings.band_edges[k]] + 1];
        if ((a.y > p.y) == (b.y > p.y) || (a.x < p.x && b.x < p.x)) continue;
        if (a.x > p.x && b.x > p.x) {
            inside = !inside;
            continue;
        }
        const int side = orient(a, b, p);
        if (b.y > a.y ? side > 0 : side < 0) inside = !inside;
    }
    return inside;
}

}  // namespace notional::geo

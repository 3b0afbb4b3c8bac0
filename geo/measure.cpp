/// measure_intersection: Green's theorem over the parts of two boundaries inside each other.
#include "geo/measure.hpp"

#include <algorithm>
#include <cmath>

#include "geo/grid.hpp"

namespace notional::geo {

namespace {

/// An edge within the pair's box, with a key that grows along it: the coordinate it moves in
/// most, negated when it moves down that axis. Points on the edge are ordered by their keys.
struct Edge {
    Point p, q;
    Box box;
    std::uint32_t first = 0;  ///< p's index in the rings: edges that follow on share a point
    /// Whether the other boundary passes through p or q: only there (and at splits) can the
    /// edge go in or out of the other shape.
    bool touched_p = false, touched_q = false;
    bool along_y = false;
    double sign = 1.0;
    double key_p = 0.0, key_q = 0.0;

    [[nodiscard]] double key(Point v) const { return sign * (along_y ? v.y : v.x); }
};

/// Where the other boundary meets an edge inside it.
struct Split {
    std::uint32_t edge;
    double key;
    Point at;
};

/// A stretch [lo, hi] (in keys) of an edge that the other boundary runs along, the same way or
/// the opposite way.
struct On {
    std::uint32_t edge;
    double lo, hi;
    bool same;
};

struct Side {
    std::vector<Edge> edges;
    std::vector<Split> splits;
    std::vector<On> ons;
};

/// A sum kept in two doubles (about 106 bits): the shoelace terms of a small piece between two
/// large wards cancel by many orders of magnitude, and a double sum would keep their rounding.
class Sum {
public:
    void add(double value) {
        const Exact s = two_sum(m_hi, value);
        m_hi = s.hi;
        m_lo += s.lo;
    }
    /// a × b exactly.
    void add_product(double a, double b) {
        const Exact product = two_product(a, b);
        add(product.hi);
        add(product.lo);
    }
    [[nodiscard]] double value() const { return m_hi + m_lo; }

private:
    double m_hi = 0.0, m_lo = 0.0;
};

/// Per thread, reused from pair to pair.
struct Scratch {
    Side a, b;
    std::vector<std::uint32_t> cell_start, cell_edges, seen;
};

/// The edges of `rings` that meet `box` (edges beyond it lie outside the other shape).
void collect(const Rings& rings, const Box& box, Side& side) {
    side.edges.clear();
    side.splits.clear();
    side.ons.clear();
    for (const std::uint32_t first : rings.edges) {
        Edge e;
        e.first = first;
        e.p = rings.points[first];
        e.q = rings.points[first + 1];
        e.box = {std::min(e.p.x, e.q.x), std::min(e.p.y, e.q.y), std::max(e.p.x, e.q.x),
                 std::max(e.p.y, e.q.y)};
        if (e.box.max_x < box.min_x || e.box.min_x > box.max_x || e.box.max_y < box.min_y ||
            e.box.min_y > box.max_y) {
            continue;
        }
        const double dx = e.q.x - e.p.x;
        const double dy = e.q.y - e.p.y;
        e.along_y = std::abs(dy) > std::abs(dx);
        e.sign = (e.along_y ? dy : dx) > 0.0 ? 1.0 : -1.0;
        e.key_p = e.key(e.p);
        e.key_q = e.key(e.q);
        side.edges.push_back(e);
    }
}

/// Splits edge `e` of `side` at `v` (a point on it) unless `v` is one of its ends.
void split_at(Side& side, std::uint32_t e, Point v) {
    Edge& edge = side.edges[e];
    const double key = edge.key(v);
    if (key > edge.key_p && key < edge.key_q) {
        side.splits.push_back({e, key, v});
    } else if (key <= edge.key_p) {  // at an end, or a crossing rounded onto or past it
        edge.touched_p = true;
    } else {
        edge.touched_q = true;
    }
}

/// Two edges on one line: each split where the other ends, and the stretch they share.
void collinear(Scratch& s, std::uint32_t i, std::uint32_t j) {
    Edge& a = s.a.edges[i];
    Edge& b = s.b.edges[j];
    a.touched_p = a.touched_q = b.touched_p = b.touched_q = true;  // enough: they are checked
    split_at(s.a, i, b.p);
    split_at(s.a, i, b.q);
    split_at(s.b, j, a.p);
    split_at(s.b, j, a.q);
    const double bp = a.key(b.p);
    const double bq = a.key(b.q);
    const double lo = std::max(a.key_p, std::min(bp, bq));
    const double hi = std::min(a.key_q, std::max(bp, bq));
    if (!(lo < hi)) return;
    const bool same = bq > bp;
    s.a.ons.push_back({i, lo, hi, same});
    const double ap = b.key(a.p);
    const double aq = b.key(a.q);
    s.b.ons.push_back(
        {j, std::max(b.key_p, std::min(ap, aq)), std::min(b.key_q, std::max(ap, aq)), same});
}

/// Where two edges that cross properly meet, kept within both of their boxes. In long double
/// (64 bits): the point comes out as the nearest double to the true one (as GEOS's does, from
/// double-double), for a sliver's area turns on its ends' last bits.
Point crossing(const Edge& a, const Edge& b) {
    using Wide = long double;
    const Wide dx = Wide{a.q.x} - a.p.x;
    const Wide dy = Wide{a.q.y} - a.p.y;
    const Wide ex = Wide{b.q.x} - b.p.x;
    const Wide ey = Wide{b.q.y} - b.p.y;
    const Wide t = std::clamp<Wide>(
        ((Wide{b.p.x} - a.p.x) * ey - (Wide{b.p.y} - a.p.y) * ex) / (dx * ey - dy * ex), 0, 1);
    const auto x = static_cast<double>(a.p.x + t * dx);
    const auto y = static_cast<double>(a.p.y + t * dy);
    return {std::clamp(x, std::max(a.box.min_x, b.box.min_x), std::min(a.box.max_x, b.box.max_x)),
            std::clamp(y, std::max(a.box.min_y, b.box.min_y), std::min(a.box.max_y, b.box.max_y))};
}

/// Edge i of a and edge j of b: where they meet, both are split (a vertex on the other's edge,
/// a proper crossing), or they share a stretch.
void meet(Scratch& s, std::uint32_t i, std::uint32_t j) {
    const Edge& a = s.a.edges[i];
    const Edge& b = s.b.edges[j];
    if (a.box.max_x < b.box.min_x || b.box.max_x < a.box.min_x || a.box.max_y < b.box.min_y ||
        b.box.max_y < a.box.min_y) {
        return;
    }
    const int bp = orient(a.p, a.q, b.p);
    const int bq = orient(a.p, a.q, b.q);
    if (bp == 0 && bq == 0) {
        collinear(s, i, j);
        return;
    }
    if (bp * bq > 0) return;
    const int ap = orient(b.p, b.q, a.p);
    const int aq = orient(b.p, b.q, a.q);
    if (ap * aq > 0) return;
    // A vertex on the other's line lies on the other edge itself: the lines meet only there.
    s.a.edges[i].touched_p |= ap == 0;
    s.a.edges[i].touched_q |= aq == 0;
    s.b.edges[j].touched_p |= bp == 0;
    s.b.edges[j].touched_q |= bq == 0;
    if (bp == 0) split_at(s.a, i, b.p);
    if (bq == 0) split_at(s.a, i, b.q);
    if (ap == 0) split_at(s.b, j, a.p);
    if (aq == 0) split_at(s.b, j, a.q);
    if (bp != 0 && bq != 0 && ap != 0 && aq != 0) {
        const Point x = crossing(a, b);
        split_at(s.a, i, x);
        split_at(s.b, j, x);
    }
}

/// Every pair of a's and b's edges that may meet, found through a grid over the box.
void meet_all(Scratch& s, const Box& box) {
    const std::size_t nb = s.b.edges.size();
    const Grid grid(box, nb, 256);
    grid.list(
        nb, [&](std::size_t j) { return s.b.edges[j].box; }, s.cell_start, s.cell_edges);
    s.seen.assign(nb, 0);  // the last a-edge (plus one) each b-edge was tried with
    for (std::uint32_t i = 0; i < s.a.edges.size(); ++i) {
        grid.for_cells(s.a.edges[i].box, [&](std::size_t c) {
            for (std::uint32_t k = s.cell_start[c]; k < s.cell_start[c + 1]; ++k) {
                const std::uint32_t j = s.cell_edges[k];
                if (s.seen[j] == i + 1) continue;
                s.seen[j] = i + 1;
                meet(s, i, j);
            }
        });
    }
}

/// Adds the pieces of `side`'s edges that bound the intersection: inside `other`, or (for a,
/// the `first` side) along `other`'s boundary the same way.
void add_side(Side& side, const Rings& other, bool first, Point origin, Sum& twice_area,
              Measured& sum) {
    std::sort(side.splits.begin(), side.splits.end(), [](const Split& l, const Split& r) {
        return l.edge != r.edge ? l.edge < r.edge : l.key < r.key;
    });
    std::sort(side.ons.begin(), side.ons.end(),
              [](const On& l, const On& r) { return l.edge < r.edge; });
    std::size_t split = 0;
    std::size_t on = 0;
    int known =
        -1;  // whether the last piece lay inside the other shape (1) or not (0); -1: unknown
    for (std::uint32_t e = 0; e < side.edges.size(); ++e) {
        const Edge& edge = side.edges[e];
        // Along the ring from the last edge, through a point the other boundary misses.
        if (e == 0 || side.edges[e - 1].first + 1 != edge.first || side.edges[e - 1].touched_q ||
            edge.touched_p) {
            known = -1;
        }
        while (on < side.ons.size() && side.ons[on].edge < e) ++on;
        std::size_t on_end = on;
        while (on_end < side.ons.size() && side.ons[on_end].edge == e) ++on_end;
        // Whether the piece p→q bounds the intersection: along the other boundary, only the
        // first side's pieces that run its way count; elsewhere, those inside it.
        auto counts = [&](Point p, double key_p, Point q, double key_q) {
            const double middle = (key_p + key_q) / 2.0;
            for (std::size_t k = on; k < on_end; ++k) {
                if (side.ons[k].lo < middle && middle < side.ons[k].hi) {
                    known = -1;
                    return first && side.ons[k].same;
                }
            }
            if (known < 0) known = contains(other, {(p.x + q.x) / 2.0, (p.y + q.y) / 2.0}) ? 1 : 0;
            return known == 1;
        };
        auto piece = [&](Point p, double key_p, Point q, double key_q) {
            if (!counts(p, key_p, q, key_q)) return;
            const double px = p.x - origin.x;
            const double py = p.y - origin.y;
            const double qx = q.x - origin.x;
            const double qy = q.y - origin.y;
            twice_area.add_product(px, qy);
            twice_area.add_product(-qx, py);
            // As GEOS measures a length (no guard against overflow: coordinates are metres).
            sum.perimeter += std::sqrt((qx - px) * (qx - px) + (qy - py) * (qy - py));
        };
        Point from = edge.p;
        double from_key = edge.key_p;
        for (; split < side.splits.size() && side.splits[split].edge == e; ++split) {
            const Split& at = side.splits[split];
            if (!(at.key > from_key)) continue;  // a point met twice
            piece(from, from_key, at.at, at.key);
            known = -1;  // the other boundary meets the edge here
            from = at.at;
            from_key = at.key;
        }
        piece(from, from_key, edge.q, edge.key_q);
    }
}

}  // namespace

Measured measure_intersection(const Rings& a, const Rings& b) {
    const Box box{std::max(a.min_x, b.min_x), std::max(a.min_y, b.min_y),
                  std::min(a.max_x, b.max_x), std::min(a.max_y, b.max_y)};
    if (box.min_x > box.max_x || box.min_y > box.max_y) return {};
    thread_local Scratch s;
    collect(a, box, s.a);
    collect(b, box, s.b);
    meet_all(s, box);
    // Shoelace terms about a point near the pair, so that they are small and lose little to
    // the coordinates' size (whole metres: most differences from it are exact).
    const Point origin{std::round((box.min_x + box.max_x) / 2),
                       std::round((box.min_y + box.max_y) / 2)};
    Measured sum;
    Sum twice_area;
    add_side(s.a, b, true, origin, twice_area, sum);
    add_side(s.b, a, false, origin, twice_area, sum);
    sum.area = twice_area.value() / 2.0;
    return sum;
}

}  // namespace notional::geo

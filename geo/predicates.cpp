#include "geo/predicates.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "geo/grid.hpp"

namespace notional::geo {

namespace {

/// A growing sum of doubles held exactly: non-overlapping components, smallest first.
class Expansion {
public:
    void add(double value) {
        if (value == 0.0) return;
        double q = value;
        for (std::size_t i = 0; i < m_size; ++i) {
            const Exact sum = two_sum(q, m_parts[i]);
            m_parts[i] = sum.lo;
            q = sum.hi;
        }
        m_parts[m_size++] = q;
    }
    /// The sign of the sum: that of its largest non-zero component.
    [[nodiscard]] int sign() const {
        for (std::size_t i = m_size; i > 0; --i) {
            if (m_parts[i - 1] != 0.0) return m_parts[i - 1] > 0.0 ? 1 : -1;
        }
        return 0;
    }

private:
    std::array<double, 16> m_parts{};
    std::size_t m_size = 0;
};

/// (a.hi + a.lo)(b.hi + b.lo) times `sign`, added exactly.
void add_product(Expansion& sum, Exact a, Exact b, double sign) {
    for (const double x : {a.hi, a.lo}) {
        for (const double y : {b.hi, b.lo}) {
            if (x == 0.0 || y == 0.0) continue;
            const Exact product = two_product(x, y);
            sum.add(sign * product.hi);
            sum.add(sign * product.lo);
        }
    }
}

int exact_orient(Point a, Point b, Point c) {
    // The differences exactly, each as two doubles; then the determinant's 16 products.
    const Exact acx = two_sum(a.x, -c.x);
    const Exact acy = two_sum(a.y, -c.y);
    const Exact bcx = two_sum(b.x, -c.x);
    const Exact bcy = two_sum(b.y, -c.y);
    Expansion sum;
    add_product(sum, acx, bcy, 1.0);
    add_product(sum, acy, bcx, -1.0);
    return sum.sign();
}

}  // namespace

int orient(Point a, Point b, Point c) {
    if ((c.x == a.x && c.y == a.y) || (c.x == b.x && c.y == b.y)) return 0;
    const double left = (a.x - c.x) * (b.y - c.y);
    const double right = (a.y - c.y) * (b.x - c.x);
    const double det = left - right;
    // Shewchuk's ccwerrboundA, (3 + 16ε)ε: beyond it the double's sign is the true one.
    constexpr double bound = 3.3306690738754716e-16;
    if (std::abs(det) > bound * (std::abs(left) + std::abs(right))) return det > 0.0 ? 1 : -1;
    return exact_orient(a, b, c);
}

namespace {

/// Whether closed segments ab and cd cannot meet: one lies wholly on one side of the other's line.
bool apart(Point a, Point b, Point c, Point d) {
    return orient(a, b, c) * orient(a, b, d) > 0 || orient(c, d, a) * orient(c, d, b) > 0;
}

/// Whether b lies strictly between a and c, the three on one line.
bool between(Point a, Point b, Point c) {
    const bool along_x = a.x != c.x;
    const double lo = along_x ? std::min(a.x, c.x) : std::min(a.y, c.y);
    const double hi = along_x ? std::max(a.x, c.x) : std::max(a.y, c.y);
    const double at = along_x ? b.x : b.y;
    return lo < at && at < hi;
}

/// Whether no two edges of the ring but neighbours meet, by a sweep up the ring's box: the
/// edges put in order of the band (of as many as edges) holding their lowest y, each tried with
/// those after it that start in a band its own y-range reaches. Nothing (give up) once the pairs
/// tried pass 32 an edge: a ring of many edges over one height (a comb) is for the grid.
std::optional<bool> apart_by_sweep(const std::vector<Point>& points, const std::vector<Box>& boxes,
                                   const Box& box) {
    const std::size_t edges = boxes.size();
    const double scale =
        box.max_y > box.min_y ? static_cast<double>(edges) / (box.max_y - box.min_y) : 0.0;
    auto band = [&](double y) { return cell_of((y - box.min_y) * scale, edges); };
    // A counting sort by band: start[b] the first of band b's edges in `order`.
    thread_local std::vector<std::uint32_t> start;
    thread_local std::vector<std::uint32_t> order;
    thread_local std::vector<std::uint32_t> band_of;  // each place in `order`: its edge's band
    start.assign(edges + 1, 0);
    for (const Box& b : boxes) ++start[band(b.min_y) + 1];
    for (std::size_t b = 0; b < edges; ++b) start[b + 1] += start[b];
    order.resize(edges);
    band_of.resize(edges);
    for (std::size_t e = 0; e < edges; ++e) {
        const std::uint32_t b = band(boxes[e].min_y);
        band_of[start[b]] = b;
        order[start[b]++] = static_cast<std::uint32_t>(e);
    }
    const std::size_t most = 32 * edges;
    std::size_t tried = 0;
    for (std::size_t k = 0; k < edges; ++k) {
        const std::size_t i = order[k];
        const Box& a = boxes[i];
        const std::uint32_t top = band(a.max_y);
        for (std::size_t l = k + 1; l < edges && band_of[l] <= top; ++l) {
            if (++tried > most) return std::nullopt;
            const std::size_t j = order[l];
            const Box& b = boxes[j];
            if (b.max_x < a.min_x || b.min_x > a.max_x || b.max_y < a.min_y || b.min_y > a.max_y) {
                continue;
            }
            const std::size_t lo = std::min(i, j);
            const std::size_t hi = std::max(i, j);
            if (hi == lo + 1 || (lo == 0 && hi == edges - 1)) continue;  // neighbours: checked
            if (!apart(points[i], points[i + 1], points[j], points[j + 1])) return false;
        }
    }
    return true;
}

/// The same through a grid over the ring's box of about two edges a cell; a pair is tried
/// once, in the cell holding the low corner of where their boxes overlap.
bool apart_by_grid(const std::vector<Point>& points, const std::vector<Box>& boxes,
                   const Box& box) {
    const std::size_t edges = boxes.size();
    thread_local std::vector<std::uint32_t> start;
    thread_local std::vector<std::uint32_t> in_cell;
    const Grid grid(box, edges, 1024);
    grid.list(
        edges, [&](std::size_t e) { return boxes[e]; }, start, in_cell);
    for (std::size_t c = 0; c < grid.cells(); ++c) {
        for (std::uint32_t k = start[c]; k < start[c + 1]; ++k) {
            const std::size_t i = in_cell[k];
            const Box& a = boxes[i];
            for (std::uint32_t l = k + 1; l < start[c + 1]; ++l) {
                const std::size_t j = in_cell[l];  // j > i: a cell lists its edges in order
                if (j == i + 1 || (i == 0 && j == edges - 1)) continue;  // neighbours: checked
                const Box& b = boxes[j];
                const Box both{std::max(a.min_x, b.min_x), std::max(a.min_y, b.min_y),
                               std::min(a.max_x, b.max_x), std::min(a.max_y, b.max_y)};
                if (both.min_x > both.max_x || both.min_y > both.max_y) continue;
                if (grid.cell(both.min_x, both.min_y) != c) continue;  // tried in another cell
                if (!apart(points[i], points[i + 1], points[j], points[j + 1])) return false;
            }
        }
    }
    return true;
}

}  // namespace

bool simple_ring(const std::vector<Point>& points) {
    if (points.size() < 4) return false;
    const std::size_t edges = points.size() - 1;
    const Point first = points.front();
    const Point last = points.back();
    if (first.x != last.x || first.y != last.y) return false;
    // Each edge's box, in the thread's buffers (kept for its next ring), and the ring's.
    thread_local std::vector<Box> boxes;
    boxes.resize(edges);
    Box box{first.x, first.y, first.x, first.y};
    for (std::size_t i = 0; i < edges; ++i) {
        const Point p = points[i];
        const Point q = points[i + 1];
        if (!std::isfinite(p.x) || !std::isfinite(p.y)) return false;
        if (p.x == q.x && p.y == q.y) return false;
        // The next edge, going on from q: on the line only straight on.
        const Point r = points[i + 2 <= edges ? i + 2 : 1];
        if (orient(p, q, r) == 0 && !between(p, q, r)) return false;
        boxes[i] = {std::min(p.x, q.x), std::min(p.y, q.y), std::max(p.x, q.x), std::max(p.y, q.y)};
        box = {std::min(box.min_x, p.x), std::min(box.min_y, p.y), std::max(box.max_x, p.x),
               std::max(box.max_y, p.y)};
    }
    const std::optional<bool> swept = apart_by_sweep(points, boxes, box);
    return swept ? *swept : apart_by_grid(points, boxes, box);
}

}  // namespace notional::geo

#pragma once
/// Robust orientation: which side of a line a point lies, decided exactly; and the exact sums
/// and products it is made of.
#include <cmath>
#include <vector>

namespace notional::geo {

struct Point {
    double x = 0.0, y = 0.0;
};

/// A sum or product held exactly as a rounded value and its error.
struct Exact {
    double hi = 0.0, lo = 0.0;
};

/// a + b exactly (Knuth's two-sum).
[[nodiscard]] inline Exact two_sum(double a, double b) {
    const double s = a + b;
    const double bb = s - a;
    return {s, (a - (s - bb)) + (b - bb)};
}

/// a × b exactly, its error by a fused multiply-add.
[[nodiscard]] inline Exact two_product(double a, double b) {
    const double p = a * b;
    return {p, std::fma(a, b, -p)};
}

/// +1 when `c` lies left of the directed line a→b, -1 right, 0 on it. Exact for any doubles
/// (Shewchuk's filter: a double evaluation with an error bound, then exact expansions), so
/// every collinearity is decided the same way however the points are reached.
[[nodiscard]] int orient(Point a, Point b, Point c);

/// Whether the closed ring `points` (its last point its first) is proven simple: every
/// coordinate finite, at least three edges, none of zero length, each meeting the next only at
/// their shared point (not turning back along it) and no other edge at all, decided exactly.
/// A polygon of that one ring is valid as GEOS has it. False when the ring is not simple, and
/// also where it touches itself or its edges run on along a line: false says only "ask GEOS".
[[nodiscard]] bool simple_ring(const std::vector<Point>& points);

}  // namespace notional::geo

#pragma once
/// Robust orientation: which side of a line a point lies, decided exactly.
namespace notional::geo {

struct Point {
    double x = 0.0, y = 0.0;
};

/// +1 when `c` lies left of the directed line a→b, -1 right, 0 on it. Exact for any doubles
/// (Shewchuk's filter: a double evaluation with an error bound, then exact expansions), so
/// every collinearity is decided the same way however the points are reached.
[[nodiscard]] int orient(Point a, Point b, Point c);

}  // namespace notional::geo

#include "geo/predicates.hpp"

#include <array>
#include <cmath>
#include <cstddef>

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

}  // namespace notional::geo

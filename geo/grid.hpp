#pragma once
/// A square grid over a box for finding which of many short edges may meet, each edge listed in
/// every cell its box overlaps: for measuring two rings' crossings (geo/measure.cpp) and for
/// proving one ring simple (geo/predicates.cpp).
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace notional::geo {

struct Box {
    double min_x, min_y, max_x, max_y;
};

/// floor(c) within 0 to n - 1, a cell or band of n; by truncation, which is the floor for what
/// is not negative (std::floor is a call into libm on the x86-64 baseline). NaN gives 0.
[[nodiscard]] inline std::uint32_t cell_of(double c, std::size_t n) {
    if (!(c > 0.0)) return 0;
    const auto last = static_cast<double>(n - 1);
    return static_cast<std::uint32_t>(c >= last ? last : c);
}

class Grid {
public:
    /// n × n cells over `box`: n is the square root of half of `items` (about two a cell), from
    /// 1 to `most`.
    Grid(const Box& box, std::size_t items, std::size_t most)
        : m_box(box),
          m_n(std::clamp<std::size_t>(
              static_cast<std::size_t>(std::sqrt(static_cast<double>(items) / 2.0)), 1, most)),
          m_sx(box.max_x > box.min_x ? static_cast<double>(m_n) / (box.max_x - box.min_x) : 0),
          m_sy(box.max_y > box.min_y ? static_cast<double>(m_n) / (box.max_y - box.min_y) : 0) {}

    [[nodiscard]] std::size_t cells() const { return m_n * m_n; }

    /// The cell holding (x, y), or the nearest where it lies beyond the box.
    [[nodiscard]] std::size_t cell(double x, double y) const {
        return index(y - m_box.min_y, m_sy) * m_n + index(x - m_box.min_x, m_sx);
    }

    /// The cells a box overlaps: columns x0 to x1 of rows y0 to y1.
    struct Span {
        std::uint32_t x0, x1, y0, y1;
    };
    [[nodiscard]] Span span(const Box& b) const {
        return {index(b.min_x - m_box.min_x, m_sx), index(b.max_x - m_box.min_x, m_sx),
                index(b.min_y - m_box.min_y, m_sy), index(b.max_y - m_box.min_y, m_sy)};
    }

    /// f(c) for every cell c of `span`, row by row.
    template <typename F>
    void for_cells(const Span& span, const F& f) const {
        for (std::size_t y = span.y0; y <= span.y1; ++y) {
            for (std::size_t x = span.x0; x <= span.x1; ++x) f(y * m_n + x);
        }
    }
    /// f(c) for every cell c that `b` overlaps, row by row.
    template <typename F>
    void for_cells(const Box& b, const F& f) const {
        for_cells(span(b), f);
    }

    /// Items 0 to count - 1, each by its box `box_of(i)`, listed in the cells they overlap:
    /// cell c's are items[start[c]] to items[start[c + 1] - 1], in increasing order.
    template <typename BoxOf>
    void list(std::size_t count, const BoxOf& box_of, std::vector<std::uint32_t>& start,
              std::vector<std::uint32_t>& items) const {
        thread_local std::vector<Span> spans;  // each item's, found once
        thread_local std::vector<std::uint32_t> fill;
        spans.resize(count);
        start.assign(cells() + 1, 0);
        for (std::size_t i = 0; i < count; ++i) {
            spans[i] = span(box_of(i));
            for_cells(spans[i], [&](std::size_t c) { ++start[c + 1]; });
        }
        for (std::size_t c = 0; c < cells(); ++c) start[c + 1] += start[c];
        items.resize(start[cells()]);
        fill.assign(start.begin(), start.end() - 1);
        for (std::size_t i = 0; i < count; ++i) {
            for_cells(spans[i],
                      [&](std::size_t c) { items[fill[c]++] = static_cast<std::uint32_t>(i); });
        }
    }

private:
    Box m_box;
    std::size_t m_n;
    double m_sx, m_sy;

    [[nodiscard]] std::uint32_t index(double offset, double scale) const {
        return cell_of(offset * scale, m_n);
    }
};

}  // namespace notional::geo

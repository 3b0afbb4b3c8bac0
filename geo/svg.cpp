#include "geo/svg.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <utility>
#include <vector>

#include "core/parallel.hpp"

namespace notional::geo {

namespace {

/// `steps` units of 10^-decimals written short: "12.5", "7", ".5", "-.5".
void append_steps(std::string& out, long long steps, int decimals) {
    if (steps < 0) out += '-';
    std::string digits = std::to_string(steps < 0 ? -steps : steps);
    const auto places = static_cast<std::size_t>(decimals);
    if (digits.size() <= places) digits.insert(0, places + 1 - digits.size(), '0');
    std::string whole = digits.substr(0, digits.size() - places);
    std::string fraction = digits.substr(digits.size() - places);
    while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
    if (whole == "0" && !fraction.empty()) whole.clear();
    out += whole + (fraction.empty() ? "" : "." + fraction);
}

/// Maps the working CRS (metres, y up) onto the viewBox (units, y down), in whole steps of
/// 10^-decimals units so that relative moves add up to the rounded points exactly.
struct Frame {
    double min_x = 0.0, max_y = 0.0, scale = 1.0;
    int decimals = 1;

    [[nodiscard]] std::pair<long long, long long> steps(double x, double y) const {
        const double per_unit = std::pow(10.0, decimals);
        return {std::llround((x - min_x) * scale * per_unit),
                std::llround((max_y - y) * scale * per_unit)};
    }
};

/// A pair of numbers, the first after a space unless it starts with a minus sign.
void append_pair(std::string& out, long long x, long long y, int decimals) {
    if (x >= 0) out += ' ';
    append_steps(out, x, decimals);
    if (y >= 0) out += ' ';
    append_steps(out, y, decimals);
}

/// Each ring as "M x y l dx dy dx dy … Z" (relative moves are about half the bytes), points
/// that round to the one before left out.
void append_rings(std::string& out, GEOSContextHandle_t handle, const GEOSGeometry* geometry,
                  const Frame& frame) {
    for_each_ring(handle, geometry, [&](const GEOSGeometry* ring, bool /*exterior*/) {
        const GEOSCoordSequence* sequence = GEOSGeom_getCoordSeq_r(handle, ring);
        unsigned size = 0;
        if (!sequence || GEOSCoordSeq_getSize_r(handle, sequence, &size) == 0 || size < 4) {
            return;
        }
        std::pair<long long, long long> last;
        for (unsigned i = 0; i + 1 < size; ++i) {  // the closing point is the first again
            double x = 0.0;
            double y = 0.0;
            GEOSCoordSeq_getXY_r(handle, sequence, i, &x, &y);
            const auto point = frame.steps(x, y);
            if (i == 0) {
                out += 'M';
                append_pair(out, point.first, point.second, frame.decimals);
                out += 'l';
            } else if (point != last) {
                append_pair(out, point.first - last.first, point.second - last.second,
                            frame.decimals);
            }
            last = point;
        }
        out += 'Z';
    });
}

}  // namespace

Drawing svg_drawing(const Layer& layer, GeosContext& context, const SvgOptions& options) {
    GEOSContextHandle_t handle = context.get();
    double min_x = std::numeric_limits<double>::infinity();
    double min_y = min_x;
    double max_x = -min_x;
    double max_y = -min_x;
    for (const auto& shape : layer.shapes) {
        if (!shape || GEOSisEmpty_r(handle, shape.get()) != 0) continue;
        double x0 = 0.0;
        double y0 = 0.0;
        double x1 = 0.0;
        double y1 = 0.0;
        if (GEOSGeom_getExtent_r(handle, shape.get(), &x0, &y0, &x1, &y1) == 0) continue;
        min_x = std::min(min_x, x0);
        min_y = std::min(min_y, y0);
        max_x = std::max(max_x, x1);
        max_y = std::max(max_y, y1);
    }
    Drawing drawing;
    if (!(max_x > min_x) || !(max_y > min_y)) return drawing;  // nothing to draw
    const Frame frame{min_x, max_y, options.width / (max_x - min_x), options.decimals};
    drawing.width = options.width;
    drawing.height = std::ceil((max_y - min_y) * frame.scale);
    // Each ward simplified and drawn by threads, each with its own context; kept in order.
    std::vector<std::optional<DrawnShape>> drawn(layer.size());
    const std::size_t threads = thread_count(0, layer.size() / 64 + 1);
    WorkerContexts contexts(context, threads);
    for_each_index(layer.size(), threads, [&](std::size_t w, std::size_t i) {
        GeosContext& mine = contexts[w];
        GEOSContextHandle_t h = mine.get();
        const GEOSGeometry* shape = layer.shapes[i].get();
        if (!shape || GEOSisEmpty_r(h, shape) != 0) return;
        const Geometry simple =
            checked(mine, GEOSTopologyPreserveSimplify_r(h, shape, options.tolerance / frame.scale),
                    "drawing ward " + layer.codes[i]);
        append_rings(drawn[i].emplace().path, h, simple.get(), frame);
    });
    for (std::size_t i = 0; i < layer.size(); ++i) {
        if (drawn[i]) drawing.shapes[layer.codes[i]] = std::move(*drawn[i]);
    }
    return drawing;
}

}  // namespace notional::geo

#include "geo/svg.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/csv.hpp"

namespace notional::geo {

namespace {

/// A coordinate with at most `decimals` decimals and no trailing zeros: "12.5", "7", never "-0".
void append_number(std::string& out, double value, int decimals) {
    std::string text = fixed(value, decimals);
    if (text.find('.') != std::string::npos) {
        while (text.back() == '0') text.pop_back();
        if (text.back() == '.') text.pop_back();
    }
    out += text == "-0" ? "0" : text;
}

/// Maps the working CRS (metres, y up) onto the viewBox (units, y down).
struct Frame {
    double min_x = 0.0, max_y = 0.0, scale = 1.0;
    int decimals = 1;

    void append(std::string& out, double x, double y) const {
        append_number(out, (x - min_x) * scale, decimals);
        out += ' ';
        append_number(out, (max_y - y) * scale, decimals);
    }
};

/// Each ring as "M x y L x y x y … Z", points that round to the one before left out.
void append_rings(std::string& out, GEOSContextHandle_t handle, const GEOSGeometry* geometry,
                  const Frame& frame) {
    for (int g = 0; g < GEOSGetNumGeometries_r(handle, geometry); ++g) {
        const GEOSGeometry* polygon = GEOSGetGeometryN_r(handle, geometry, g);
        if (GEOSGeomTypeId_r(handle, polygon) != GEOS_POLYGON) continue;
        const int holes = GEOSGetNumInteriorRings_r(handle, polygon);
        for (int r = -1; r < holes; ++r) {
            const GEOSGeometry* ring = r < 0 ? GEOSGetExteriorRing_r(handle, polygon)
                                             : GEOSGetInteriorRingN_r(handle, polygon, r);
            const GEOSCoordSequence* sequence = GEOSGeom_getCoordSeq_r(handle, ring);
            unsigned size = 0;
            if (!sequence || GEOSCoordSeq_getSize_r(handle, sequence, &size) == 0 || size < 4) {
                continue;
            }
            std::string last;
            for (unsigned i = 0; i + 1 < size; ++i) {  // the closing point is the first again
                double x = 0.0;
                double y = 0.0;
                GEOSCoordSeq_getXY_r(handle, sequence, i, &x, &y);
                std::string point;
                frame.append(point, x, y);
                if (point == last) continue;
                out += i == 0 ? "M" : (i == 1 ? "L" : " ");
                out += point;
                last = std::move(point);
            }
            out += 'Z';
        }
    }
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
    for (std::size_t i = 0; i < layer.size(); ++i) {
        const GEOSGeometry* shape = layer.shapes[i].get();
        if (!shape || GEOSisEmpty_r(handle, shape) != 0) continue;
        const std::string what = "drawing ward " + layer.codes[i];
        const Geometry simple = checked(
            context, GEOSTopologyPreserveSimplify_r(handle, shape, options.tolerance / frame.scale),
            what);
        DrawnShape drawn;
        append_rings(drawn.path, handle, simple.get(), frame);
        const Geometry inside = checked(context, GEOSPointOnSurface_r(handle, shape), what);
        double x = 0.0;
        double y = 0.0;
        if (GEOSGeomGetX_r(handle, inside.get(), &x) == 1 &&
            GEOSGeomGetY_r(handle, inside.get(), &y) == 1) {
            drawn.label_x = rounded((x - min_x) * frame.scale, options.decimals);
            drawn.label_y = rounded((max_y - y) * frame.scale, options.decimals);
        }
        drawing.shapes[layer.codes[i]] = std::move(drawn);
    }
    return drawing;
}

}  // namespace notional::geo

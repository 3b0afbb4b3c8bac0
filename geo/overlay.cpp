#include "geo/overlay.hpp"

#include <algorithm>

#include "model/error.hpp"

namespace notional::geo {

namespace {

struct TreeDeleter {
    GEOSContextHandle_t context = nullptr;
    void operator()(GEOSSTRtree* tree) const { GEOSSTRtree_destroy_r(context, tree); }
};

void collect(void* item, void* user_data) {
    static_cast<std::vector<std::size_t>*>(user_data)->push_back(
        reinterpret_cast<std::size_t>(item));
}

Prepared prepare(GeosContext& context, const GEOSGeometry* geometry, const std::string& what) {
    const GEOSPreparedGeometry* prepared = GEOSPrepare_r(context.get(), geometry);
    if (!prepared) throw GeometryError(what + ": cannot prepare: " + context.take_error());
    return Prepared(prepared, PreparedDeleter{context.get()});
}

/// 1 true, 0 false; GEOS's 2 (an exception) becomes a GeometryError naming the pair.
bool predicate(GeosContext& context, char result, const std::string& what) {
    if (result == 2) throw GeometryError(what + ": " + context.take_error());
    return result == 1;
}

struct Measure {
    Geometry shape;
    double area = 0.0, perimeter = 0.0;
};

/// Intersection area and perimeter; on a GEOS topology failure, once more on a millimetre grid.
Measure intersection(GeosContext& context, const GEOSGeometry* a, const GEOSGeometry* b,
                     const std::string& what) {
    GEOSGeometry* piece = GEOSIntersection_r(context.get(), a, b);
    if (!piece) {
        const std::string first_error = context.take_error();
        piece = GEOSIntersectionPrec_r(context.get(), a, b, 0.001);
        if (!piece) {
            throw GeometryError(what + ": intersection failed (" + first_error +
                                "), and again on a 1 mm grid: " + context.take_error());
        }
    }
    Measure measure{checked(context, piece, what), 0.0, 0.0};
    measure.area = area(context, measure.shape.get(), what);
    if (GEOSLength_r(context.get(), measure.shape.get(), &measure.perimeter) == 0) {
        throw GeometryError(what + ": perimeter failed: " + context.take_error());
    }
    return measure;
}

}  // namespace

Overlay overlay(const Layer& old_wards, const Layer& new_wards, const OverlayOptions& options,
                GeosContext& context, const Progress& progress) {
    GEOSContextHandle_t handle = context.get();
    std::unique_ptr<GEOSSTRtree, TreeDeleter> tree(GEOSSTRtree_create_r(handle, 10),
                                                   TreeDeleter{handle});
    if (!tree) throw GeometryError("cannot create an STRtree: " + context.take_error());
    std::vector<Prepared> new_prepared;
    for (std::size_t n = 0; n < new_wards.size(); ++n) {
        GEOSSTRtree_insert_r(handle, tree.get(), new_wards.shapes[n].get(),
                             reinterpret_cast<void*>(n));
        new_prepared.push_back(prepare(context, new_wards.shapes[n].get(),
                                       new_wards.label + " (" + new_wards.codes[n] + ")"));
    }

    Overlay result;
    result.old_sliver_m2.assign(old_wards.size(), 0.0);
    std::vector<std::size_t> candidates;
    for (std::size_t o = 0; o < old_wards.size(); ++o) {
        const GEOSGeometry* old_shape = old_wards.shapes[o].get();
        const Prepared old_prepared =
            prepare(context, old_shape, old_wards.label + " (" + old_wards.codes[o] + ")");
        candidates.clear();
        GEOSSTRtree_query_r(handle, tree.get(), old_shape, &collect, &candidates);
        std::sort(candidates.begin(), candidates.end());  // the same order on every run
        for (const std::size_t n : candidates) {
            const GEOSGeometry* new_shape = new_wards.shapes[n].get();
            const std::string what =
                "old ward " + old_wards.codes[o] + " and new ward " + new_wards.codes[n];
            if (!predicate(context, GEOSPreparedIntersects_r(handle, old_prepared.get(), new_shape),
                           what)) {
                continue;
            }
            double piece_m2 = 0.0;
            bool noise = false;
            Geometry shape;
            if (predicate(context, GEOSPreparedContains_r(handle, old_prepared.get(), new_shape),
                          what)) {
                piece_m2 = new_wards.areas_m2[n];
                shape = checked(context, GEOSGeom_clone_r(handle, new_shape), what);
                ++result.whole;
            } else if (predicate(context,
                                 GEOSPreparedContains_r(handle, new_prepared[n].get(), old_shape),
                                 what)) {
                piece_m2 = old_wards.areas_m2[o];
                shape = checked(context, GEOSGeom_clone_r(handle, old_shape), what);
                ++result.whole;
            } else {
                Measure piece = intersection(context, old_shape, new_shape, what);
                piece_m2 = piece.area;
                shape = std::move(piece.shape);
                noise = piece.perimeter > 0.0 &&
                        2.0 * piece.area / piece.perimeter < options.noise_width_m;
                ++result.intersections;
            }
            if (piece_m2 <= 0.0) continue;  // touching along a boundary: no piece at all
            if (piece_m2 < options.min_piece_m2) {
                result.old_sliver_m2[o] += piece_m2;
                ++result.slivers;
                continue;
            }
            result.pieces.push_back({o, n, piece_m2, noise});
            result.shapes.push_back(std::move(shape));
            if (noise) ++result.noise;
        }
        if (progress) progress(o + 1, old_wards.size());
    }
    return result;
}

}  // namespace notional::geo

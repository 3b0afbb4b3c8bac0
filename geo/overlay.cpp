#include "geo/overlay.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <functional>
#include <optional>

#include "core/error.hpp"
#include "core/parallel.hpp"
#include "geo/measure.hpp"

namespace notional::geo {

namespace {

struct Measure {
    Geometry shape;
    double area = 0.0, perimeter = 0.0;
};

/// Intersection with its area and perimeter.
Measure intersect(GeosContext& context, const GEOSGeometry* a, const GEOSGeometry* b,
                  const std::string& what) {
    Measure measure{intersection(context, a, b, what), 0.0, 0.0};
    measure.area = area(context, measure.shape.get(), what);
    if (GEOSLength_r(context.get(), measure.shape.get(), &measure.perimeter) == 0) {
        throw GeometryError(what + ": perimeter failed: " + context.take_error());
    }
    return measure;
}

/// Calls `f(x0, y0, x1, y1)` for every segment of a polygonal geometry's rings.
template <typename F>
void for_each_segment(GeosContext& context, const GEOSGeometry* geometry, F&& f) {
    GEOSContextHandle_t handle = context.get();
    for_each_ring(handle, geometry, [&](const GEOSGeometry* ring, bool /*exterior*/) {
        const GEOSCoordSequence* sequence = GEOSGeom_getCoordSeq_r(handle, ring);
        unsigned size = 0;
        if (!sequence || GEOSCoordSeq_getSize_r(handle, sequence, &size) == 0) return;
        double x0 = 0.0;
        double y0 = 0.0;
        for (unsigned i = 0; i < size; ++i) {
            double x = 0.0;
            double y = 0.0;
            GEOSCoordSeq_getXY_r(handle, sequence, i, &x, &y);
            if (i > 0) f(x0, y0, x, y);
            x0 = x;
            y0 = y;
        }
    });
}

/// The area of `rest` (an old ward's part no new ward covers) in gaps inside the new map: its
/// parts that new wards enclose. A part that runs along the old ward's own edge (for more than
/// `noise_width_m`) runs on beyond it, into a river or off the map: beyond the outline, its
/// votes spread (the rare gap that runs on into the next old ward counts so too). Parts
/// thinner on average than `noise_width_m` are slits between two drawings of one line.
double gap_area(GeosContext& context, const GEOSGeometry* rest, const GEOSGeometry* old_shape,
                double noise_width_m, const std::string& what) {
    GEOSContextHandle_t handle = context.get();
    std::optional<Geometry> edge;  // the old ward's boundary, made when first needed
    std::optional<Prepared> prepared_edge;
    double gap_m2 = 0.0;
    for (int i = 0; i < GEOSGetNumGeometries_r(handle, rest); ++i) {
        const GEOSGeometry* part = GEOSGetGeometryN_r(handle, rest, i);
        const double part_m2 = area(context, part, what);
        double perimeter = 0.0;
        if (GEOSLength_r(handle, part, &perimeter) == 0) {
            throw GeometryError(what + ": perimeter failed: " + context.take_error());
        }
        if (part_m2 <= 0.0 || 2.0 * part_m2 / perimeter < noise_width_m) continue;
        if (!edge) {
            edge = checked(context, GEOSBoundary_r(handle, old_shape), what + ": boundary");
            prepared_edge = prepare(context, edge->get(), what + ": boundary");
        }
        // Its segments whose middle lies on the old ward's edge (to a centimetre).
        double along_m = 0.0;
        for_each_segment(context, part, [&](double x0, double y0, double x1, double y1) {
            if (along_m >= noise_width_m) return;
            const Geometry middle = checked(
                context, GEOSGeom_createPointFromXY_r(handle, (x0 + x1) / 2, (y0 + y1) / 2), what);
            if (holds(
                    context,
                    GEOSPreparedDistanceWithin_r(handle, prepared_edge->get(), middle.get(), 0.01),
                    what)) {
                along_m += std::hypot(x1 - x0, y1 - y0);
            }
        });
        if (along_m < noise_width_m) gap_m2 += part_m2;
    }
    return gap_m2;
}

/// Old ward `o`'s part that no new ward covers (`met`: the new wards it meets), its area and
/// its part in gaps, into `result`.
void shape_uncovered(Overlay& result, std::size_t o, const GEOSGeometry* old_shape,
                     const std::vector<const GEOSGeometry*>& met, const Layer& old_wards,
                     const OverlayOptions& options, GeosContext& context) {
    const std::string what =
        old_wards.label + " (" + old_wards.codes[o] + "): its part outside the new wards";
    // One difference with the union of the new wards it meets, each cut first to the old
    // ward's box (and a metre): measured, a fifth to a half faster than taking them away one by
    // one or than a union of the whole wards, whose coastal seats are costly to join.
    std::vector<Geometry> near;
    std::vector<const GEOSGeometry*> shapes;
    for (const GEOSGeometry* shape : met) {
        near.push_back(clipped(context, shape, old_shape, 1.0, what));
        shapes.push_back(near.back().get());
    }
    const Geometry covered = union_of(context, shapes, what);
    Geometry rest = difference(context, old_shape, covered.get(), what);
    result.old_gap_m2[o] = gap_area(context, rest.get(), old_shape, options.noise_width_m, what);
    result.old_uncovered_m2[o] = area(context, rest.get(), what);
    result.uncovered[o] = std::move(rest);
}

/// Each ward's rings, for measuring pieces without building them; empty when they are built.
struct WardRings {
    std::vector<Rings> old_rings, new_rings;
};

/// One ward of a pair: its shape, prepared, its area, and its rings when measuring.
struct Ward {
    const GEOSGeometry* shape;
    const GEOSPreparedGeometry* prepared;
    double area_m2;
    const Rings* rings;  ///< null: the piece is built by GEOS
};

/// A pair's piece: its area, whether it is boundary noise, and its shape when it is built.
struct PairPiece {
    double area_m2 = 0.0;
    bool noise = false;
    Geometry shape;
};

/// The piece of two wards whose shapes meet: one whole inside the other, or where their
/// boundaries cross, their intersection built (or measured, given rings).
PairPiece piece_of(GeosContext& context, const Ward& old_ward, const Ward& new_ward,
                   const OverlayOptions& options, Overlay& result, const std::string& what) {
    GEOSContextHandle_t handle = context.get();
    const bool build = old_ward.rings == nullptr || new_ward.rings == nullptr;
    PairPiece piece;
    for (const auto& [outer, inner] : {std::pair{&old_ward, &new_ward}, {&new_ward, &old_ward}}) {
        if (holds(context, GEOSPreparedContains_r(handle, outer->prepared, inner->shape), what)) {
            piece.area_m2 = inner->area_m2;
            if (build) piece.shape = checked(context, GEOSGeom_clone_r(handle, inner->shape), what);
            ++result.whole;
            return piece;
        }
    }
    double perimeter = 0.0;
    if (build) {
        Measure built = intersect(context, old_ward.shape, new_ward.shape, what);
        piece.area_m2 = built.area;
        perimeter = built.perimeter;
        piece.shape = std::move(built.shape);
    } else {
        const Measured measured = measure_intersection(*old_ward.rings, *new_ward.rings);
        piece.area_m2 = measured.area;
        perimeter = measured.perimeter;
    }
    piece.noise = perimeter > 0.0 && 2.0 * piece.area_m2 / perimeter < options.noise_width_m;
    if (piece.area_m2 > 0.0) ++result.intersections;  // measured, shapes apart give nothing
    return piece;
}

/// The overlay of old wards [begin, end) on every new ward, in `context` alone, with its own
/// tree and prepared shapes: the shapes and rings of both layers are only read.
Overlay overlay_range(const std::vector<const GEOSGeometry*>& old_shapes,
                      const std::vector<const GEOSGeometry*>& new_shapes, const Layer& old_wards,
                      const Layer& new_wards, const OverlayOptions& options, const WardRings& rings,
                      std::size_t begin, std::size_t end, GeosContext& context,
                      const std::function<void()>& tick) {
    GEOSContextHandle_t handle = context.get();
    const Tree tree = tree_of(context, new_shapes);
    std::vector<Prepared> new_prepared;
    for (std::size_t n = 0; n < new_wards.size(); ++n) {
        new_prepared.push_back(
            prepare(context, new_shapes[n], new_wards.label + " (" + new_wards.codes[n] + ")"));
    }
    const bool measuring = !rings.old_rings.empty();
    Overlay result;
    result.old_sliver_m2.assign(old_wards.size(), 0.0);  // the whole layer: ranges add up
    result.old_uncovered_m2.assign(old_wards.size(), 0.0);
    result.old_gap_m2.assign(old_wards.size(), 0.0);
    result.uncovered.resize(old_wards.size());
    for (std::size_t o = begin; o < end; ++o) {
        const GEOSGeometry* old_shape = old_shapes[o];
        const Prepared old_prepared =
            prepare(context, old_shape, old_wards.label + " (" + old_wards.codes[o] + ")");
        const Ward old_ward{old_shape, old_prepared.get(), old_wards.areas_m2[o],
                            measuring ? &rings.old_rings[o] : nullptr};
        double covered_m2 = 0.0;
        std::vector<const GEOSGeometry*> met;  // the new wards it meets
        for (const std::size_t n : query(context, tree.get(), old_shape)) {
            const GEOSGeometry* new_shape = new_shapes[n];
            const std::string what =
                "old ward " + old_wards.codes[o] + " and new ward " + new_wards.codes[n];
            // Measured, a pair whose boxes meet but not its shapes costs less than the test.
            if (!measuring &&
                !holds(context, GEOSPreparedIntersects_r(handle, old_prepared.get(), new_shape),
                       what)) {
                continue;
            }
            const Ward new_ward{new_shape, new_prepared[n].get(), new_wards.areas_m2[n],
                                measuring ? &rings.new_rings[n] : nullptr};
            PairPiece piece = piece_of(context, old_ward, new_ward, options, result, what);
            if (piece.area_m2 <= 0.0) continue;  // touching along a boundary: no piece at all
            covered_m2 += piece.area_m2;
            met.push_back(new_shape);
            if (piece.area_m2 < options.min_piece_m2) {
                result.old_sliver_m2[o] += piece.area_m2;
                ++result.slivers;
                continue;
            }
            result.pieces.push_back({o, n, piece.area_m2, piece.noise});
            if (!measuring) result.shapes.push_back(std::move(piece.shape));
            if (piece.noise) ++result.noise;
        }
        // What no new ward covers, shaped, where it is more than a sliver.
        if (old_wards.areas_m2[o] - covered_m2 > options.min_piece_m2) {
            shape_uncovered(result, o, old_shape, met, old_wards, options, context);
        }
        tick();
    }
    return result;
}

/// Every ward's rings when the pieces are measured, not built; none otherwise.
WardRings rings_for(const Layer& old_wards, const Layer& new_wards, const OverlayOptions& options,
                    GeosContext& context) {
    WardRings rings;
    if (options.method != OverlayMethod::measure || options.shapes) return rings;
    for (const Layer* layer : {&old_wards, &new_wards}) {
        auto& out = layer == &old_wards ? rings.old_rings : rings.new_rings;
        for (std::size_t w = 0; w < layer->size(); ++w) {
            out.push_back(rings_of(context, layer->shapes[w].get(),
                                   layer->label + " (" + layer->codes[w] + ")"));
        }
    }
    return rings;
}

}  // namespace

namespace {

/// Each thread's own context and range of old wards, made before it starts; old wards are
/// shared out in contiguous ranges, so the pieces come back in order.
struct Share {
    std::unique_ptr<GeosContext> context;  ///< null for the calling thread's share
    std::size_t begin = 0, end = 0;
};

std::vector<Share> share_out(const Layer& old_wards, std::size_t threads) {
    std::vector<Share> shares(threads);
    for (std::size_t t = 0; t < threads; ++t) {
        const Range range = range_of(t, threads, old_wards.size());
        shares[t].begin = range.begin;
        shares[t].end = range.end;
        if (t > 0) shares[t].context = std::make_unique<GeosContext>();
    }
    return shares;
}

/// The ranges' overlays as one, in order.
Overlay merged(std::vector<Overlay>& parts, std::size_t old_count, GeosContext& context) {
    Overlay result;
    result.old_sliver_m2.assign(old_count, 0.0);
    result.old_uncovered_m2.assign(old_count, 0.0);
    result.old_gap_m2.assign(old_count, 0.0);
    result.uncovered.resize(old_count);
    for (auto& part : parts) {
        for (std::size_t i = 0; i < part.pieces.size(); ++i) {
            result.pieces.push_back(part.pieces[i]);
            // Geometries belong to no context; the deleter's handle is only for messages.
            if (i >= part.shapes.size()) continue;  // measured: no shapes
            result.shapes.emplace_back(part.shapes[i].release(), GeometryDeleter{context.get()});
        }
        for (std::size_t o = 0; o < old_count; ++o) {
            result.old_sliver_m2[o] += part.old_sliver_m2[o];
            result.old_uncovered_m2[o] += part.old_uncovered_m2[o];
            result.old_gap_m2[o] += part.old_gap_m2[o];
            if (part.uncovered[o]) {
                result.uncovered[o] =
                    Geometry(part.uncovered[o].release(), GeometryDeleter{context.get()});
            }
        }
        result.slivers += part.slivers;
        result.whole += part.whole;
        result.intersections += part.intersections;
        result.noise += part.noise;
    }
    return result;
}

}  // namespace

Overlay overlay(const Layer& old_wards, const Layer& new_wards, const OverlayOptions& options,
                GeosContext& context, const Progress& progress) {
    const std::size_t threads = thread_count(options.threads, old_wards.size());
    const WardRings rings = rings_for(old_wards, new_wards, options, context);
    std::vector<Share> shares = share_out(old_wards, threads);
    // The layers' shapes are read by every thread, never copied: GEOS 3.11 works out a shape's
    // box when first asked, so every box is worked out here, before the threads start.
    std::vector<const GEOSGeometry*> old_shapes;
    std::vector<const GEOSGeometry*> new_shapes;
    for (const auto& [layer, shapes] :
         {std::pair{&old_wards, &old_shapes}, {&new_wards, &new_shapes}}) {
        for (const Geometry& shape : layer->shapes) {
            settle(context, shape.get());
            shapes->push_back(shape.get());
        }
    }
    std::atomic<std::size_t> done{0};
    std::vector<Overlay> parts(threads);
    run_shares(threads, [&](std::size_t t) {
        Share& share = shares[t];
        // The calling thread takes the first range and reports progress for all of them.
        const std::function<void()> tick = [&, t] {
            ++done;
            if (t == 0 && progress) progress(done.load(), old_wards.size());
        };
        parts[t] = overlay_range(old_shapes, new_shapes, old_wards, new_wards, options, rings,
                                 share.begin, share.end, t == 0 ? context : *share.context, tick);
    });
    if (progress) progress(old_wards.size(), old_wards.size());
    return merged(parts, old_wards.size(), context);
}

}  // namespace notional::geo

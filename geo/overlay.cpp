#include "geo/overlay.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
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
    near.reserve(met.size());
    for (const GEOSGeometry* shape : met) {
        near.push_back(clipped(context, shape, old_shape, 1.0, what));
    }
    const Geometry covered = union_of(context, std::move(near), what);
    Geometry rest = difference(context, old_shape, covered.get(), what);
    result.old_gap_m2[o] = gap_area(context, rest.get(), old_shape, options.noise_width_m, what);
    result.old_uncovered_m2[o] = area(context, rest.get(), what);
    result.uncovered[o] = std::move(rest);
}

/// Whether the pieces are measured from the wards' rings, not built by GEOS.
bool measured(const OverlayOptions& options) {
    return options.method == OverlayMethod::measure && !options.shapes;
}

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

/// One thread's own context, tree over the new wards and prepared new wards, made in its thread
/// when first needed, and what its old wards gave, in the order it took them.
struct Worker {
    std::unique_ptr<GeosContext> own;  ///< null for the calling thread's, which has one
    GeosContext* context = nullptr;
    Tree tree;
    std::vector<Prepared> new_prepared;
    Overlay part;
};

/// Everything both layers give the overlay; only read, by every thread.
struct Inputs {
    const std::vector<const GEOSGeometry*>& old_shapes;
    const std::vector<const GEOSGeometry*>& new_shapes;
    const Layer& old_wards;
    const Layer& new_wards;
    const OverlayOptions& options;
    /// The new wards' rings when measuring (an old ward's are made when it is overlaid: each
    /// is met once, so they are not all held).
    const std::vector<Rings>& new_rings;
};

void start(Worker& worker, const Inputs& in) {
    GeosContext& context = *worker.context;
    worker.tree = tree_of(context, in.new_shapes);
    for (std::size_t n = 0; n < in.new_wards.size(); ++n) {
        worker.new_prepared.push_back(prepare(
            context, in.new_shapes[n], in.new_wards.label + " (" + in.new_wards.codes[n] + ")"));
    }
    Overlay& part = worker.part;
    part.old_sliver_m2.assign(in.old_wards.size(), 0.0);  // the whole layer: the parts add up
    part.old_uncovered_m2.assign(in.old_wards.size(), 0.0);
    part.old_gap_m2.assign(in.old_wards.size(), 0.0);
    part.uncovered.resize(in.old_wards.size());
}

/// Old ward `o` on every new ward it meets, into the worker's part.
void overlay_ward(std::size_t o, Worker& worker, const Inputs& in) {
    GeosContext& context = *worker.context;
    GEOSContextHandle_t handle = context.get();
    Overlay& result = worker.part;
    const bool measuring = measured(in.options);
    const GEOSGeometry* old_shape = in.old_shapes[o];
    const std::string old_label = in.old_wards.label + " (" + in.old_wards.codes[o] + ")";
    const Prepared old_prepared = prepare(context, old_shape, old_label);
    const Rings old_rings = measuring ? rings_of(context, old_shape, old_label) : Rings();
    const Ward old_ward{old_shape, old_prepared.get(), in.old_wards.areas_m2[o],
                        measuring ? &old_rings : nullptr};
    double covered_m2 = 0.0;
    std::vector<const GEOSGeometry*> met;  // the new wards it meets
    for (const std::size_t n : query(context, worker.tree.get(), old_shape)) {
        const GEOSGeometry* new_shape = in.new_shapes[n];
        const std::string what =
            "old ward " + in.old_wards.codes[o] + " and new ward " + in.new_wards.codes[n];
        // Measured, a pair whose boxes meet but not its shapes costs less than the test.
        if (!measuring &&
            !holds(context, GEOSPreparedIntersects_r(handle, old_prepared.get(), new_shape),
                   what)) {
            continue;
        }
        const Ward new_ward{new_shape, worker.new_prepared[n].get(), in.new_wards.areas_m2[n],
                            measuring ? &in.new_rings[n] : nullptr};
        PairPiece piece = piece_of(context, old_ward, new_ward, in.options, result, what);
        if (piece.area_m2 <= 0.0) continue;  // touching along a boundary: no piece at all
        covered_m2 += piece.area_m2;
        met.push_back(new_shape);
        if (piece.area_m2 < in.options.min_piece_m2) {
            result.old_sliver_m2[o] += piece.area_m2;
            ++result.slivers;
            continue;
        }
        result.pieces.push_back({o, n, piece.area_m2, piece.noise});
        if (!measuring) result.shapes.push_back(std::move(piece.shape));
        if (piece.noise) ++result.noise;
    }
    // What no new ward covers, shaped, where it is more than a sliver.
    if (in.old_wards.areas_m2[o] - covered_m2 > in.options.min_piece_m2) {
        shape_uncovered(result, o, old_shape, met, in.old_wards, in.options, context);
    }
}

/// The new wards' rings when the pieces are measured, not built; none otherwise. Made on every
/// core, each thread with its own context, reading the (settled) shapes.
std::vector<Rings> rings_for(const Layer& new_wards, const OverlayOptions& options,
                             GeosContext& context) {
    std::vector<Rings> rings;
    if (!measured(options)) return rings;
    rings.resize(new_wards.size());
    const std::size_t threads = thread_count(options.threads, new_wards.size());
    WorkerContexts contexts(context, threads);
    for_each_index(new_wards.size(), threads, [&](std::size_t w, std::size_t ward) {
        rings[ward] = rings_of(contexts[w], new_wards.shapes[ward].get(),
                               new_wards.label + " (" + new_wards.codes[ward] + ")");
    });
    return rings;
}

}  // namespace

namespace {

/// The workers' parts as one, in the old wards' order: `owner[o]`, the worker that took old
/// ward o, holds its pieces, next in the order it took them.
Overlay merged(std::vector<std::unique_ptr<Worker>>& workers, const std::vector<std::size_t>& owner,
               GeosContext& context) {
    const std::size_t old_count = owner.size();
    Overlay result;
    result.old_sliver_m2.assign(old_count, 0.0);
    result.old_uncovered_m2.assign(old_count, 0.0);
    result.old_gap_m2.assign(old_count, 0.0);
    result.uncovered.resize(old_count);
    std::vector<std::size_t> next(workers.size(), 0);  // each part's next piece
    for (std::size_t o = 0; o < old_count; ++o) {
        Overlay& part = workers[owner[o]]->part;
        std::size_t& i = next[owner[o]];
        for (; i < part.pieces.size() && part.pieces[i].old_index == o; ++i) {
            result.pieces.push_back(part.pieces[i]);
            // Geometries belong to no context; the deleter's handle is only for messages.
            if (i >= part.shapes.size()) continue;  // measured: no shapes
            result.shapes.emplace_back(part.shapes[i].release(), GeometryDeleter{context.get()});
        }
        result.old_sliver_m2[o] = part.old_sliver_m2[o];
        result.old_uncovered_m2[o] = part.old_uncovered_m2[o];
        result.old_gap_m2[o] = part.old_gap_m2[o];
        if (part.uncovered[o]) {
            result.uncovered[o] =
                Geometry(part.uncovered[o].release(), GeometryDeleter{context.get()});
        }
    }
    for (const auto& worker : workers) {
        result.slivers += worker->part.slivers;
        result.whole += worker->part.whole;
        result.intersections += worker->part.intersections;
        result.noise += worker->part.noise;
    }
    return result;
}

}  // namespace

Overlay overlay(const Layer& old_wards, const Layer& new_wards, const OverlayOptions& options,
                GeosContext& context, const Progress& progress) {
    const std::size_t threads = thread_count(options.threads, old_wards.size());
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
    const std::vector<Rings> new_rings = rings_for(new_wards, options, context);
    const Inputs inputs{old_shapes, new_shapes, old_wards, new_wards, options, new_rings};
    std::vector<std::unique_ptr<Worker>> workers(threads);
    for (std::size_t t = 0; t < threads; ++t) {
        workers[t] = std::make_unique<Worker>();
        if (t > 0) workers[t]->own = std::make_unique<GeosContext>();
        workers[t]->context = t == 0 ? &context : workers[t]->own.get();
    }
    // The old wards taken in turn (a coastal ward can take a hundred times another's time),
    // each one's pieces kept by the worker that took it, then merged in order: the same
    // pieces, in the same order, to the last bit, whatever the threads.
    std::vector<std::size_t> owner(old_wards.size(), 0);
    std::atomic<std::size_t> done{0};
    for_each_index(old_wards.size(), threads, [&](std::size_t w, std::size_t o) {
        Worker& worker = *workers[w];
        if (!worker.tree) start(worker, inputs);
        owner[o] = w;
        overlay_ward(o, worker, inputs);
        ++done;
        // The calling thread reports progress for all of them.
        if (w == 0 && progress) progress(done.load(), old_wards.size());
    });
    if (progress) progress(old_wards.size(), old_wards.size());
    return merged(workers, owner, context);
}

}  // namespace notional::geo

#include "geo/overlay.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <functional>
#include <thread>

#include "model/error.hpp"

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

/// The overlay of old wards [begin, end) on every new ward, in `context` alone: the shapes it
/// reads are its own copies, so threads share no GEOS object.
Overlay overlay_range(const std::vector<const GEOSGeometry*>& old_shapes,
                      const std::vector<const GEOSGeometry*>& new_shapes, const Layer& old_wards,
                      const Layer& new_wards, const OverlayOptions& options, std::size_t begin,
                      std::size_t end, GeosContext& context, const std::function<void()>& tick) {
    GEOSContextHandle_t handle = context.get();
    const Tree tree = tree_of(context, new_shapes);
    std::vector<Prepared> new_prepared;
    for (std::size_t n = 0; n < new_wards.size(); ++n) {
        new_prepared.push_back(
            prepare(context, new_shapes[n], new_wards.label + " (" + new_wards.codes[n] + ")"));
    }

    Overlay result;
    result.old_sliver_m2.assign(old_wards.size(), 0.0);  // the whole layer: ranges add up
    result.old_uncovered_m2.assign(old_wards.size(), 0.0);
    result.old_gap_m2.assign(old_wards.size(), 0.0);
    result.uncovered.resize(old_wards.size());
    for (std::size_t o = begin; o < end; ++o) {
        const GEOSGeometry* old_shape = old_shapes[o - begin];
        const Prepared old_prepared =
            prepare(context, old_shape, old_wards.label + " (" + old_wards.codes[o] + ")");
        double covered_m2 = 0.0;
        std::vector<const GEOSGeometry*> met;  // the new wards it meets
        for (const std::size_t n : query(context, tree.get(), old_shape)) {
            const GEOSGeometry* new_shape = new_shapes[n];
            const std::string what =
                "old ward " + old_wards.codes[o] + " and new ward " + new_wards.codes[n];
            if (!holds(context, GEOSPreparedIntersects_r(handle, old_prepared.get(), new_shape),
                       what)) {
                continue;
            }
            double piece_m2 = 0.0;
            bool noise = false;
            Geometry shape;
            if (holds(context, GEOSPreparedContains_r(handle, old_prepared.get(), new_shape),
                      what)) {
                piece_m2 = new_wards.areas_m2[n];
                shape = checked(context, GEOSGeom_clone_r(handle, new_shape), what);
                ++result.whole;
            } else if (holds(context,
                             GEOSPreparedContains_r(handle, new_prepared[n].get(), old_shape),
                             what)) {
                piece_m2 = old_wards.areas_m2[o];
                shape = checked(context, GEOSGeom_clone_r(handle, old_shape), what);
                ++result.whole;
            } else {
                Measure piece = intersect(context, old_shape, new_shape, what);
                piece_m2 = piece.area;
                shape = std::move(piece.shape);
                noise = piece.perimeter > 0.0 &&
                        2.0 * piece.area / piece.perimeter < options.noise_width_m;
                ++result.intersections;
            }
            if (piece_m2 <= 0.0) continue;  // touching along a boundary: no piece at all
            covered_m2 += piece_m2;
            met.push_back(new_shape);
            if (piece_m2 < options.min_piece_m2) {
                result.old_sliver_m2[o] += piece_m2;
                ++result.slivers;
                continue;
            }
            result.pieces.push_back({o, n, piece_m2, noise});
            result.shapes.push_back(std::move(shape));
            if (noise) ++result.noise;
        }
        // What no new ward covers, shaped, where it is more than a sliver.
        if (old_wards.areas_m2[o] - covered_m2 > options.min_piece_m2) {
            const std::string what = old_wards.label + " (" + old_wards.codes[o] +
                                     "): its part "
                                     "outside the new wards";
            Geometry rest =
                met.empty()
                    ? checked(context, GEOSGeom_clone_r(handle, old_shape), what)
                    : difference(context, old_shape, union_of(context, met, what).get(), what);
            result.old_uncovered_m2[o] = area(context, rest.get(), what);
            result.uncovered[o] = std::move(rest);
        }
        tick();
    }
    return result;
}

/// Which of the uncovered parts lie in gaps inside the new map: holes in the union of the new
/// wards. Computed only where some old ward has an uncovered part.
void find_gaps(Overlay& result, const Layer& new_wards, double noise_width_m,
               GeosContext& context) {
    if (std::none_of(result.uncovered.begin(), result.uncovered.end(),
                     [](const Geometry& shape) { return static_cast<bool>(shape); })) {
        return;
    }
    std::vector<const GEOSGeometry*> shapes;
    for (const auto& shape : new_wards.shapes) shapes.push_back(shape.get());
    const std::string what = new_wards.label + ": the new map's outline";
    const Geometry outline = union_of(context, shapes, what);
    // A hole thinner on average than the noise width is a slit between two drawings of one
    // line, not a gap: it counts as beyond the outline, as boundary noise counts as no change.
    const Geometry all_holes = holes_of(context, outline.get(), what);
    std::vector<const GEOSGeometry*> wide;
    for (int i = 0; i < GEOSGetNumGeometries_r(context.get(), all_holes.get()); ++i) {
        const GEOSGeometry* hole = GEOSGetGeometryN_r(context.get(), all_holes.get(), i);
        double perimeter = 0.0;
        const double hole_m2 = area(context, hole, what);
        if (GEOSLength_r(context.get(), hole, &perimeter) == 0) {
            throw GeometryError(what + ": perimeter failed: " + context.take_error());
        }
        if (perimeter > 0.0 && 2.0 * hole_m2 / perimeter >= noise_width_m) wide.push_back(hole);
    }
    if (wide.empty()) return;
    const Geometry holes = union_of(context, wide, what);
    const Prepared prepared = prepare(context, holes.get(), what);
    for (std::size_t o = 0; o < result.uncovered.size(); ++o) {
        const GEOSGeometry* rest = result.uncovered[o].get();
        if (!rest ||
            !holds(context, GEOSPreparedIntersects_r(context.get(), prepared.get(), rest), what)) {
            continue;
        }
        const Geometry gap = intersection(context, rest, holes.get(), what);
        result.old_gap_m2[o] = area(context, gap.get(), what);
    }
}

}  // namespace

Overlay overlay(const Layer& old_wards, const Layer& new_wards, const OverlayOptions& options,
                GeosContext& context, const Progress& progress) {
    const std::size_t cores = std::max(1U, std::thread::hardware_concurrency());
    const std::size_t threads = std::clamp<std::size_t>(
        options.threads ? options.threads : cores, 1, std::max<std::size_t>(1, old_wards.size()));
    // Each thread gets its own context and its own copies of the shapes, cloned here before it
    // starts; old wards are shared out in contiguous ranges, so the pieces come back in order.
    std::vector<std::unique_ptr<GeosContext>> contexts;
    std::vector<std::vector<Geometry>> copies;
    std::vector<std::vector<const GEOSGeometry*>> old_shapes(threads), new_shapes(threads);
    std::vector<std::pair<std::size_t, std::size_t>> ranges;
    for (std::size_t t = 0; t < threads; ++t) {
        const std::size_t begin = old_wards.size() * t / threads;
        const std::size_t end = old_wards.size() * (t + 1) / threads;
        ranges.emplace_back(begin, end);
        contexts.push_back(t == 0 ? nullptr : std::make_unique<GeosContext>());
        if (t == 0) {
            for (std::size_t o = begin; o < end; ++o)
                old_shapes[t].push_back(old_wards.shapes[o].get());
            for (const auto& shape : new_wards.shapes) new_shapes[t].push_back(shape.get());
            continue;
        }
        copies.emplace_back();
        auto clone = [&](const Geometry& shape) {
            copies.back().push_back(
                checked(context, GEOSGeom_clone_r(context.get(), shape.get()), "a copy"));
            return copies.back().back().get();
        };
        for (std::size_t o = begin; o < end; ++o)
            old_shapes[t].push_back(clone(old_wards.shapes[o]));
        for (const auto& shape : new_wards.shapes) new_shapes[t].push_back(clone(shape));
    }

    std::atomic<std::size_t> done{0};
    std::vector<Overlay> parts(threads);
    std::vector<std::exception_ptr> errors(threads);
    auto work = [&](std::size_t t, const std::function<void()>& tick) {
        try {
            GeosContext& own = t == 0 ? context : *contexts[t];
            parts[t] = overlay_range(old_shapes[t], new_shapes[t], old_wards, new_wards, options,
                                     ranges[t].first, ranges[t].second, own, tick);
        } catch (...) {
            errors[t] = std::current_exception();
        }
    };
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < threads; ++t) {
        pool.emplace_back(work, t, [&done] { ++done; });
    }
    // This thread takes the first range and reports progress for all of them.
    work(0, [&] {
        ++done;
        if (progress) progress(done.load(), old_wards.size());
    });
    for (auto& thread : pool) thread.join();
    if (progress) progress(old_wards.size(), old_wards.size());
    for (const auto& error : errors) {
        if (error) std::rethrow_exception(error);  // the first range's error first: reproducible
    }

    Overlay result;
    result.old_sliver_m2.assign(old_wards.size(), 0.0);
    result.old_uncovered_m2.assign(old_wards.size(), 0.0);
    result.old_gap_m2.assign(old_wards.size(), 0.0);
    result.uncovered.resize(old_wards.size());
    for (auto& part : parts) {
        for (std::size_t i = 0; i < part.pieces.size(); ++i) {
            result.pieces.push_back(part.pieces[i]);
            // Geometries belong to no context; the deleter's handle is only for messages.
            result.shapes.emplace_back(part.shapes[i].release(), GeometryDeleter{context.get()});
        }
        for (std::size_t o = 0; o < old_wards.size(); ++o) {
            result.old_sliver_m2[o] += part.old_sliver_m2[o];
            result.old_uncovered_m2[o] += part.old_uncovered_m2[o];
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
    find_gaps(result, new_wards, options.noise_width_m, context);
    return result;
}

}  // namespace notional::geo

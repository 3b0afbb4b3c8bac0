#pragma once
/// GEOS through its reentrant C API: one context per thread, owned geometries, checked calls.
#include <geos_c.h>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "core/progress.hpp"

namespace notional::geo {

/// A GEOS context whose handlers only record the last message (never throw from inside GEOS).
class GeosContext {
public:
    GeosContext();
    ~GeosContext();
    GeosContext(const GeosContext&) = delete;
    GeosContext& operator=(const GeosContext&) = delete;

    [[nodiscard]] GEOSContextHandle_t get() const { return m_handle; }
    /// The last error GEOS reported on this context, then cleared.
    [[nodiscard]] std::string take_error();

private:
    static void on_error(const char* message, void* self);
    GEOSContextHandle_t m_handle;
    std::string m_error;
};

/// A GEOS context for each worker of a pool (see for_each_index): the caller's own for worker
/// 0, which runs on the calling thread, and one made at first use for each other worker. Each
/// worker asks only for its own.
class WorkerContexts {
public:
    WorkerContexts(GeosContext& caller, std::size_t workers) : m_caller(caller), m_own(workers) {}

    GeosContext& operator[](std::size_t worker) {
        if (worker == 0) return m_caller;
        if (!m_own.at(worker)) m_own[worker] = std::make_unique<GeosContext>();
        return *m_own[worker];
    }

private:
    GeosContext& m_caller;
    std::vector<std::unique_ptr<GeosContext>> m_own;
};

struct GeometryDeleter {
    GEOSContextHandle_t context = nullptr;
    void operator()(GEOSGeometry* geometry) const { GEOSGeom_destroy_r(context, geometry); }
};
using Geometry = std::unique_ptr<GEOSGeometry, GeometryDeleter>;

struct PreparedDeleter {
    GEOSContextHandle_t context = nullptr;
    void operator()(const GEOSPreparedGeometry* prepared) const {
        GEOSPreparedGeom_destroy_r(context, prepared);
    }
};
using Prepared = std::unique_ptr<const GEOSPreparedGeometry, PreparedDeleter>;

struct TreeDeleter {
    GEOSContextHandle_t context = nullptr;
    void operator()(GEOSSTRtree* tree) const { GEOSSTRtree_destroy_r(context, tree); }
};
using Tree = std::unique_ptr<GEOSSTRtree, TreeDeleter>;

/// An STRtree over `shapes`, each item its index.
[[nodiscard]] Tree tree_of(GeosContext& context, const std::vector<const GEOSGeometry*>& shapes);

/// The indices whose envelopes meet `shape`, sorted, so every run visits them alike.
[[nodiscard]] std::vector<std::size_t> query(GeosContext& context, GEOSSTRtree* tree,
                                             const GEOSGeometry* shape);

/// A point no polygon of `locate` covers.
inline constexpr std::size_t nowhere = static_cast<std::size_t>(-1);

/// Calls `f(ring, exterior)` for every ring of every polygon of a polygonal geometry, the
/// exterior before its holes; GEOS promises no orientation.
template <typename F>
void for_each_ring(GEOSContextHandle_t handle, const GEOSGeometry* geometry, F&& f) {
    for (int g = 0; g < GEOSGetNumGeometries_r(handle, geometry); ++g) {
        const GEOSGeometry* polygon = GEOSGetGeometryN_r(handle, geometry, g);
        if (GEOSGeomTypeId_r(handle, polygon) != GEOS_POLYGON ||
            GEOSisEmpty_r(handle, polygon) != 0) {
            continue;
        }
        f(GEOSGetExteriorRing_r(handle, polygon), true);
        for (int r = 0; r < GEOSGetNumInteriorRings_r(handle, polygon); ++r) {
            f(GEOSGetInteriorRingN_r(handle, polygon, r), false);
        }
    }
}

/// For each point, the first of `polygons` that covers it, or nowhere: a point on an edge two
/// polygons share counts in one. `what` names the points for messages.
[[nodiscard]] std::vector<std::size_t> locate(GeosContext& context,
                                              const std::vector<const GEOSGeometry*>& points,
                                              const std::vector<const GEOSGeometry*>& polygons,
                                              const std::string& what,
                                              const Progress& progress = {});

/// A prepared geometry; throws GeometryError naming `what` when GEOS cannot prepare it.
[[nodiscard]] Prepared prepare(GeosContext& context, const GEOSGeometry* geometry,
                               const std::string& what);

/// A GEOS predicate's answer: 1 true, 0 false; 2 (an exception) becomes a GeometryError.
[[nodiscard]] bool holds(GeosContext& context, char result, const std::string& what);

/// The intersection of a and b; on a GEOS topology failure, once more on a millimetre grid.
[[nodiscard]] Geometry intersection(GeosContext& context, const GEOSGeometry* a,
                                    const GEOSGeometry* b, const std::string& what);

/// a less b; on a GEOS topology failure, once more on a millimetre grid.
[[nodiscard]] Geometry difference(GeosContext& context, const GEOSGeometry* a,
                                  const GEOSGeometry* b, const std::string& what);

/// Works out now what GEOS 3.11 works out of a shape the first time it is asked (the box of
/// the shape and of each of its parts and rings, each ring's dimension), so that threads can
/// then read it at once, none of them writing.
void settle(GeosContext& context, const GEOSGeometry* shape);

/// `shape`'s part within `within`'s bounding box grown by `margin` (GEOS's fast rectangle
/// clipping), or a copy of it whole where GEOS cannot clip it: a union or difference with
/// `within` gives the same either way, and costs less on the part.
[[nodiscard]] Geometry clipped(GeosContext& context, const GEOSGeometry* shape,
                               const GEOSGeometry* within, double margin, const std::string& what);

/// The union of `shapes` (taken: they are the union's to consume), on a 1 mm grid where GEOS
/// cannot do it exactly; one shape is its own union, given back as it is (a coast's seat of many
/// islands is costly to join with nothing).
[[nodiscard]] Geometry union_of(GeosContext& context, std::vector<Geometry> shapes,
                                const std::string& what);

/// The holes of a polygonal geometry as a MultiPolygon (empty when it has none).
[[nodiscard]] Geometry holes_of(GeosContext& context, const GEOSGeometry* geometry,
                                const std::string& what);

/// Takes ownership of a GEOS result; throws GeometryError naming `what` when it is NULL.
[[nodiscard]] Geometry checked(GeosContext& context, GEOSGeometry* result, const std::string& what);

/// Area of a geometry in the square units of its CRS; throws GeometryError naming `what`.
[[nodiscard]] double area(GeosContext& context, const GEOSGeometry* geometry,
                          const std::string& what);

/// A valid polygonal version of an invalid polygon, by GEOS's "structure" make-valid (the
/// area of the shells less the holes; much faster than "linework" on large quantised shapes),
/// with only its polygons kept. Throws GeometryError naming `what` when nothing is left.
[[nodiscard]] Geometry repair(GeosContext& context, const GEOSGeometry* geometry,
                              const std::string& what);

}  // namespace notional::geo

#include "geo/geos.hpp"

#include <algorithm>
#include <vector>

#include "core/error.hpp"

namespace notional::geo {

GeosContext::GeosContext() : m_handle(GEOS_init_r()) {
    GEOSContext_setErrorMessageHandler_r(m_handle, &GeosContext::on_error, this);
}

GeosContext::~GeosContext() {
    GEOS_finish_r(m_handle);
}

void GeosContext::on_error(const char* message, void* self) {
    static_cast<GeosContext*>(self)->m_error = message != nullptr ? message : "";
}

std::string GeosContext::take_error() {
    std::string message = m_error.empty() ? "no message from GEOS" : m_error;
    m_error.clear();
    return message;
}

Geometry checked(GeosContext& context, GEOSGeometry* result, const std::string& what) {
    if (!result) throw GeometryError(what + ": " + context.take_error());
    return Geometry(result, GeometryDeleter{context.get()});
}

namespace {
void collect(void* item, void* user_data) {
    static_cast<std::vector<std::size_t>*>(user_data)->push_back(
        reinterpret_cast<std::size_t>(item));
}
}  // namespace

Tree tree_of(GeosContext& context, const std::vector<const GEOSGeometry*>& shapes) {
    Tree tree(GEOSSTRtree_create_r(context.get(), 10), TreeDeleter{context.get()});
    if (!tree) throw GeometryError("cannot create an STRtree: " + context.take_error());
    for (std::size_t i = 0; i < shapes.size(); ++i) {
        // NOLINTNEXTLINE(performance-no-int-to-ptr): the item is the index, never dereferenced
        GEOSSTRtree_insert_r(context.get(), tree.get(), shapes[i], reinterpret_cast<void*>(i));
    }
    return tree;
}

std::vector<std::size_t> query(GeosContext& context, GEOSSTRtree* tree, const GEOSGeometry* shape) {
    std::vector<std::size_t> found;
    GEOSSTRtree_query_r(context.get(), tree, shape, &collect, &found);
    std::sort(found.begin(), found.end());
    return found;
}

Prepared prepare(GeosContext& context, const GEOSGeometry* geometry, const std::string& what) {
    const GEOSPreparedGeometry* prepared = GEOSPrepare_r(context.get(), geometry);
    if (!prepared) throw GeometryError(what + ": cannot prepare: " + context.take_error());
    return Prepared(prepared, PreparedDeleter{context.get()});
}

bool holds(GeosContext& context, char result, const std::string& what) {
    if (result == 2) throw GeometryError(what + ": " + context.take_error());
    return result == 1;
}

std::vector<std::size_t> locate(GeosContext& context,
                                const std::vector<const GEOSGeometry*>& points,
                                const std::vector<const GEOSGeometry*>& polygons,
                                const std::string& what, const Progress& progress) {
    std::vector<std::size_t> found(points.size(), nowhere);
    if (polygons.empty()) return found;
    std::vector<Prepared> prepared;
    prepared.reserve(polygons.size());
    for (const GEOSGeometry* polygon : polygons) {
        prepared.push_back(prepare(context, polygon, what));
    }
    const Tree tree = tree_of(context, polygons);
    for (std::size_t s = 0; s < points.size(); ++s) {
        for (const std::size_t i : query(context, tree.get(), points[s])) {
            if (holds(context, GEOSPreparedCovers_r(context.get(), prepared[i].get(), points[s]),
                      what + ", point " + std::to_string(s + 1))) {
                found[s] = i;
                break;
            }
        }
        if (progress && (s + 1) % 1000 == 0) progress(s + 1, points.size());
    }
    return found;
}

namespace {

/// `exact()`, an overlay; where GEOS fails on the topology, `on_grid(0.001)`: once more on a
/// millimetre grid.
template <typename Exact, typename OnGrid>
GEOSGeometry* robust(GeosContext& context, const Exact& exact, const OnGrid& on_grid,
                     const char* name, const std::string& what) {
    GEOSGeometry* result = exact();
    if (result) return result;
    const std::string first_error = context.take_error();
    result = on_grid(0.001);
    if (!result) {
        throw GeometryError(what + ": " + name + " failed (" + first_error +
                            "), and again on a 1 mm grid: " + context.take_error());
    }
    return result;
}

}  // namespace

Geometry intersection(GeosContext& context, const GEOSGeometry* a, const GEOSGeometry* b,
                      const std::string& what) {
    return checked(
        context,
        robust(
            context, [&] { return GEOSIntersection_r(context.get(), a, b); },
            [&](double grid) { return GEOSIntersectionPrec_r(context.get(), a, b, grid); },
            "intersection", what),
        what);
}

double area(GeosContext& context, const GEOSGeometry* geometry, const std::string& what) {
    double value = 0.0;
    if (GEOSArea_r(context.get(), geometry, &value) == 0) {
        throw GeometryError(what + ": area failed: " + context.take_error());
    }
    return value;
}

namespace {
void collect_polygons(GEOSContextHandle_t handle, const GEOSGeometry* geometry,
                      std::vector<GEOSGeometry*>& out) {
    const int type = GEOSGeomTypeId_r(handle, geometry);
    if (type == GEOS_POLYGON) {
        if (GEOSisEmpty_r(handle, geometry) == 0) out.push_back(GEOSGeom_clone_r(handle, geometry));
    } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
        const int parts = GEOSGetNumGeometries_r(handle, geometry);
        for (int i = 0; i < parts; ++i) {
            collect_polygons(handle, GEOSGetGeometryN_r(handle, geometry, i), out);
        }
    }
}
}  // namespace

Geometry difference(GeosContext& context, const GEOSGeometry* a, const GEOSGeometry* b,
                    const std::string& what) {
    GEOSGeometry* rest = robust(
        context, [&] { return GEOSDifference_r(context.get(), a, b); },
        [&](double grid) { return GEOSDifferencePrec_r(context.get(), a, b, grid); }, "difference",
        what);
    // Only the polygons: a robust overlay can leave collapsed lines beside them.
    Geometry result = checked(context, rest, what);
    const int type = GEOSGeomTypeId_r(context.get(), result.get());
    if (type == GEOS_POLYGON || type == GEOS_MULTIPOLYGON) return result;
    std::vector<GEOSGeometry*> polygons;
    collect_polygons(context.get(), result.get(), polygons);
    return checked(context,
                   GEOSGeom_createCollection_r(context.get(), GEOS_MULTIPOLYGON, polygons.data(),
                                               static_cast<unsigned>(polygons.size())),
                   what + ": collecting polygons");
}

void settle(GeosContext& context, const GEOSGeometry* shape) {
    GEOSContextHandle_t handle = context.get();
    double x = 0.0;
    (void)GEOSGeom_getXMin_r(handle, shape, &x);  // the box; empty shapes have none
    const int type = GEOSGeomTypeId_r(handle, shape);
    if (type == GEOS_POLYGON) {
        auto ring = [&](const GEOSGeometry* r) {
            (void)GEOSGeom_getXMin_r(handle, r, &x);
            unsigned dimensions = 0;
            const GEOSCoordSequence* sequence = GEOSGeom_getCoordSeq_r(handle, r);
            if (sequence) (void)GEOSCoordSeq_getDimensions_r(handle, sequence, &dimensions);
        };
        ring(GEOSGetExteriorRing_r(handle, shape));
        for (int i = 0; i < GEOSGetNumInteriorRings_r(handle, shape); ++i) {
            ring(GEOSGetInteriorRingN_r(handle, shape, i));
        }
    } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
        for (int i = 0; i < GEOSGetNumGeometries_r(handle, shape); ++i) {
            settle(context, GEOSGetGeometryN_r(handle, shape, i));
        }
    }
    (void)context.take_error();  // an empty part's box is no error of the layer's
}

Geometry clipped(GeosContext& context, const GEOSGeometry* shape, const GEOSGeometry* within,
                 double margin, const std::string& what) {
    GEOSContextHandle_t handle = context.get();
    double x0 = 0.0;
    double y0 = 0.0;
    double x1 = 0.0;
    double y1 = 0.0;
    if (GEOSGeom_getXMin_r(handle, within, &x0) != 0 &&
        GEOSGeom_getYMin_r(handle, within, &y0) != 0 &&
        GEOSGeom_getXMax_r(handle, within, &x1) != 0 &&
        GEOSGeom_getYMax_r(handle, within, &y1) != 0) {
        GEOSGeometry* part =
            GEOSClipByRect_r(handle, shape, x0 - margin, y0 - margin, x1 + margin, y1 + margin);
        if (part) return {part, GeometryDeleter{handle}};
        (void)context.take_error();  // whole, then
    }
    return checked(context, GEOSGeom_clone_r(handle, shape), what + ": a copy");
}

Geometry union_of(GeosContext& context, std::vector<Geometry> shapes, const std::string& what) {
    if (shapes.size() == 1) return std::move(shapes.front());
    GEOSContextHandle_t handle = context.get();
    std::vector<GEOSGeometry*> parts;
    parts.reserve(shapes.size());
    for (Geometry& shape : shapes) parts.push_back(shape.release());  // the collection's now
    const Geometry collection =
        checked(context,
                GEOSGeom_createCollection_r(handle, GEOS_GEOMETRYCOLLECTION, parts.data(),
                                            static_cast<unsigned>(parts.size())),
                what + ": collecting shapes");
    return checked(
        context,
        robust(
            context, [&] { return GEOSUnaryUnion_r(handle, collection.get()); },
            [&](double grid) { return GEOSUnaryUnionPrec_r(handle, collection.get(), grid); },
            "union", what),
        what + ": union");
}

Geometry holes_of(GeosContext& context, const GEOSGeometry* geometry, const std::string& what) {
    GEOSContextHandle_t handle = context.get();
    std::vector<GEOSGeometry*> polygons;
    std::vector<GEOSGeometry*> holes;
    collect_polygons(handle, geometry, polygons);
    for (GEOSGeometry* polygon : polygons) {
        const int rings = GEOSGetNumInteriorRings_r(handle, polygon);
        for (int i = 0; i < rings; ++i) {
            GEOSGeometry* ring =
                GEOSGeom_clone_r(handle, GEOSGetInteriorRingN_r(handle, polygon, i));
            holes.push_back(GEOSGeom_createPolygon_r(handle, ring, nullptr, 0));
        }
        GEOSGeom_destroy_r(handle, polygon);
    }
    return checked(context,
                   GEOSGeom_createCollection_r(handle, GEOS_MULTIPOLYGON, holes.data(),
                                               static_cast<unsigned>(holes.size())),
                   what + ": its holes");
}

namespace {

/// The polygons of a geometry (make-valid may return lines or points beside them), as one
/// MultiPolygon.
Geometry polygonal_part(GeosContext& context, Geometry geometry, const std::string& what) {
    const int type = GEOSGeomTypeId_r(context.get(), geometry.get());
    if (type == GEOS_MULTIPOLYGON || type == GEOS_POLYGON) return geometry;
    std::vector<GEOSGeometry*> polygons;
    collect_polygons(context.get(), geometry.get(), polygons);
    if (polygons.empty()) throw GeometryError(what + ": no polygon is left after repair");
    return checked(context,
                   GEOSGeom_createCollection_r(context.get(), GEOS_MULTIPOLYGON, polygons.data(),
                                               static_cast<unsigned>(polygons.size())),
                   what + ": collecting polygons");
}

}  // namespace

Geometry repair(GeosContext& context, const GEOSGeometry* geometry, const std::string& what) {
    GEOSContextHandle_t handle = context.get();
    GEOSMakeValidParams* params = GEOSMakeValidParams_create_r(handle);
    GEOSMakeValidParams_setMethod_r(handle, params, GEOS_MAKE_VALID_STRUCTURE);
    GEOSMakeValidParams_setKeepCollapsed_r(handle, params, 0);
    GEOSGeometry* valid = GEOSMakeValidWithParams_r(handle, geometry, params);
    GEOSMakeValidParams_destroy_r(handle, params);
    return polygonal_part(context, checked(context, valid, what + ": repair"), what);
}

}  // namespace notional::geo

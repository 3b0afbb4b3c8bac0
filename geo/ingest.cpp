/// ingest(): one feature's geometry, as GDAL read it, into GEOS in the working CRS.
#include <algorithm>
#include <cstdint>
#include <vector>

#include <ogr_geometry.h>

#include "core/error.hpp"
#include "geo/gdal.hpp"
#include "geo/layer.hpp"
#include "geo/predicates.hpp"

namespace notional::geo {

namespace {

/// A Polygon's or MultiPolygon's rings as flat coordinates, read straight from GDAL's geometry
/// (no copy of it, no WKB between GDAL and GEOS), per thread: the polygons' rings one after
/// another, each closed.
struct Flat {
    std::vector<double> x, y, z;           ///< z: zeros, as GDAL transforms a flat geometry
    std::vector<std::uint32_t> ring_ends;  ///< each ring's end in x and y
    std::vector<std::uint32_t> rings_of;   ///< each polygon's end in ring_ends
    std::vector<int> success;
};

/// Whether `geometry` is a flat (no z, no m) Polygon or MultiPolygon whose every ring is closed
/// and has four points or more, read into `flat`; any other goes GDAL's own way, as before (a
/// ring left open there is GEOS's to refuse).
bool read_flat(const OGRGeometry& geometry, Flat& flat) {
    const OGRwkbGeometryType type = geometry.getGeometryType();
    if (type != wkbPolygon && type != wkbMultiPolygon) return false;
    flat.x.clear();
    flat.y.clear();
    flat.ring_ends.clear();
    flat.rings_of.clear();
    auto add_polygon = [&](const OGRPolygon& polygon) {
        if (polygon.getExteriorRing() == nullptr) return false;
        for (const OGRLinearRing* ring : polygon) {
            const int n = ring->getNumPoints();
            if (n < 4 || ring->getX(0) != ring->getX(n - 1) || ring->getY(0) != ring->getY(n - 1)) {
                return false;
            }
            for (int i = 0; i < n; ++i) {
                flat.x.push_back(ring->getX(i));
                flat.y.push_back(ring->getY(i));
            }
            flat.ring_ends.push_back(static_cast<std::uint32_t>(flat.x.size()));
        }
        flat.rings_of.push_back(static_cast<std::uint32_t>(flat.ring_ends.size()));
        return true;
    };
    if (type == wkbPolygon) return add_polygon(*geometry.toPolygon());
    const OGRMultiPolygon& polygons = *geometry.toMultiPolygon();
    if (polygons.getNumGeometries() == 0) return false;
    return std::all_of(polygons.begin(), polygons.end(),
                       [&](const OGRPolygon* polygon) { return add_polygon(*polygon); });
}

/// Each ring transformed as GDAL transforms a ring (its points at once, z 0); false when a
/// point cannot be.
bool transform_flat(Flat& flat, OGRCoordinateTransformation& transform) {
    flat.z.assign(flat.x.size(), 0.0);
    flat.success.assign(flat.x.size(), 0);
    std::size_t start = 0;
    for (const std::uint32_t end : flat.ring_ends) {
        const auto n = static_cast<int>(end - start);
        if (transform.Transform(n, &flat.x[start], &flat.y[start], &flat.z[start], nullptr,
                                &flat.success[start]) == FALSE) {
            return false;
        }
        start = end;
    }
    return std::all_of(flat.success.begin(), flat.success.end(), [](int ok) { return ok != 0; });
}

/// The flat rings as a GEOS MultiPolygon.
Geometry geos_of(const Flat& flat, GeosContext& context, const std::string& what) {
    GEOSContextHandle_t handle = context.get();
    std::vector<GEOSGeometry*> rings;
    std::vector<GEOSGeometry*> polygons;
    auto free_all = [&] {
        for (GEOSGeometry* ring : rings) GEOSGeom_destroy_r(handle, ring);
        for (GEOSGeometry* polygon : polygons) GEOSGeom_destroy_r(handle, polygon);
    };
    std::size_t start = 0;
    std::size_t ring = 0;
    for (const std::uint32_t rings_end : flat.rings_of) {
        rings.clear();
        for (; ring < rings_end; ++ring) {
            const std::uint32_t end = flat.ring_ends[ring];
            GEOSCoordSequence* points =
                GEOSCoordSeq_copyFromArrays_r(handle, &flat.x[start], &flat.y[start], nullptr,
                                              nullptr, static_cast<unsigned>(end - start));
            GEOSGeometry* made = points ? GEOSGeom_createLinearRing_r(handle, points) : nullptr;
            if (!made) {
                free_all();
                throw GeometryError(what + ": " + context.take_error());
            }
            rings.push_back(made);
            start = end;
        }
        GEOSGeometry* polygon = GEOSGeom_createPolygon_r(handle, rings.front(), rings.data() + 1,
                                                         static_cast<unsigned>(rings.size() - 1));
        rings.clear();  // the polygon's, made or not (GEOS frees them when it cannot)
        if (!polygon) {
            free_all();
            throw GeometryError(what + ": " + context.take_error());
        }
        polygons.push_back(polygon);
    }
    // The collection's, made or not.
    return checked(context,
                   GEOSGeom_createCollection_r(handle, GEOS_MULTIPOLYGON, polygons.data(),
                                               static_cast<unsigned>(polygons.size())),
                   what);
}

/// Whether the flat rings are one ring that simple_ring() proves simple.
bool simple_flat(const Flat& flat) {
    if (flat.ring_ends.size() != 1) return false;
    thread_local std::vector<Point> points;
    points.resize(flat.x.size());
    for (std::size_t i = 0; i < points.size(); ++i) points[i] = {flat.x[i], flat.y[i]};
    return simple_ring(points);
}

/// Valid as it is, or repaired (and counted).
Geometry made_valid(Geometry shape, GeosContext& context, const std::string& label,
                    std::size_t& repaired) {
    const char valid = GEOSisValid_r(context.get(), shape.get());
    if (valid == 2) throw GeometryError(label + ": validity check failed: " + context.take_error());
    if (valid == 0) {
        shape = repair(context, shape.get(), label);
        ++repaired;
    }
    return shape;
}

}  // namespace

bool simple_polygon(const OGRGeometry& shape) {
    thread_local Flat flat;
    return read_flat(shape, flat) && simple_flat(flat);
}

Geometry ingest(const OGRGeometry* original, Ingest kind, OGRCoordinateTransformation* transform,
                GeosContext& context, const std::string& label, std::size_t& repaired) {
    const bool points = kind == Ingest::points;
    if (!original || original->IsEmpty() != 0) throw DataError(label + ": no geometry");
    thread_local Flat flat;
    if (!points && read_flat(*original, flat)) {
        if (transform && !transform_flat(flat, *transform)) {
            throw GeometryError(label + ": cannot transform: " + last_gdal_error());
        }
        Geometry shape = geos_of(flat, context, label + ": conversion to GEOS");
        if (kind != Ingest::polygons || simple_flat(flat)) return shape;
        return made_valid(std::move(shape), context, label, repaired);
    }
    const auto type = wkbFlatten(original->getGeometryType());
    OGRGeometryUniquePtr geometry(
        points ? original->clone() : OGRGeometryFactory::forceToMultiPolygon(original->clone()));
    if (!points && (!geometry || wkbFlatten(geometry->getGeometryType()) != wkbMultiPolygon)) {
        throw DataError(label + ": a " + OGRGeometryTypeToName(type) + ", not a polygon");
    }
    if (transform && geometry->transform(transform) != OGRERR_NONE) {
        throw GeometryError(label + ": cannot transform: " + last_gdal_error());
    }
    Geometry shape =
        checked(context, geometry->exportToGEOS(context.get()), label + ": conversion to GEOS");
    if (kind != Ingest::polygons || simple_polygon(*geometry)) return shape;
    return made_valid(std::move(shape), context, label, repaired);
}

}  // namespace notional::geo

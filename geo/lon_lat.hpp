#pragma once
/// A layer's wards in longitude and latitude for maps (RFC 7946): each distinct vertex
/// reprojected once. Reprojecting is most of writing a map, and in a partition most vertices
/// lie on a boundary two wards share.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "geo/geos.hpp"
#include "geo/layer.hpp"

namespace notional::geo {

/// One ring in lon/lat.
struct LonLatRing {
    std::vector<double> lon, lat;
};

/// A ward's polygons in lon/lat, each its exterior ring then its holes.
using LonLatPolygons = std::vector<std::vector<LonLatRing>>;

class LonLatVertices {
public:
    /// The vertices of the wards `order` names, in that order, reprojected by threads, each
    /// with its own copy of the layer's CRS and its own transformation, as GDAL asks. Throws
    /// IoError naming `layer_name`.geojson when a shape cannot be read or reprojected.
    LonLatVertices(const std::string& layer_name, const Layer& layer,
                   const std::vector<std::size_t>& order);

    /// Row `row` of the order, whose shape is `shape`, as polygons in lon/lat, exterior rings
    /// counterclockwise and holes clockwise; false when a ring spans more than half the globe in
    /// longitude, that is, crosses the antimeridian. Safe to call from many threads at once.
    bool polygons(GeosContext& context, const GEOSGeometry* shape, std::size_t row,
                  LonLatPolygons& out) const;

private:
    std::vector<double> m_x, m_y;           // each distinct vertex: the layer's, then lon/lat
    std::vector<std::uint32_t> m_ids;       // each ring's vertices, by their index in m_x, m_y
    std::vector<std::size_t> m_ward_begin;  // where each row's vertices begin in m_ids
    std::vector<std::uint32_t> m_slots;     // open addressing while reading: index + 1, 0 free

    std::uint32_t id(double x, double y);
    void grow();
    void reproject(const std::string& layer_name, const Layer& layer);
};

}  // namespace notional::geo

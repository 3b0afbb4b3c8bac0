#pragma once
/// A layer's wards in longitude and latitude for maps (RFC 7946): each distinct vertex
/// reprojected once. Reprojecting is most of writing a map, and in a partition most vertices
/// lie on a boundary two wards share.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <ogr_spatialref.h>

#include "geo/geos.hpp"
#include "geo/layer.hpp"

namespace notional::geo {

/// From `srs` to longitude and latitude (WGS 84, longitude first): chosen from PROJ's database
/// once for each CRS (and its axis order) in the process, a copy handed out each time, for
/// GDAL's transformations are each thread's own; the ones chosen are kept to the end. Null when
/// GDAL cannot make one.
[[nodiscard]] std::unique_ptr<OGRCoordinateTransformation> to_lon_lat(
    const OGRSpatialReference& srs);

/// One ring in lon/lat.
struct LonLatRing {
    std::vector<double> lon, lat;
};

/// A ward's polygons in lon/lat, each its exterior ring then its holes.
using LonLatPolygons = std::vector<std::vector<LonLatRing>>;

class LonLatVertices {
public:
    /// Every ward's vertices, reprojected by threads, each taking a run of wards with its own
    /// table of their distinct vertices, its own copy of the layer's CRS and its own
    /// transformation, as GDAL asks (a vertex two runs share is reprojected by both, to the same
    /// place); one table serves every map of the layer. Throws IoError naming the layer (and the
    /// ward) when a shape cannot be read or reprojected. `layer` must outlive the table.
    explicit LonLatVertices(const Layer& layer);

    /// Ward `ward` as polygons in lon/lat, exterior rings counterclockwise and holes clockwise.
    /// Safe to call from many threads at once.
    void polygons(GeosContext& context, std::size_t ward, LonLatPolygons& out) const;

    /// Whether a ring of ward `ward` spans more than half the globe in longitude, that is,
    /// crosses the antimeridian.
    [[nodiscard]] bool crosses_antimeridian(std::size_t ward) const {
        return m_crosses.at(ward) != 0;
    }

    /// The vertices of ward `ward`'s rings, each ring's closing one counted.
    [[nodiscard]] std::size_t vertices(std::size_t ward) const {
        return m_ward_begin.at(ward + 1) - m_ward_begin.at(ward);
    }

private:
    /// The wards [first, last) of one thread.
    struct Run {
        std::size_t first = 0, last = 0;
        std::vector<double> x, y;             // each distinct vertex: the layer's, then lon/lat
        std::vector<std::uint32_t> ids;       // each ring's vertices, by their index in x, y
        std::vector<std::size_t> ward_begin;  // where each of its wards' vertices begin in ids
        std::vector<std::uint32_t> slots;     // open addressing while reading: index + 1, 0 free

        /// The index of vertex (vx, vy), added when new; `label` names the ward for errors.
        std::uint32_t id(double vx, double vy, const std::string& label);
        void grow();
    };

    const Layer& m_layer;
    std::vector<Run> m_runs;
    std::vector<std::size_t> m_ward_begin;  // each ward's first vertex, counted over all runs
    std::vector<char> m_crosses;            // each ward: 1 where it crosses the antimeridian

    void read(Run& run, std::vector<std::size_t>& ring_begin,
              std::vector<std::size_t>& ward_rings) const;
    void reproject(Run& run, OGRCoordinateTransformation& to) const;
    void find_crossings(const Run& run, const std::vector<std::size_t>& ring_begin,
                        const std::vector<std::size_t>& ward_rings);
    [[nodiscard]] const Run& run_of(std::size_t ward) const;
};

}  // namespace notional::geo

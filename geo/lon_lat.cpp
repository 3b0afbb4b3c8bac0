#include "geo/lon_lat.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>

#include <ogr_spatialref.h>

#include "core/error.hpp"
#include "core/parallel.hpp"
#include "geo/gdal.hpp"

namespace notional::geo {

namespace {

/// Whether a ring runs clockwise (its shoelace sum is negative).
bool clockwise(const LonLatRing& ring) {
    double twice_area = 0.0;
    for (std::size_t i = 0; i + 1 < ring.lon.size(); ++i) {
        twice_area += ring.lon[i] * ring.lat[i + 1] - ring.lon[i + 1] * ring.lat[i];
    }
    return twice_area < 0.0;
}

std::uint64_t bits(double value) {
    // +0 and -0 are one vertex, as == has them.
    const double same = value == 0.0 ? 0.0 : value;
    std::uint64_t out = 0;
    std::memcpy(&out, &same, sizeof out);
    return out;
}

std::size_t hash(double x, double y) {
    std::uint64_t h = bits(x) * 0x9E3779B97F4A7C15ULL;
    h ^= bits(y) + 0x7F4A7C159E3779B9ULL + (h << 6) + (h >> 2);
    h *= 0xBF58476D1CE4E5B9ULL;
    return static_cast<std::size_t>(h ^ (h >> 31));
}

}  // namespace

LonLatVertices::LonLatVertices(const Layer& layer) : m_layer(layer) {
    GeosContext context;
    GEOSContextHandle_t handle = context.get();
    m_ward_begin.reserve(layer.size() + 1);
    // Room for every ring vertex, and a table of slots that need not grow: in a partition about
    // half the vertices are distinct, so as many slots as vertices keep it half full.
    std::size_t vertices = 0;
    for (const Geometry& shape : layer.shapes) {
        vertices +=
            static_cast<std::size_t>(std::max(0, GEOSGetNumCoordinates_r(handle, shape.get())));
    }
    m_ids.reserve(vertices);
    m_slots.assign(std::bit_ceil(std::max<std::size_t>(1024, vertices)), 0);
    std::vector<double> xs;
    std::vector<double> ys;
    // Each ring's first vertex in m_ids, and each ward's first ring, for finding crossings.
    std::vector<std::size_t> ring_begin;
    std::vector<std::size_t> ward_rings;
    ward_rings.reserve(layer.size() + 1);
    for (std::size_t ward = 0; ward < layer.size(); ++ward) {
        m_ward_begin.push_back(m_ids.size());
        ward_rings.push_back(ring_begin.size());
        const std::string what = layer.label + ": ward " + layer.codes.at(ward);
        for_each_ring(handle, layer.shapes.at(ward).get(), [&](const GEOSGeometry* ring, bool) {
            const GEOSCoordSequence* sequence = GEOSGeom_getCoordSeq_r(handle, ring);
            unsigned size = 0;
            if (!sequence || GEOSCoordSeq_getSize_r(handle, sequence, &size) == 0) {
                throw IoError(what + ": cannot read its coordinates: " + context.take_error());
            }
            xs.resize(size);
            ys.resize(size);
            if (size > 0 && GEOSCoordSeq_copyToArrays_r(handle, sequence, xs.data(), ys.data(),
                                                        nullptr, nullptr) == 0) {
                throw IoError(what + ": cannot read its coordinates: " + context.take_error());
            }
            ring_begin.push_back(m_ids.size());
            for (unsigned i = 0; i < size; ++i) m_ids.push_back(id(xs[i], ys[i]));
        });
    }
    m_ward_begin.push_back(m_ids.size());
    ward_rings.push_back(ring_begin.size());
    ring_begin.push_back(m_ids.size());
    std::vector<std::uint32_t>().swap(m_slots);
    reproject();
    find_crossings(ring_begin, ward_rings);
}

std::uint32_t LonLatVertices::id(double x, double y) {
    if (2 * (m_x.size() + 1) > m_slots.size()) grow();
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t slot = hash(x, y) & mask;; slot = (slot + 1) & mask) {
        const std::uint32_t held = m_slots[slot];
        if (held == 0) {
            if (m_x.size() >= std::numeric_limits<std::uint32_t>::max() - 1) {
                throw DataError(m_layer.label +
                                ": more than four billion distinct vertices to map");
            }
            m_x.push_back(x);
            m_y.push_back(y);
            m_slots[slot] = static_cast<std::uint32_t>(m_x.size());
            return static_cast<std::uint32_t>(m_x.size() - 1);
        }
        if (m_x[held - 1] == x && m_y[held - 1] == y) return held - 1;
    }
}

void LonLatVertices::grow() {
    std::vector<std::uint32_t> slots(std::max<std::size_t>(1024, 2 * m_slots.size()), 0);
    const std::size_t mask = slots.size() - 1;
    for (std::size_t i = 0; i < m_x.size(); ++i) {
        std::size_t slot = hash(m_x[i], m_y[i]) & mask;
        while (slots[slot] != 0) slot = (slot + 1) & mask;
        slots[slot] = static_cast<std::uint32_t>(i + 1);
    }
    m_slots.swap(slots);
}

void LonLatVertices::reproject() {
    if (m_x.empty()) return;  // a transformation takes PROJ's database a while to make
    constexpr std::size_t vertices_a_share = 4096;
    const std::size_t shares =
        thread_count(0, (m_x.size() + vertices_a_share - 1) / vertices_a_share);
    const std::vector<OGRSpatialReference> srs(shares, m_layer.srs);
    run_shares(shares, [&](std::size_t t) {
        OGRSpatialReference lon_lat;
        lon_lat.SetWellKnownGeogCS("WGS84");
        lon_lat.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        const std::unique_ptr<OGRCoordinateTransformation> to(
            OGRCreateCoordinateTransformation(&srs[t], &lon_lat));
        if (!to) {
            throw IoError(m_layer.label +
                          ": cannot reproject to longitude and latitude: " + last_gdal_error());
        }
        const Range range = range_of(t, shares, m_x.size());
        for (std::size_t begin = range.begin; begin < range.end; begin += vertices_a_share) {
            const std::size_t count = std::min(vertices_a_share, range.end - begin);
            const double x = m_x[begin];
            const double y = m_y[begin];
            if (to->Transform(static_cast<int>(count), m_x.data() + begin, m_y.data() + begin) ==
                FALSE) {
                std::string message = m_layer.label;
                message += ": cannot reproject near (" + std::to_string(x);
                message += ", " + std::to_string(y);
                message += ") to longitude and latitude: ";
                message += last_gdal_error();
                throw IoError(message);
            }
        }
    });
}

void LonLatVertices::find_crossings(const std::vector<std::size_t>& ring_begin,
                                    const std::vector<std::size_t>& ward_rings) {
    m_crosses.assign(m_layer.size(), 0);
    const std::size_t shares = thread_count(0, m_layer.size() / 256 + 1);
    run_shares(shares, [&](std::size_t t) {
        const Range wards = range_of(t, shares, m_layer.size());
        for (std::size_t ward = wards.begin; ward < wards.end; ++ward) {
            for (std::size_t r = ward_rings[ward]; r < ward_rings[ward + 1]; ++r) {
                double west = HUGE_VAL;
                double east = -HUGE_VAL;
                for (std::size_t at = ring_begin[r]; at < ring_begin[r + 1]; ++at) {
                    west = std::min(west, m_x[m_ids[at]]);
                    east = std::max(east, m_x[m_ids[at]]);
                }
                if (east - west > 180.0) m_crosses[ward] = 1;
            }
        }
    });
}

void LonLatVertices::polygons(GeosContext& context, std::size_t ward, LonLatPolygons& out) const {
    GEOSContextHandle_t handle = context.get();
    out.clear();
    std::size_t at = m_ward_begin.at(ward);
    for_each_ring(handle, m_layer.shapes.at(ward).get(),
                  [&](const GEOSGeometry* ring, bool exterior) {
                      if (exterior) out.emplace_back();
                      LonLatRing& lon_lat = out.back().emplace_back();
                      unsigned size = 0;
                      GEOSCoordSeq_getSize_r(handle, GEOSGeom_getCoordSeq_r(handle, ring), &size);
                      lon_lat.lon.resize(size);
                      lon_lat.lat.resize(size);
                      for (unsigned i = 0; i < size; ++i, ++at) {
                          lon_lat.lon[i] = m_x[m_ids[at]];
                          lon_lat.lat[i] = m_y[m_ids[at]];
                      }
                      // RFC 7946: exterior rings counterclockwise, holes clockwise.
                      if (clockwise(lon_lat) == exterior) {
                          std::reverse(lon_lat.lon.begin(), lon_lat.lon.end());
                          std::reverse(lon_lat.lat.begin(), lon_lat.lat.end());
                      }
                  });
}

}  // namespace notional::geo

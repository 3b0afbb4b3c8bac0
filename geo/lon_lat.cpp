#include "geo/lon_lat.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <map>
#include <memory>
#include <mutex>

#include <cpl_conv.h>
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

/// From `srs` to longitude and latitude (WGS 84, longitude first), chosen from PROJ's
/// database; null when GDAL cannot make one.
std::unique_ptr<OGRCoordinateTransformation> made_lon_lat(const OGRSpatialReference& srs) {
    OGRSpatialReference lon_lat;
    lon_lat.SetWellKnownGeogCS("WGS84");
    lon_lat.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return std::unique_ptr<OGRCoordinateTransformation>(
        OGRCreateCoordinateTransformation(&srs, &lon_lat));
}

}  // namespace

std::unique_ptr<OGRCoordinateTransformation> to_lon_lat(const OGRSpatialReference& srs) {
    static std::mutex mutex;
    static auto* const made =
        new std::map<std::string, std::unique_ptr<OGRCoordinateTransformation>>();
    // The CRS, and how x and y map to its axes, which its WKT does not say.
    char* wkt = nullptr;
    const std::array<const char*, 2> wkt2{"FORMAT=WKT2_2019", nullptr};
    const bool known = srs.exportToWkt(&wkt, wkt2.data()) == OGRERR_NONE;
    std::string key = known ? wkt : "";
    CPLFree(wkt);
    if (!known) return made_lon_lat(srs);  // nothing to know it again by
    for (const int axis : srs.GetDataAxisToSRSAxisMapping()) key += " " + std::to_string(axis);
    const std::lock_guard lock(mutex);
    auto found = made->find(key);
    if (found == made->end()) {
        std::unique_ptr<OGRCoordinateTransformation> to = made_lon_lat(srs);
        if (!to) return nullptr;
        found = made->emplace(key, std::move(to)).first;
    }
    return std::unique_ptr<OGRCoordinateTransformation>(found->second->Clone());
}

LonLatVertices::LonLatVertices(const Layer& layer) : m_layer(layer) {
    // A run has a few hundred wards at least; each thread reprojects with a transformation of
    // its own, as GDAL asks.
    const std::size_t runs = thread_count(0, layer.size() / 256 + 1);
    m_runs.resize(runs);
    m_crosses.assign(layer.size(), 0);
    std::vector<std::unique_ptr<OGRCoordinateTransformation>> transforms(runs);
    if (layer.size() > 0) {
        for (auto& to : transforms) {
            to = to_lon_lat(layer.srs);
            if (!to) {
                throw IoError(layer.label +
                              ": cannot reproject to longitude and latitude: " + last_gdal_error());
            }
        }
    }
    run_shares(runs, [&](std::size_t t) {
        Run& run = m_runs[t];
        const Range wards = range_of(t, runs, layer.size());
        run.first = wards.begin;
        run.last = wards.end;
        // Each ring's first vertex in the run's ids, and each ward's first ring.
        std::vector<std::size_t> ring_begin;
        std::vector<std::size_t> ward_rings;
        read(run, ring_begin, ward_rings);
        if (!run.x.empty()) reproject(run, *transforms[t]);
        find_crossings(run, ring_begin, ward_rings);
    });
    m_ward_begin.reserve(layer.size() + 1);
    std::size_t offset = 0;
    for (const Run& run : m_runs) {
        for (std::size_t w = 0; w + 1 < run.ward_begin.size(); ++w) {
            m_ward_begin.push_back(offset + run.ward_begin[w]);
        }
        offset += run.ids.size();
    }
    m_ward_begin.push_back(offset);
}

void LonLatVertices::read(Run& run, std::vector<std::size_t>& ring_begin,
                          std::vector<std::size_t>& ward_rings) const {
    GeosContext context;
    GEOSContextHandle_t handle = context.get();
    // Room for every ring vertex, and a table of slots that need not grow: in a partition about
    // half the vertices are distinct, so as many slots as vertices keep it half full.
    std::size_t vertices = 0;
    for (std::size_t ward = run.first; ward < run.last; ++ward) {
        vertices += static_cast<std::size_t>(
            std::max(0, GEOSGetNumCoordinates_r(handle, m_layer.shapes.at(ward).get())));
    }
    run.ids.reserve(vertices);
    run.ward_begin.reserve(run.last - run.first + 1);
    ward_rings.reserve(run.last - run.first + 1);
    run.slots.assign(std::bit_ceil(std::max<std::size_t>(1024, vertices)), 0);
    std::vector<double> xs;
    std::vector<double> ys;
    for (std::size_t ward = run.first; ward < run.last; ++ward) {
        run.ward_begin.push_back(run.ids.size());
        ward_rings.push_back(ring_begin.size());
        const std::string what = m_layer.label + ": ward " + m_layer.codes.at(ward);
        for_each_ring(handle, m_layer.shapes.at(ward).get(), [&](const GEOSGeometry* ring, bool) {
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
            ring_begin.push_back(run.ids.size());
            for (unsigned i = 0; i < size; ++i) run.ids.push_back(run.id(xs[i], ys[i], what));
        });
    }
    run.ward_begin.push_back(run.ids.size());
    ward_rings.push_back(ring_begin.size());
    ring_begin.push_back(run.ids.size());
    std::vector<std::uint32_t>().swap(run.slots);
}

std::uint32_t LonLatVertices::Run::id(double vx, double vy, const std::string& label) {
    if (2 * (x.size() + 1) > slots.size()) grow();
    const std::size_t mask = slots.size() - 1;
    for (std::size_t slot = hash(vx, vy) & mask;; slot = (slot + 1) & mask) {
        const std::uint32_t held = slots[slot];
        if (held == 0) {
            if (x.size() >= std::numeric_limits<std::uint32_t>::max() - 1) {
                throw DataError(label + ": more than four billion distinct vertices to map");
            }
            x.push_back(vx);
            y.push_back(vy);
            slots[slot] = static_cast<std::uint32_t>(x.size());
            return static_cast<std::uint32_t>(x.size() - 1);
        }
        if (x[held - 1] == vx && y[held - 1] == vy) return held - 1;
    }
}

void LonLatVertices::Run::grow() {
    std::vector<std::uint32_t> more(std::max<std::size_t>(1024, 2 * slots.size()), 0);
    const std::size_t mask = more.size() - 1;
    for (std::size_t i = 0; i < x.size(); ++i) {
        std::size_t slot = hash(x[i], y[i]) & mask;
        while (more[slot] != 0) slot = (slot + 1) & mask;
        more[slot] = static_cast<std::uint32_t>(i + 1);
    }
    slots.swap(more);
}

void LonLatVertices::reproject(Run& run, OGRCoordinateTransformation& to) const {
    constexpr std::size_t vertices_a_call = 4096;
    for (std::size_t begin = 0; begin < run.x.size(); begin += vertices_a_call) {
        const std::size_t count = std::min(vertices_a_call, run.x.size() - begin);
        const double x = run.x[begin];
        const double y = run.y[begin];
        if (to.Transform(static_cast<int>(count), run.x.data() + begin, run.y.data() + begin) ==
            FALSE) {
            std::string message = m_layer.label;
            message += ": cannot reproject near (" + std::to_string(x);
            message += ", " + std::to_string(y);
            message += ") to longitude and latitude: ";
            message += last_gdal_error();
            throw IoError(message);
        }
    }
}

void LonLatVertices::find_crossings(const Run& run, const std::vector<std::size_t>& ring_begin,
                                    const std::vector<std::size_t>& ward_rings) {
    for (std::size_t w = 0; w < run.last - run.first; ++w) {
        for (std::size_t r = ward_rings[w]; r < ward_rings[w + 1]; ++r) {
            double west = HUGE_VAL;
            double east = -HUGE_VAL;
            for (std::size_t at = ring_begin[r]; at < ring_begin[r + 1]; ++at) {
                west = std::min(west, run.x[run.ids[at]]);
                east = std::max(east, run.x[run.ids[at]]);
            }
            if (east - west > 180.0) m_crosses[run.first + w] = 1;
        }
    }
}

const LonLatVertices::Run& LonLatVertices::run_of(std::size_t ward) const {
    const auto after =
        std::upper_bound(m_runs.begin(), m_runs.end(), ward,
                         [](std::size_t w, const Run& run) { return w < run.first; });
    return *std::prev(after);  // the first run begins at ward 0
}

void LonLatVertices::polygons(GeosContext& context, std::size_t ward, LonLatPolygons& out) const {
    GEOSContextHandle_t handle = context.get();
    out.clear();
    const Run& run = run_of(ward);
    std::size_t at = run.ward_begin.at(ward - run.first);
    for_each_ring(handle, m_layer.shapes.at(ward).get(),
                  [&](const GEOSGeometry* ring, bool exterior) {
                      if (exterior) out.emplace_back();
                      LonLatRing& lon_lat = out.back().emplace_back();
                      unsigned size = 0;
                      GEOSCoordSeq_getSize_r(handle, GEOSGeom_getCoordSeq_r(handle, ring), &size);
                      lon_lat.lon.resize(size);
                      lon_lat.lat.resize(size);
                      for (unsigned i = 0; i < size; ++i, ++at) {
                          lon_lat.lon[i] = run.x[run.ids[at]];
                          lon_lat.lat[i] = run.y[run.ids[at]];
                      }
                      // RFC 7946: exterior rings counterclockwise, holes clockwise.
                      if (clockwise(lon_lat) == exterior) {
                          std::reverse(lon_lat.lon.begin(), lon_lat.lon.end());
                          std::reverse(lon_lat.lat.begin(), lon_lat.lat.end());
                      }
                  });
}

}  // namespace notional::geo

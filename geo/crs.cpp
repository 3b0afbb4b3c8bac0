// The CRS of each layer and the one every area is measured in (geo/layer.hpp).
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

#include <cpl_error.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include "core/error.hpp"
#include "core/text.hpp"
#include "geo/gdal.hpp"
#include "geo/layer.hpp"
#include "geo/lon_lat.hpp"

namespace notional::geo {

namespace {

std::string describe(const OGRSpatialReference& srs) {
    const char* authority = srs.GetAuthorityName(nullptr);
    const char* code = srs.GetAuthorityCode(nullptr);
    std::string text = srs.GetName() ? srs.GetName() : "unnamed CRS";
    if (authority && code) text = std::string(authority) + ":" + code + " (" + text + ")";
    return text;
}

/// Projected and fit for measuring area: Mercator variants (Web Mercator above all) are not.
bool measures_area(const OGRSpatialReference* srs) {
    if (!srs || srs->IsProjected() == 0) return false;
    const char* method = srs->GetAttrValue("PROJECTION");
    const std::string name = method ? notional::lower(method) : "";
    return !(name.starts_with("mercator") || name.find("pseudo_mercator") != std::string::npos);
}

/// `text` as a CRS; an error is about `about` (none for a CRS of our own making).
OGRSpatialReference from_user_input(const std::string& text, std::vector<Setting> about) {
    OGRSpatialReference srs;
    if (srs.SetFromUserInput(text.c_str()) != OGRERR_NONE) {
        throw UsageError("'" + text + "' is not a CRS GDAL knows: " + last_gdal_error(),
                         std::move(about));
    }
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

/// The lon/lat bounds of a layer (minx, miny, maxx, maxy).
std::array<double, 4> lonlat_bounds(const SourceLayer& layer, const OGRSpatialReference& srs) {
    OGREnvelope extent;
    if (layer.layer().GetExtent(&extent, TRUE) != OGRERR_NONE) {
        throw DataError(layer.label() + ": cannot compute the layer's extent (is it empty?)");
    }
    const std::unique_ptr<OGRCoordinateTransformation> to_lonlat = to_lon_lat(srs);
    std::array<double, 4> out{};
    if (!to_lonlat || to_lonlat->TransformBounds(extent.MinX, extent.MinY, extent.MaxX, extent.MaxY,
                                                 out.data(), &out[1], &out[2], &out[3], 21) == 0) {
        throw DataError(layer.label() +
                        ": cannot transform its extent to lon/lat: " + last_gdal_error());
    }
    return out;
}

}  // namespace

OGRSpatialReference source_crs(const SourceLayer& layer, const CrsOptions& options,
                               Setting assume) {
    const QuietGdal quiet;
    if (const OGRSpatialReference* own = layer.crs()) {
        OGRSpatialReference srs(*own);
        srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        return srs;
    }
    if (options.assume_crs.empty()) {
        throw DataError(layer.label() + ": the layer has no CRS; name one (e.g. EPSG:27700)",
                        {assume});
    }
    return from_user_input(options.assume_crs, {assume});
}

WorkingCrs choose_crs(const SourceLayer& old_layer, const SourceLayer& new_layer,
                      const CrsOptions& options) {
    const QuietGdal quiet;
    const OGRSpatialReference old_srs = source_crs(old_layer, options);
    const OGRSpatialReference new_srs = source_crs(new_layer, options);
    if (!options.crs.empty()) {
        OGRSpatialReference srs = from_user_input(options.crs, {Setting::crs});
        if (!measures_area(&srs)) {
            throw UsageError(
                options.crs + " is not a projected CRS fit for measuring area in metres",
                {Setting::crs});
        }
        return {srs, describe(srs) + ", as asked"};
    }
    if (measures_area(&old_srs)) return {old_srs, describe(old_srs) + ", the old layer's"};
    if (measures_area(&new_srs)) return {new_srs, describe(new_srs) + ", the new layer's"};

    // Neither is projected: an equal-area projection centred on both layers' extent.
    const auto a = lonlat_bounds(old_layer, old_srs);
    const auto b = lonlat_bounds(new_layer, new_srs);
    const double lon = (std::min(a[0], b[0]) + std::max(a[2], b[2])) / 2.0;
    const double lat = (std::min(a[1], b[1]) + std::max(a[3], b[3])) / 2.0;
    char proj[160];
    std::snprintf(proj, sizeof proj,
                  "+proj=laea +lat_0=%.4f +lon_0=%.4f +x_0=0 +y_0=0 +datum=WGS84 +units=m "
                  "+no_defs",
                  lat, lon);
    OGRSpatialReference srs = from_user_input(proj, {});
    return {srs, std::string("Lambert azimuthal equal-area centred on the data (") + proj + ")"};
}

std::unique_ptr<OGRCoordinateTransformation> transform_to(const SourceLayer& source,
                                                          const OGRSpatialReference& from,
                                                          const WorkingCrs& working) {
    const QuietGdal quiet;
    if (from.IsSame(&working.srs) != 0) return nullptr;
    std::unique_ptr<OGRCoordinateTransformation> transform(
        OGRCreateCoordinateTransformation(&from, &working.srs));
    if (!transform) {
        throw DataError(source.label() + ": cannot transform from " + describe(from) + " to " +
                        working.description + ": " + last_gdal_error());
    }
    return transform;
}

}  // namespace notional::geo

#pragma once
/// Writing ward polygons with properties as RFC 7946 GeoJSON (EPSG:4326, lon/lat).
#include <string>
#include <vector>

#include "core/columns.hpp"
#include "geo/geos.hpp"
#include "geo/layer.hpp"

namespace notional::geo {

/// `layer`'s wards in the order `order` gives, each with its values from `columns`, reprojected
/// to lon/lat (by PROJ, through GDAL, each distinct vertex once), as GeoJSON text: one feature a
/// line, rings the RFC's way round, degrees at 7 decimals, properties as GDAL's driver writes them.
/// A layer with a ward across the antimeridian is written by GDAL's driver, which cuts it there.
/// Throws IoError naming `layer_name`.geojson and the ward when a shape cannot be read, or the
/// place when it cannot be reprojected.
[[nodiscard]] std::string geojson_text(const std::string& layer_name, const Layer& layer,
                                       const std::vector<std::size_t>& order,
                                       const std::vector<Column>& columns, GeosContext& context);

}  // namespace notional::geo

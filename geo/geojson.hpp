#pragma once
/// Writing ward polygons with properties as RFC 7946 GeoJSON (EPSG:4326, lon/lat).
#include <string>
#include <vector>

#include "core/columns.hpp"
#include "core/text.hpp"
#include "geo/geos.hpp"
#include "geo/layer.hpp"
#include "geo/lon_lat.hpp"

namespace notional::geo {

/// `layer`'s wards in the order `order` gives, each with its values from `columns`, in lon/lat
/// from `lon_lat` (`layer`'s own), as GeoJSON text: one feature a line, rings the RFC's way
/// round, degrees at 7 decimals, properties as GDAL's driver writes them. A layer with a ward
/// across the antimeridian is written by GDAL's driver, which cuts it there.
[[nodiscard]] std::string geojson_text(const std::string& layer_name, const Layer& layer,
                                       const LonLatVertices& lon_lat,
                                       const std::vector<std::size_t>& order,
                                       const std::vector<Column>& columns, GeosContext& context);

/// The same text handed to `sink` piece by piece, the features formatted by threads: a large
/// map's text is never held whole.
void write_geojson(const TextSink& sink, const std::string& layer_name, const Layer& layer,
                   const LonLatVertices& lon_lat, const std::vector<std::size_t>& order,
                   const std::vector<Column>& columns, GeosContext& context);

/// The same for a layer written once: its vertices reprojected here. Throws IoError naming the
/// layer and the ward when a shape cannot be read, or the place when it cannot be reprojected.
[[nodiscard]] std::string geojson_text(const std::string& layer_name, const Layer& layer,
                                       const std::vector<std::size_t>& order,
                                       const std::vector<Column>& columns, GeosContext& context);

}  // namespace notional::geo

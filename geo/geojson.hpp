#pragma once
/// Writing ward polygons with properties as RFC 7946 GeoJSON (EPSG:4326, lon/lat).
#include <string>
#include <vector>

#include "core/columns.hpp"
#include "geo/geos.hpp"
#include "geo/layer.hpp"

namespace notional::geo {

/// `layer`'s wards in the order `order` gives, each with its values from `columns`, reprojected
/// by GDAL to lon/lat, as GeoJSON text, read back once to be sure it is whole. Throws IoError
/// naming `layer_name`.geojson when GDAL cannot write it.
[[nodiscard]] std::string geojson_text(const std::string& layer_name, const Layer& layer,
                                       const std::vector<std::size_t>& order,
                                       const std::vector<Column>& columns, GeosContext& context);

}  // namespace notional::geo

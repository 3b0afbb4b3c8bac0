/// libFuzzer: geometry ingestion on any bytes read as a GeoJSON layer (GDAL from memory):
/// fields found, CRS chosen, features transformed, repaired and measured. Error, never a crash.
#include <cstddef>
#include <cstdint>
#include <string>

#include <cpl_vsi.h>

#include "core/error.hpp"
#include "geo/gdal.hpp"
#include "geo/layer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    notional::geo::register_gdal();
    const std::string path = "/vsimem/fuzz.geojson";
    VSILFILE* file = VSIFileFromMemBuffer(path.c_str(), const_cast<GByte*>(data),
                                          static_cast<vsi_l_offset>(size), FALSE);
    if (!file) return 0;
    VSIFCloseL(file);
    try {
        notional::geo::GeosContext context;
        const notional::geo::SourceLayer source(path, {});
        const notional::geo::CrsOptions crs{"EPSG:27700", ""};
        const auto working = notional::geo::choose_crs(source, source, crs);
        const auto layer = notional::geo::read_layer(source, crs, working, context);
        (void)notional::geo::geometry_sha256(layer, context);
    } catch (const notional::Error&) {
    }
    VSIUnlink(path.c_str());
    return 0;
}

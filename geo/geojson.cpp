#include "geo/geojson.hpp"

#include <atomic>

#include <cpl_error.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <ogrsf_frmts.h>

#include "core/error.hpp"
#include "geo/gdal.hpp"

namespace notional::geo {

namespace {

OGRFieldType field_type(const Column& column, OGRFieldSubType& subtype) {
    subtype = OFSTNone;
    for (const Value& value : column.values) {
        if (std::holds_alternative<std::string>(value)) return OFTString;
        if (std::holds_alternative<double>(value)) return OFTReal;
        if (std::holds_alternative<long long>(value)) return OFTInteger64;
        if (std::holds_alternative<bool>(value)) {
            subtype = OFSTBoolean;
            return OFTInteger;
        }
    }
    return OFTString;  // all null
}

void set_field(OGRFeature& feature, int field, const Value& value) {
    if (const auto* text = std::get_if<std::string>(&value)) {
        feature.SetField(field, text->c_str());
    } else if (const auto* real = std::get_if<double>(&value)) {
        feature.SetField(field, *real);
    } else if (const auto* integer = std::get_if<long long>(&value)) {
        feature.SetField(field, static_cast<GIntBig>(*integer));
    } else if (const auto* flag = std::get_if<bool>(&value)) {
        feature.SetField(field, *flag ? 1 : 0);
    } else {
        feature.SetFieldNull(field);
    }
}

/// Removes a /vsimem/ file when it goes out of scope.
struct MemoryFile {
    std::filesystem::path path;
    explicit MemoryFile(std::filesystem::path file) : path(std::move(file)) {}
    MemoryFile(const MemoryFile&) = delete;
    MemoryFile& operator=(const MemoryFile&) = delete;
    ~MemoryFile() { VSIUnlink(path.c_str()); }
};

}  // namespace

std::string geojson_text(const std::string& layer_name, const Layer& layer,
                         const std::vector<std::size_t>& order, const std::vector<Column>& columns,
                         GeosContext& context) {
    const QuietGdal quiet;
    register_gdal();
    // Written in memory: the bytes then go to disk through one checked, synced write, so a full
    // disk is an error GDAL's own file writing would not report.
    static std::atomic<unsigned> serial{0};
    const std::filesystem::path path =
        "/vsimem/notional-" + std::to_string(serial++) + "-" + layer_name + ".geojson";
    const MemoryFile removed_at_end{path};
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GeoJSON");
    if (!driver) throw IoError(layer_name + ".geojson: GDAL has no GeoJSON driver");
    GDALDatasetUniquePtr dataset(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!dataset) throw IoError(layer_name + ".geojson: cannot create: " + last_gdal_error());

    // RFC7946=YES makes GDAL reproject to EPSG:4326 and wind rings the RFC's way.
    CPLStringList options;
    options.SetNameValue("RFC7946", "YES");
    options.SetNameValue("WRITE_NAME", "YES");
    options.SetNameValue("SIGNIFICANT_FIGURES", "15");
    OGRSpatialReference srs(layer.srs);
    OGRLayer* out = dataset->CreateLayer(layer_name.c_str(), &srs, wkbMultiPolygon, options.List());
    if (!out) throw IoError(layer_name + ".geojson: cannot create a layer: " + last_gdal_error());
    for (const Column& column : columns) {
        OGRFieldSubType subtype = OFSTNone;
        OGRFieldDefn definition(column.name.c_str(), field_type(column, subtype));
        definition.SetSubType(subtype);
        if (out->CreateField(&definition) != OGRERR_NONE) {
            throw IoError(layer_name + ".geojson: cannot create field " + column.name + ": " +
                          last_gdal_error());
        }
    }
    for (std::size_t row = 0; row < order.size(); ++row) {
        const std::size_t ward = order[row];
        OGRFeatureUniquePtr feature(OGRFeature::CreateFeature(out->GetLayerDefn()));
        for (std::size_t c = 0; c < columns.size(); ++c) {
            set_field(*feature, static_cast<int>(c), columns[c].values.at(row));
        }
        OGRGeometry* geometry =
            OGRGeometryFactory::createFromGEOS(context.get(), layer.shapes.at(ward).get());
        if (!geometry) {
            throw IoError(layer_name + ".geojson: cannot convert ward " + layer.codes[ward] +
                          " from GEOS: " + last_gdal_error());
        }
        geometry->assignSpatialReference(&srs);
        feature->SetGeometryDirectly(geometry);
        if (out->CreateFeature(feature.get()) != OGRERR_NONE) {
            throw IoError(layer_name + ".geojson: cannot write ward " + layer.codes[ward] + ": " +
                          last_gdal_error());
        }
    }
    // A failed close is a failed write: the file may be incomplete.
    // GDAL 3.6's GDALClose returns nothing, so its error state is what tells.
    CPLErrorReset();
    GDALClose(GDALDataset::ToHandle(dataset.release()));
    if (CPLGetLastErrorType() >= CE_Failure) {
        throw IoError(layer_name + ".geojson: writing failed on close: " + last_gdal_error());
    }
    // Read back before it is kept: as many features as written, or it is no output of ours.
    {
        GDALDatasetUniquePtr back(
            GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr));
        OGRLayer* read = back ? back->GetLayer(0) : nullptr;
        if (!read || read->GetFeatureCount(TRUE) != static_cast<GIntBig>(order.size())) {
            throw IoError(layer_name +
                          ".geojson: does not read back as written: " + last_gdal_error());
        }
    }
    vsi_l_offset size = 0;
    const GByte* bytes = VSIGetMemFileBuffer(path.c_str(), &size, FALSE);
    if (!bytes) throw IoError(layer_name + ".geojson: lost in memory: " + last_gdal_error());
    return {reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(size)};
}

}  // namespace notional::geo

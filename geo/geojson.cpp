#include "geo/geojson.hpp"

#include <cpl_error.h>
#include <ogrsf_frmts.h>

#include "geo/gdal.hpp"
#include "model/error.hpp"

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

}  // namespace

void write_geojson(const std::filesystem::path& path, const std::string& layer_name,
                   const Layer& layer, const std::vector<std::size_t>& order,
                   const std::vector<Column>& columns, GeosContext& context) {
    register_gdal();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GeoJSON");
    if (!driver) throw IoError(path.string() + ": GDAL has no GeoJSON driver");
    GDALDatasetUniquePtr dataset(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!dataset) throw IoError(path.string() + ": cannot create: " + last_gdal_error());

    // RFC7946=YES makes GDAL reproject to EPSG:4326 and wind rings the RFC's way.
    const char* options[] = {"RFC7946=YES", "WRITE_NAME=YES", "SIGNIFICANT_FIGURES=15", nullptr};
    OGRSpatialReference srs(layer.srs);
    OGRLayer* out = dataset->CreateLayer(layer_name.c_str(), &srs, wkbMultiPolygon,
                                         const_cast<char**>(options));
    if (!out) throw IoError(path.string() + ": cannot create a layer: " + last_gdal_error());
    for (const Column& column : columns) {
        OGRFieldSubType subtype = OFSTNone;
        OGRFieldDefn definition(column.name.c_str(), field_type(column, subtype));
        definition.SetSubType(subtype);
        if (out->CreateField(&definition) != OGRERR_NONE) {
            throw IoError(path.string() + ": cannot create field " + column.name + ": " +
                          last_gdal_error());
        }
    }
    for (std::size_t row = 0; row < order.size(); ++row) {
        const std::size_t ward = order[row];
        OGRFeatureUniquePtr feature(OGRFeature::CreateFeature(out->GetLayerDefn()));
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const int field = static_cast<int>(c);
            const Value& value = columns[c].values.at(row);
            if (const auto* text = std::get_if<std::string>(&value)) {
                feature->SetField(field, text->c_str());
            } else if (const auto* real = std::get_if<double>(&value)) {
                feature->SetField(field, *real);
            } else if (const auto* integer = std::get_if<long long>(&value)) {
                feature->SetField(field, static_cast<GIntBig>(*integer));
            } else if (const auto* flag = std::get_if<bool>(&value)) {
                feature->SetField(field, *flag ? 1 : 0);
            } else {
                feature->SetFieldNull(field);
            }
        }
        OGRGeometry* geometry =
            OGRGeometryFactory::createFromGEOS(context.get(), layer.shapes.at(ward).get());
        if (!geometry) {
            throw IoError(path.string() + ": cannot convert ward " + layer.codes[ward] +
                          " from GEOS: " + last_gdal_error());
        }
        geometry->assignSpatialReference(&srs);
        feature->SetGeometryDirectly(geometry);
        if (out->CreateFeature(feature.get()) != OGRERR_NONE) {
            throw IoError(path.string() + ": cannot write ward " + layer.codes[ward] + ": " +
                          last_gdal_error());
        }
    }
    // A failed close is a failed write: the file may be incomplete.
    // GDAL 3.6's GDALClose returns nothing, so its error state is what tells.
    CPLErrorReset();
    GDALClose(GDALDataset::ToHandle(dataset.release()));
    if (CPLGetLastErrorType() >= CE_Failure) {
        throw IoError(path.string() + ": writing failed on close: " + last_gdal_error());
    }
}

}  // namespace notional::geo

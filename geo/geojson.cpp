#include "geo/geojson.hpp"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <memory>

#include <cpl_error.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include "core/error.hpp"
#include "core/json.hpp"
#include "core/parallel.hpp"
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

/// The layer written by GDAL's GeoJSON driver, which cuts rings at the antimeridian.
std::string gdal_geojson_text(const std::string& layer_name, const Layer& layer,
                              const std::vector<std::size_t>& order,
                              const std::vector<Column>& columns, GeosContext& context) {
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

/// Appends `number` as GDAL's GeoJSON driver writes a property (15 significant figures, ".0"
/// on a whole number), or null where JSON cannot hold it.
void append_property(std::string& out, double number) {
    if (!std::isfinite(number)) {
        out += "null";
        return;
    }
    char buffer[32];
    const char* end =
        std::to_chars(buffer, buffer + sizeof buffer, number, std::chars_format::general, 15).ptr;
    const std::string_view text(buffer, static_cast<std::size_t>(end - buffer));
    out += text;
    if (text.find_first_of(".e") == std::string_view::npos) out += ".0";
}

void append_value(std::string& out, const Value& value) {
    if (const auto* text = std::get_if<std::string>(&value)) {
        out += json_quoted(*text);
    } else if (const auto* real = std::get_if<double>(&value)) {
        append_property(out, *real);
    } else if (const auto* integer = std::get_if<long long>(&value)) {
        char buffer[24];
        out.append(buffer, std::to_chars(buffer, buffer + sizeof buffer, *integer).ptr);
    } else if (const auto* flag = std::get_if<bool>(&value)) {
        out += *flag ? "true" : "false";
    } else {
        out += "null";
    }
}

/// Appends a longitude or latitude at 7 decimals (about a centimetre, as RFC 7946 advises),
/// trailing zeros dropped but one: as `std::to_chars(..., fixed, 7)` writes it, correctly
/// rounded, but mostly by integers, a map's millions of coordinates being most of its time.
void append_degrees(std::string& out, double degrees) {
    char buffer[40];
    char* end = buffer;
    // The nearest multiple of 1e-7: n, checked by what is left of degrees × 1e7 (exact to
    // 1e-16 by fma); a value a hair from halfway between two goes to to_chars, which rounds the
    // binary value itself.
    const double n = std::nearbyint(degrees * 1e7);
    const double rest = std::fma(degrees, 1e7, -n);
    if (std::abs(degrees) < 1000.0 && std::abs(rest) < 0.5 - 1e-6) {
        if (std::signbit(degrees)) *end++ = '-';  // -0.0000000 too, as to_chars has it
        const auto scaled = static_cast<std::uint64_t>(std::abs(n));
        end = std::to_chars(end, buffer + sizeof buffer, scaled / 10000000).ptr;
        *end++ = '.';
        std::uint64_t fraction = scaled % 10000000;
        for (int digit = 6; digit >= 0; --digit) {
            end[digit] = static_cast<char>('0' + fraction % 10);
            fraction /= 10;
        }
        end += 7;
    } else {
        end =
            std::to_chars(buffer, buffer + sizeof buffer, degrees, std::chars_format::fixed, 7).ptr;
    }
    while (end[-1] == '0' && end[-2] != '.') --end;
    out.append(buffer, end);
}

/// A ward of one polygon is a Polygon, as GDAL writes it, else a MultiPolygon.
void append_geometry(std::string& out, const LonLatPolygons& polygons) {
    if (polygons.empty()) {
        out += "null";
        return;
    }
    const bool single = polygons.size() == 1;
    out += single ? R"({ "type": "Polygon", "coordinates": )"
                  : R"({ "type": "MultiPolygon", "coordinates": [ )";
    for (std::size_t p = 0; p < polygons.size(); ++p) {
        out += p == 0 ? "[ " : ", [ ";
        for (std::size_t r = 0; r < polygons[p].size(); ++r) {
            const LonLatRing& ring = polygons[p][r];
            out += r == 0 ? "[ " : ", [ ";
            for (std::size_t i = 0; i < ring.lon.size(); ++i) {
                out += i == 0 ? "[ " : ", [ ";
                append_degrees(out, ring.lon[i]);
                out += ", ";
                append_degrees(out, ring.lat[i]);
                out += " ]";
            }
            out += " ]";
        }
        out += " ]";
    }
    out += single ? " }" : " ] }";
}

/// Rows [range.begin, range.end) of the layer's features, each line ending ",\n" but the last
/// feature's.
void features_text(std::string& out, const std::vector<std::size_t>& order,
                   const std::vector<Column>& columns, const LonLatVertices& vertices, Range range,
                   GeosContext& context) {
    // Room for it all at once ("[ -0.1234567, 51.1234567 ], " a point, some 24 bytes a
    // property), not doubled as it grows.
    std::size_t room = 0;
    for (std::size_t row = range.begin; row < range.end; ++row) {
        room += 28 * vertices.vertices(order[row]) + 24 * columns.size() + 96;
    }
    out.reserve(room);
    LonLatPolygons polygons;
    for (std::size_t row = range.begin; row < range.end; ++row) {
        vertices.polygons(context, order[row], polygons);
        out += R"({ "type": "Feature", "properties": { )";
        for (std::size_t c = 0; c < columns.size(); ++c) {
            if (c > 0) out += ", ";
            out += json_quoted(columns[c].name);
            out += ": ";
            append_value(out, columns[c].values.at(row));
        }
        out += R"( }, "geometry": )";
        append_geometry(out, polygons);
        out += row + 1 < order.size() ? " },\n" : " }\n";
    }
}

}  // namespace

void write_geojson(const TextSink& sink, const std::string& layer_name, const Layer& layer,
                   const LonLatVertices& lon_lat, const std::vector<std::size_t>& order,
                   const std::vector<Column>& columns, GeosContext& context) {
    // Rare, and GDAL's driver cuts such rings as the RFC asks.
    if (std::any_of(order.begin(), order.end(),
                    [&](std::size_t ward) { return lon_lat.crosses_antimeridian(ward); })) {
        sink(gdal_geojson_text(layer_name, layer, order, columns, context));
        return;
    }
    sink("{\n\"type\": \"FeatureCollection\",\n\"name\": " + json_quoted(layer_name) +
         ",\n\"features\": [\n");
    // The features are formatted by threads in chunks, each written as soon as those before it
    // are: the text is never held whole.
    constexpr std::size_t features_a_chunk = 64;
    const std::size_t chunks = (order.size() + features_a_chunk - 1) / features_a_chunk;
    const std::size_t workers = thread_count(0, chunks);
    std::vector<GeosContext> contexts(workers);
    make_in_order(
        chunks, workers, 4 * workers,
        [&](std::size_t worker, std::size_t chunk, std::string& text) {
            const Range rows{chunk * features_a_chunk,
                             std::min(order.size(), (chunk + 1) * features_a_chunk)};
            features_text(text, order, columns, lon_lat, rows, contexts[worker]);
        },
        [&](const std::string& text) { sink(text); });
    sink("]\n}\n");
}

std::string geojson_text(const std::string& layer_name, const Layer& layer,
                         const LonLatVertices& lon_lat, const std::vector<std::size_t>& order,
                         const std::vector<Column>& columns, GeosContext& context) {
    std::string out;
    write_geojson([&](std::string_view text) { out += text; }, layer_name, layer, lon_lat, order,
                  columns, context);
    return out;
}

std::string geojson_text(const std::string& layer_name, const Layer& layer,
                         const std::vector<std::size_t>& order, const std::vector<Column>& columns,
                         GeosContext& context) {
    return geojson_text(layer_name, layer, LonLatVertices(layer), order, columns, context);
}

}  // namespace notional::geo

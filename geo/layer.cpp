#include "geo/layer.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>

#include <cpl_conv.h>
#include <cpl_error.h>
#include <ogr_geometry.h>
#include <ogrsf_frmts.h>

#include "core/error.hpp"
#include "core/fields.hpp"
#include "core/parallel.hpp"
#include "core/sha256.hpp"
#include "core/text.hpp"
#include "geo/gdal.hpp"

namespace notional::geo {

namespace {

/// The first field a pattern of `patterns` matches (core/fields.hpp), else of `fallback`.
std::string find_field(OGRFeatureDefn& definition, const FieldPatterns& patterns,
                       const FieldPatterns& fallback = {}) {
    std::vector<std::string> names;
    names.reserve(static_cast<std::size_t>(definition.GetFieldCount()));
    for (int i = 0; i < definition.GetFieldCount(); ++i) {
        names.emplace_back(definition.GetFieldDefn(i)->GetNameRef());
    }
    auto found = notional::find_field(names, patterns);
    if (!found) found = notional::find_field(names, fallback);
    return found ? names[*found] : std::string();
}

std::string field_list(OGRFeatureDefn& definition) {
    std::string names;
    for (int i = 0; i < definition.GetFieldCount(); ++i) {
        names += (i > 0 ? ", " : "") + std::string(definition.GetFieldDefn(i)->GetNameRef());
    }
    return names.empty() ? "none" : names;
}

}  // namespace

SourceLayer::SourceLayer(std::filesystem::path path, const LayerOptions& options)
    : m_path(std::move(path)) {
    const QuietGdal quiet;
    register_gdal();
    m_label = m_path.string();
    if (!std::filesystem::exists(m_path) && !m_path.string().starts_with("/vsi")) {
        throw IoError(m_label + ": no such file");
    }
    CPLStringList open_options;
    for (const auto& option : options.open_options) open_options.AddString(option.c_str());
    std::string opened = m_path.string();
    const std::string extension = notional::lower(m_path.extension().string());
    if (!options.only_fields.empty() && (extension == ".geojson" || extension == ".json")) {
        m_slim = std::make_unique<SlimGeoJson>(m_path, options.only_fields);
        if (!m_slim->path().empty()) opened = m_slim->path();
    }
    m_dataset.reset(GDALDataset::Open(opened.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr,
                                      open_options.List()));
    if (!m_dataset) {
        throw IoError(m_label + ": GDAL cannot open it as a vector layer: " + last_gdal_error());
    }
    if (!options.layer.empty()) {
        m_layer = m_dataset->GetLayerByName(options.layer.c_str());
        if (!m_layer) throw UsageError(m_label + ": no layer named '" + options.layer + "'");
        m_label += " (layer " + options.layer + ")";
    } else {
        if (m_dataset->GetLayerCount() == 0) throw DataError(m_label + ": has no layers");
        if (m_dataset->GetLayerCount() > 1) {
            std::string names;
            for (int i = 0; i < m_dataset->GetLayerCount(); ++i) {
                names += (i > 0 ? ", " : "") + std::string(m_dataset->GetLayer(i)->GetName());
            }
            throw UsageError(m_label + ": has " + std::to_string(m_dataset->GetLayerCount()) +
                                 " layers (" + names + "); choose one",
                             {Setting::layer});
        }
        m_layer = m_dataset->GetLayer(0);
    }

    find_fields(options);
}

void SourceLayer::find_fields(const LayerOptions& options) {
    m_as_written = options.as_written;
    m_where = options.where;
    if (!m_where.empty() && m_layer->SetAttributeFilter(m_where.c_str()) != OGRERR_NONE) {
        throw UsageError(m_label + ": the filter \"" + m_where +
                         "\" is not OGR SQL: " + last_gdal_error());
    }
    OGRFeatureDefn& definition = *m_layer->GetLayerDefn();
    auto check_field = [&](const std::string& name, const char* what) {
        if (definition.GetFieldIndex(name.c_str()) < 0) {
            throw UsageError(m_label + ": no field '" + name + "' for the " + what +
                             "; fields are " + field_list(definition));
        }
        return name;
    };
    if (!options.key_field.empty()) {
        m_key_field = check_field(options.key_field, "ward code");
    } else {
        // Any other code field of the ONS's form before none.
        m_key_field = find_field(definition, ward_code_fields(), {"[A-Z]+[0-9]{2}CD"});
        if (m_key_field.empty() && options.key_required) {
            throw UsageError(m_label + ": no code field found; fields are " +
                                 field_list(definition) + "; name one",
                             {Setting::key_field});
        }
    }
    if (!options.seats_field.empty()) m_seats_field = check_field(options.seats_field, "seats");
    if (!options.name_field.empty()) {
        m_name_field = check_field(options.name_field, "ward name");
    } else {
        m_name_field = find_field(definition, ward_name_fields(), {"[A-Z]+[0-9]{2}NM"});
    }
    if (!options.council_field.empty()) {
        // One field, by code or by name: its values say which.
        const std::string field = check_field(options.council_field, "council");
        bool codes = true;
        m_layer->SetIgnoredFields(std::array<const char*, 2>{"OGR_GEOMETRY", nullptr}.data());
        for (auto& feature : *m_layer) {
            codes =
                codes && notional::looks_like_gss_code(feature->GetFieldAsString(field.c_str()));
        }
        m_layer->SetIgnoredFields(nullptr);
        (codes ? m_council_code_field : m_council_name_field) = field;
    } else {
        m_council_code_field = find_field(definition, council_code_fields());
        m_council_name_field = find_field(definition, council_name_fields());
    }
}

std::vector<std::pair<std::string, std::string>> SourceLayer::councils() const {
    const QuietGdal quiet;
    std::vector<std::pair<std::string, std::string>> pairs;
    if (m_council_code_field.empty() && m_council_name_field.empty()) return pairs;
    auto value = [](OGRFeature& feature, const std::string& field) {
        return field.empty() ? std::string()
                             : std::string(notional::trim(feature.GetFieldAsString(field.c_str())));
    };
    m_layer->SetIgnoredFields(std::array<const char*, 2>{"OGR_GEOMETRY", nullptr}.data());
    m_layer->ResetReading();
    for (auto& feature : *m_layer) {
        pairs.emplace_back(value(*feature, m_council_code_field),
                           value(*feature, m_council_name_field));
    }
    m_layer->SetIgnoredFields(nullptr);
    m_layer->ResetReading();
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    return pairs;
}

void SourceLayer::keep_councils(const std::vector<std::pair<std::string, std::string>>& pairs) {
    const QuietGdal quiet;
    const std::string& field =
        m_council_code_field.empty() ? m_council_name_field : m_council_code_field;
    std::string values;
    for (const auto& [code, name] : pairs) {
        std::string quoted = m_council_code_field.empty() ? name : code;
        for (std::size_t i = quoted.find('\''); i != std::string::npos;
             i = quoted.find('\'', i + 2)) {
            quoted.insert(i, 1, '\'');
        }
        values += (values.empty() ? "'" : ", '") + quoted + "'";
    }
    // No council kept: a filter nothing passes, so the read says the layer has no features.
    std::string filter = values.empty() ? "1 = 0" : "\"" + field + "\" IN (" + values + ")";
    if (!m_where.empty()) filter = "(" + m_where + ") AND (" + filter + ")";
    if (m_layer->SetAttributeFilter(filter.c_str()) != OGRERR_NONE) {
        throw DataError(m_label + ": cannot keep the councils asked for (" + filter +
                        "): " + last_gdal_error());
    }
}

const OGRSpatialReference* SourceLayer::crs() const {
    return m_layer->GetSpatialRef();
}

namespace {

std::string field_text(OGRFeature& feature, const std::string& field) {
    return field.empty() ? std::string()
                         : std::string(notional::trim(feature.GetFieldAsString(field.c_str())));
}

/// A ward's seats from the layer's seats field; 0 without one.
int seats_of(OGRFeature& feature, const SourceLayer& source, const std::string& label) {
    if (source.seats_field().empty()) return 0;
    double value = 0.0;
    const std::string text = feature.GetFieldAsString(source.seats_field().c_str());
    if (!notional::parse_count(text, value) || value < 1 || value > 1000 ||
        value != std::floor(value)) {
        throw DataError(label + ": seats '" + text + "' in field " + source.seats_field() +
                        " is not a whole number from 1 to 1000");
    }
    return static_cast<int>(value);
}

}  // namespace

std::size_t features_to_read(OGRLayer& layer) {
    const GIntBig count = layer.GetFeatureCount(TRUE);
    return count > 0 ? static_cast<std::size_t>(count) : 0;
}

namespace {

/// Features' geometries, as GDAL read them, into GEOS (see ingest()), taken in turn by threads
/// (a coastal seat of many islands can take a second to repair), each with its own GEOS
/// context and its own copy of `transform` (null: none needed), as GDAL and GEOS ask of
/// threads; each GDAL geometry freed once converted. `tick(n)`: about n converted.
std::vector<Geometry> ingest_all(std::vector<OGRGeometryUniquePtr>& geometries,
                                 const std::vector<std::string>& labels, const SourceLayer& source,
                                 const OGRCoordinateTransformation* transform, GeosContext& context,
                                 std::size_t& repaired,
                                 const std::function<void(std::size_t)>& tick) {
    struct Worker {
        GeosContext context;
        std::unique_ptr<OGRCoordinateTransformation> transform;
        std::size_t repaired = 0;
    };
    const std::size_t workers = thread_count(0, geometries.size());
    std::vector<std::unique_ptr<Worker>> own(workers);
    for (auto& worker : own) {
        worker = std::make_unique<Worker>();
        // Copied here, in turn: PROJ's database took its time to choose the transformation once.
        if (transform) worker->transform.reset(transform->Clone());
    }
    std::vector<Geometry> shapes(geometries.size());
    std::atomic<std::size_t> done{0};
    for_each_index(geometries.size(), workers, [&](std::size_t w, std::size_t i) {
        const QuietGdal quiet;  // GDAL's error handlers are each thread's own
        Worker& worker = *own[w];
        Geometry shape =
            ingest(geometries[i].get(), source.as_written() ? Ingest::as_written : Ingest::polygons,
                   worker.transform.get(), worker.context, labels[i], worker.repaired);
        geometries[i].reset();
        // Geometries belong to no context; the deleter's handle is only for messages.
        shapes[i] = Geometry(shape.release(), GeometryDeleter{context.get()});
        ++done;
        if (w == 0) tick(done.load());
    });
    for (const auto& worker : own) repaired += worker->repaired;
    return shapes;
}

}  // namespace

void adopt(Layer& layer, GeosContext& context) {
    for (Geometry& shape : layer.shapes) {
        shape = Geometry(shape.release(), GeometryDeleter{context.get()});
    }
}

Layer read_layer(const SourceLayer& source, const CrsOptions& crs_options,
                 const WorkingCrs& working, GeosContext& context, const Progress& progress) {
    const QuietGdal quiet;
    const OGRSpatialReference from = source_crs(source, crs_options);
    // Made once (one that cannot be made fails here), and copied for each thread converting.
    const std::unique_ptr<OGRCoordinateTransformation> transform =
        transform_to(source, from, working);
    Layer layer;
    layer.label = source.label();
    layer.srs = working.srs;
    std::map<std::string, std::size_t> by_code;
    OGRLayer& ogr = source.layer();
    // Reading is the first half of the progress, the conversion to GEOS the second.
    const std::size_t total = progress ? features_to_read(ogr) : 0;
    ogr.ResetReading();
    CPLErrorReset();  // a driver that fails mid-read (a bad filter in SQLite) only says so here
    std::vector<OGRGeometryUniquePtr> geometries;  // each feature's, as read
    std::vector<std::string> labels;
    std::vector<std::size_t> ward_of;  // each feature's ward: several may be parts of one
    for (auto& feature : ogr) {
        if (progress) progress(std::min(layer.features, total), 2 * total + 1);
        ++layer.features;
        const std::string what = source.label() + ", feature " + std::to_string(feature->GetFID());
        const std::string code = field_text(*feature, source.key_field());
        if (code.empty()) {
            throw DataError(what + ": empty ward code in field " + source.key_field());
        }
        std::string label = what;
        label.append(" (").append(code).append(")");
        const int seats = seats_of(*feature, source, label);
        auto [it, fresh] = by_code.try_emplace(code, layer.codes.size());
        ward_of.push_back(it->second);
        geometries.emplace_back(feature->StealGeometry());
        labels.push_back(std::move(label));
        if (!fresh) continue;
        if (!source.seats_field().empty()) layer.seats.push_back(seats);
        layer.council_codes.push_back(field_text(*feature, source.council_code_field()));
        layer.council_names.push_back(field_text(*feature, source.council_name_field()));
        layer.codes.push_back(code);
        layer.names.push_back(
            source.name_field().empty() ? code : field_text(*feature, source.name_field()));
    }
    if (CPLGetLastErrorType() >= CE_Failure) {
        throw DataError(source.label() + ": reading failed: " + last_gdal_error());
    }
    if (layer.codes.empty()) throw DataError(source.label() + ": no features");
    std::vector<Geometry> shapes =
        ingest_all(geometries, labels, source, transform.get(), context, layer.repaired,
                   [&](std::size_t converted) {
                       if (progress) progress(total + std::min(converted, total), 2 * total + 1);
                   });
    layer.shapes.resize(layer.codes.size());
    for (std::size_t f = 0; f < shapes.size(); ++f) {
        auto& ward = layer.shapes[ward_of[f]];
        if (!ward) {
            ward = std::move(shapes[f]);
            continue;
        }
        // Several features of one ward are parts of one shape; a union never counts twice.
        ward = checked(context, GEOSUnion_r(context.get(), ward.get(), shapes[f].get()),
                       labels[f] + ": merging with an earlier part of the same ward");
    }
    for (std::size_t i = 0; i < layer.size(); ++i) {
        layer.areas_m2.push_back(
            area(context, layer.shapes[i].get(), source.label() + " (" + layer.codes[i] + ")"));
    }
    if (progress) progress(1, 1);
    return layer;
}

std::string geometry_sha256(const Layer& layer, GeosContext& context) {
    GEOSWKBWriter* writer = GEOSWKBWriter_create_r(context.get());
    GEOSWKBWriter_setOutputDimension_r(context.get(), writer, 2);
    GEOSWKBWriter_setByteOrder_r(context.get(), writer, GEOS_WKB_NDR);
    notional::Sha256 digest;
    for (std::size_t i = 0; i < layer.size(); ++i) {
        std::size_t size = 0;
        unsigned char* wkb =
            GEOSWKBWriter_write_r(context.get(), writer, layer.shapes[i].get(), &size);
        if (!wkb) {
            GEOSWKBWriter_destroy_r(context.get(), writer);
            throw GeometryError(layer.label + " (" + layer.codes[i] +
                                "): cannot write WKB: " + context.take_error());
        }
        digest.update(layer.codes[i]);
        digest.update(std::string_view("\0", 1));
        digest.update(std::string_view(reinterpret_cast<const char*>(wkb), size));
        GEOSFree_r(context.get(), wkb);
    }
    GEOSWKBWriter_destroy_r(context.get(), writer);
    return digest.hex();
}

}  // namespace notional::geo

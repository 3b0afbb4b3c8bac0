#pragma once
/// Ward layers: read with GDAL, brought into one projected CRS, repaired, held as GEOS shapes.
#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <gdal_priv.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>

#include "core/error.hpp"
#include "core/progress.hpp"
#include "geo/geos.hpp"
#include "geo/slim.hpp"

namespace notional::geo {

struct LayerOptions {
    std::string layer;        ///< layer name for multi-layer files; empty: the only layer
    std::string key_field;    ///< ward code field; empty: found by itself (GSS_CODE, WD22CD, ...)
    std::string name_field;   ///< ward name field; empty: found by itself (NAME, WD22NM, ...)
    std::string seats_field;  ///< field with each ward's seats; empty: none read
    /// field naming each ward's council (a GSS code or a name); empty: found by itself
    /// (LAGSSCODE, LADnnCD, DISTRICT, LADnnNM, ...)
    std::string council_field;
    std::string where;  ///< an OGR SQL attribute filter: only the features it keeps
    std::vector<std::string> open_options;  ///< GDAL open options, e.g. a CSV's X_POSSIBLE_NAMES
    bool key_required = true;               ///< weights without a table need no key
    /// A map notional wrote (a base's notional.geojson): its polygons kept as written, not
    /// repaired, so that a later map of them draws the same shapes (rounding to 7 decimals can
    /// make two parts touch, which a repair would merge).
    bool as_written = false;
    /// A GeoJSON's only properties read, the others dropped before GDAL reads it (SlimGeoJson);
    /// empty: all. The key and name fields must be among them.
    std::vector<std::string> only_fields;
};

/// A layer opened but not yet read: its source CRS decides the working CRS.
class SourceLayer {
public:
    SourceLayer(std::filesystem::path path, const LayerOptions& options);

    [[nodiscard]] const std::string& label() const { return m_label; }
    /// The layer's CRS, or nullptr when it has none.
    [[nodiscard]] const OGRSpatialReference* crs() const;
    [[nodiscard]] OGRLayer& layer() const { return *m_layer; }
    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }
    [[nodiscard]] const std::string& key_field() const { return m_key_field; }
    [[nodiscard]] const std::string& name_field() const { return m_name_field; }
    [[nodiscard]] const std::string& seats_field() const { return m_seats_field; }
    /// The fields naming each ward's council by code and by name; either may be empty.
    [[nodiscard]] const std::string& council_code_field() const { return m_council_code_field; }
    [[nodiscard]] const std::string& council_name_field() const { return m_council_name_field; }
    /// Whether its polygons are taken as written (LayerOptions::as_written).
    [[nodiscard]] bool as_written() const { return m_as_written; }

    /// The councils the layer's features name: distinct (code, name) pairs, read without the
    /// geometries. Empty when the layer has no council field.
    [[nodiscard]] std::vector<std::pair<std::string, std::string>> councils() const;
    /// Keeps only the features whose council is one of `pairs` (as councils() gave them), on
    /// top of the layer's own filter.
    void keep_councils(const std::vector<std::pair<std::string, std::string>>& pairs);

private:
    /// Applies the filter and finds (or checks) the code, name, seats and council fields.
    void find_fields(const LayerOptions& options);

    std::filesystem::path m_path;
    std::string m_label;
    std::unique_ptr<SlimGeoJson> m_slim;  ///< what GDAL reads of a GeoJSON, when slimmed
    GDALDatasetUniquePtr m_dataset;
    OGRLayer* m_layer = nullptr;
    std::string m_where;
    std::string m_key_field, m_name_field, m_seats_field;
    std::string m_council_code_field, m_council_name_field;
    bool m_as_written = false;
};

struct CrsOptions {
    std::string crs;         ///< --crs: the working CRS, any definition GDAL accepts
    std::string assume_crs;  ///< --assume-crs: the CRS of a layer that declares none
};

/// The one projected CRS all areas are measured in, and why it was chosen.
struct WorkingCrs {
    OGRSpatialReference srs;
    std::string
        description;  ///< e.g. "EPSG:27700 (OSGB36 / British National Grid), the old layer's"
};

/// The source CRS of a layer: its own, else the one assumed (options.assume_crs, which is the
/// `assume` setting); throws DataError when neither.
[[nodiscard]] OGRSpatialReference source_crs(const SourceLayer& layer, const CrsOptions& options,
                                             Setting assume = Setting::assume_crs);

/// --crs if given, else the old layer's CRS if projected (and not Web Mercator), else the new
/// layer's, else a Lambert azimuthal equal-area projection centred on both layers.
[[nodiscard]] WorkingCrs choose_crs(const SourceLayer& old_layer, const SourceLayer& new_layer,
                                    const CrsOptions& options);

/// Wards read into the working CRS, valid (unless read as written), one shape per code.
struct Layer {
    std::string label;  ///< path, and layer name where the file has several
    OGRSpatialReference srs;
    std::vector<std::string> codes;
    std::vector<std::string> names;
    std::vector<Geometry> shapes;
    std::vector<double> areas_m2;
    std::vector<int> seats;  ///< from the seats field, when one was named
    /// Per ward, its council's code and name as the layer gives them (empty without the field).
    std::vector<std::string> council_codes, council_names;
    std::size_t features = 0;  ///< features read (more than codes where a ward had several parts)
    std::size_t repaired = 0;  ///< invalid polygons repaired (see repair() in geos.hpp)

    [[nodiscard]] std::size_t size() const { return codes.size(); }
};

/// Hands a layer read with another context (on another thread) to `context`: its shapes are
/// destroyed through it from now on, and the other context may go.
void adopt(Layer& layer, GeosContext& context);

/// From a layer's CRS (`from`) to the working CRS; null where they are one. Throws DataError.
[[nodiscard]] std::unique_ptr<OGRCoordinateTransformation> transform_to(
    const SourceLayer& source, const OGRSpatialReference& from, const WorkingCrs& working);

/// Whether a flat Polygon or MultiPolygon is one polygon of one ring that simple_ring() shows
/// simple, so valid without asking GEOS, whose check is most of reading (a ward is most often
/// such a polygon).
[[nodiscard]] bool simple_polygon(const OGRGeometry& shape);

/// What ingest() makes of a feature's geometry.
enum class Ingest {
    polygons,    ///< a MultiPolygon, repaired when invalid
    points,      ///< a point, as it is
    as_written,  ///< a MultiPolygon as it is (LayerOptions::as_written)
};

/// One feature's geometry in the working CRS as a GEOS shape: the one read path of every layer
/// (geo/ingest.cpp). Polygons become a MultiPolygon and are repaired when invalid (counted in
/// `repaired`); a flat one of closed rings goes to GEOS straight from GDAL's coordinates.
/// Throws DataError or GeometryError naming `label`.
[[nodiscard]] Geometry ingest(const OGRGeometry* original, Ingest kind,
                              OGRCoordinateTransformation* transform, GeosContext& context,
                              const std::string& label, std::size_t& repaired);

/// A SHA-256 of the wards as read (codes and shapes in the working CRS, after repair): what a
/// saved crosswalk was measured on.
[[nodiscard]] std::string geometry_sha256(const Layer& layer, GeosContext& context);

/// The features reading `layer` will give (its filter applied), for progress; 0 when the driver
/// cannot tell.
[[nodiscard]] std::size_t features_to_read(OGRLayer& layer);

/// Reads every feature, transforms it to `working`, repairs invalid polygons and merges
/// features that share a code, reporting progress by feature. Throws DataError or GeometryError
/// naming the feature.
[[nodiscard]] Layer read_layer(const SourceLayer& source, const CrsOptions& crs_options,
                               const WorkingCrs& working, GeosContext& context,
                               const Progress& progress = {});

}  // namespace notional::geo

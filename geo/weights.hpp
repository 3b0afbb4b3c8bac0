#pragma once
/// Weights that follow electors: small-area counts spread over the pieces by area, or points
/// (postcodes, addresses) each counted in the piece that holds it (METHOD.md §4).
#include <cstddef>
#include <string>
#include <vector>

#include "core/piece.hpp"
#include "geo/geos.hpp"
#include "geo/layer.hpp"
#include "geo/overlay.hpp"

namespace notional::geo {

struct WeightOptions {
    std::string path;   ///< --weights: a polygon or point layer GDAL reads, or a CSV of points
    std::string layer;  ///< --weights-layer, for multi-layer files
    std::string field;  ///< --weight-field: the count, on the layer or in the table; empty: 1 each
    std::string table;  ///< --weights-table: counts apart from the polygons
    std::string table_key;  ///< --weights-key: the table's column that names a small area
    std::string layer_key;  ///< the layer's code field; empty: found (LSOA21CD, ...)
    /// --weights-filter "COLUMN=VALUE" or "COLUMN!=VALUE": table rows kept (all must hold);
    /// the kept rows of one key are summed.
    std::vector<std::string> filters;
    std::string crs;   ///< --weights-crs: the CRS of a layer without one (a CSV's coordinates)
    std::string name;  ///< the source's name in variants; empty: the field or the file's stem
};

/// A weight source read into the working CRS.
struct WeightLayer {
    std::string label, name;
    bool points = false;
    std::vector<Geometry> shapes;
    std::vector<double> counts;
    std::vector<double> areas_m2;  ///< polygons only
    std::size_t repaired = 0;
    std::size_t without_count = 0;  ///< polygons whose key the table does not have: count 0
};

/// Reads the weights; a CSV with coordinate columns (Eastings/Northings, X/Y, lon/lat, ...) is
/// read as points. Throws DataError or UsageError naming the file, row or feature.
[[nodiscard]] WeightLayer read_weights(const WeightOptions& options, const WorkingCrs& working,
                                       GeosContext& context, const Progress& progress = {});

/// The overlay's pieces weighted by a source, ready for a Crosswalk.
struct Weighting {
    std::vector<Piece> pieces;       ///< the overlay's pieces, weight = electors
    std::vector<double> old_weight;  ///< each old ward's whole weight, in or out of the new map
    std::vector<double> old_sliver;  ///< in dropped slivers (at the ward's mean density)
    std::vector<double> old_gap;     ///< in gaps inside the new map (at its uncovered density)
    /// Per old ward, the share of its area the small areas cover (1 for points); the rest is
    /// weighed by area at the ward's density.
    std::vector<double> old_coverage;
    std::size_t outside_features = 0;  ///< points in no old ward, small areas meeting none
    double outside_weight = 0.0;       ///< their counts
    std::size_t zero_pieces = 0;  ///< pieces with no weight (their votes go elsewhere in the ward)
    /// Old wards with no weight at all: area stands in, at the weights' mean density.
    std::size_t area_fallback = 0;
};

/// Weighs the overlay's pieces. Where small areas cover an old ward in part (weights for one
/// region on a larger map), the part they miss counts by area at the ward's own density; an
/// old ward no weight reaches counts by area at the weights' mean density.
[[nodiscard]] Weighting weigh(const Overlay& overlay, const Layer& old_wards,
                              const WeightLayer& weights, GeosContext& context,
                              const Progress& progress = {});

/// People at places, for what is known only at places (local support): each point, or each
/// small area's interior point, with its count, the overlay piece that holds it and, per local
/// layer, the ward that holds it (nowhere: none).
struct PlacedPeople {
    std::vector<double> counts;
    std::vector<std::size_t> piece;
    std::vector<std::vector<std::size_t>> local;  ///< per layer, per place
};

[[nodiscard]] PlacedPeople place_people(const WeightLayer& weights, const Overlay& overlay,
                                        const std::vector<const Layer*>& local_layers,
                                        GeosContext& context, const Progress& progress = {});

}  // namespace notional::geo

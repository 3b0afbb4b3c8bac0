#include "geo/weights.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

#include <ogrsf_frmts.h>

#include "core/csv.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "geo/gdal.hpp"

namespace notional::geo {

namespace {

/// "age_group!=Aged 15 years and under" as a test on one table row.
struct Filter {
    std::size_t column = 0;
    std::string value;
    bool equal = true;
};

std::vector<Filter> parse_filters(const notional::CsvTable& table,
                                  const std::vector<std::string>& texts) {
    std::vector<Filter> filters;
    for (const auto& text : texts) {
        const auto not_equal = text.find("!=");
        const auto equal = text.find('=');
        if (equal == std::string::npos || equal == 0) {
            throw UsageError(
                "the weights filter '" + text + "' is not COLUMN=VALUE or COLUMN!=VALUE",
                {Setting::weights_filter});
        }
        Filter filter;
        filter.equal = not_equal == std::string::npos;
        const std::string column = text.substr(0, filter.equal ? equal : not_equal);
        filter.column = table.require(column);
        filter.value = text.substr(equal + 1);
        filters.push_back(filter);
    }
    return filters;
}

/// Counts per key from the table: the kept rows of each key summed.
std::unordered_map<std::string, double> table_counts(const WeightOptions& options) {
    const notional::CsvTable table = notional::read_csv(options.table);
    const auto key = table.require(options.table_key);
    const auto count = table.require(options.field);
    const auto filters = parse_filters(table, options.filters);
    std::unordered_map<std::string, double> counts;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const auto& row = table.rows[r];
        const bool kept = std::all_of(filters.begin(), filters.end(), [&](const Filter& f) {
            return (notional::trim(row[f.column]) == f.value) == f.equal;
        });
        if (!kept) continue;
        double value = 0.0;
        if (!notional::parse_count(row[count], value)) {
            throw DataError(table.where(r) + ": " + options.field + " '" + row[count] +
                            "' is not a count");
        }
        counts[std::string(notional::trim(row[key]))] += value;
    }
    if (counts.empty()) throw DataError(options.table + ": no rows pass the filters");
    return counts;
}

bool is_csv(const std::string& path) {
    return notional::lower(path).ends_with(".csv");
}

}  // namespace

WeightLayer read_weights(const WeightOptions& options, const WorkingCrs& working,
                         GeosContext& context, const Progress& progress) {
    const QuietGdal quiet;
    LayerOptions layer_options;
    layer_options.layer = options.layer;
    layer_options.key_field = options.layer_key;
    layer_options.key_required = !options.table.empty();
    if (is_csv(options.path)) {
        // Points from coordinate columns; GDAL's CSV driver finds them by name.
        layer_options.open_options = {
            "X_POSSIBLE_NAMES=Eastings,Easting,X,x,lon,long,longitude,lng",
            "Y_POSSIBLE_NAMES=Northings,Northing,Y,y,lat,latitude", "KEEP_GEOM_COLUMNS=NO"};
    }
    const SourceLayer source(options.path, layer_options);
    const auto transform = transform_to(
        source, source_crs(source, CrsOptions{"", options.crs}, Setting::weights_crs), working);
    std::unordered_map<std::string, double> by_key;
    if (!options.table.empty()) by_key = table_counts(options);
    OGRLayer& ogr = source.layer();
    const bool field_on_layer = options.table.empty() && !options.field.empty();
    if (field_on_layer && ogr.GetLayerDefn()->GetFieldIndex(options.field.c_str()) < 0) {
        throw UsageError(
            source.label() + ": no field '" + options.field + "' for the weights' count",
            {Setting::weight_field});
    }

    WeightLayer weights;
    weights.label = source.label();
    weights.name = !options.name.empty()    ? options.name
                   : !options.field.empty() ? options.field
                                            : std::filesystem::path(options.path).stem().string();
    bool first = true;
    const std::size_t total = progress ? features_to_read(ogr) : 0;
    ogr.ResetReading();
    for (auto& feature : ogr) {
        if (progress) progress(std::min(weights.shapes.size(), total), total + 1);
        const std::string what = source.label() + ", feature " + std::to_string(feature->GetFID());
        const OGRGeometry* original = feature->GetGeometryRef();
        if (!original || original->IsEmpty() != 0) throw DataError(what + ": no geometry");
        const auto type = wkbFlatten(original->getGeometryType());
        const bool point = type == wkbPoint || type == wkbMultiPoint;
        if (first) weights.points = point;
        first = false;
        if (point != weights.points) {
            throw DataError(what + ": a " + OGRGeometryTypeToName(type) + " among " +
                            (weights.points ? "points" : "polygons"));
        }
        double count = 1.0;
        if (!by_key.empty()) {
            const std::string key(
                notional::trim(feature->GetFieldAsString(source.key_field().c_str())));
            const auto it = by_key.find(key);
            count = it == by_key.end() ? 0.0 : it->second;
            if (it == by_key.end()) ++weights.without_count;
        } else if (field_on_layer) {
            const std::string text = feature->GetFieldAsString(options.field.c_str());
            if (!notional::parse_count(text, count)) {
                // NOLINTNEXTLINE(performance-inefficient-string-concatenation): once, to throw
                throw DataError(what + ": " + options.field + " '" + text + "' is not a count");
            }
        } else if (!point) {
            throw UsageError(source.label() +
                                 ": polygon weights need a count: a field, or a table of counts "
                                 "joined by key",
                             {Setting::weight_field, Setting::weights_table});
        }
        Geometry shape = ingest(original, point ? Ingest::points : Ingest::polygons,
                                transform.get(), context, what, weights.repaired);
        if (!point) weights.areas_m2.push_back(area(context, shape.get(), what));
        weights.shapes.push_back(std::move(shape));
        weights.counts.push_back(count);
    }
    if (weights.shapes.empty()) throw DataError(source.label() + ": no features");
    if (progress) progress(1, 1);
    return weights;
}

namespace {

/// The count of small areas lying in `target`, each spread over its own area.
double polygon_weight(GeosContext& context, const GEOSGeometry* target, GEOSSTRtree* tree,
                      const WeightLayer& weights, std::vector<bool>& touched,
                      const std::string& what, double* covered_m2 = nullptr) {
    const Prepared prepared = prepare(context, target, what);
    double total = 0.0;
    for (const std::size_t s : query(context, tree, target)) {
        const GEOSGeometry* small = weights.shapes[s].get();
        if (weights.areas_m2[s] <= 0.0) continue;
        double inside = 0.0;
        if (holds(context, GEOSPreparedContains_r(context.get(), prepared.get(), small), what)) {
            inside = weights.areas_m2[s];
        } else if (holds(context, GEOSPreparedIntersects_r(context.get(), prepared.get(), small),
                         what)) {
            const Geometry piece = intersection(context, target, small,
                                                what + " and weight area " + std::to_string(s));
            inside = area(context, piece.get(), what);
        }
        if (inside <= 0.0) continue;
        if (covered_m2) *covered_m2 += inside;
        touched[s] = true;
        total += weights.counts[s] * inside / weights.areas_m2[s];
    }
    return total;
}

}  // namespace

namespace {

/// What weighing keeps between its steps.
struct Scratch {
    std::vector<std::vector<std::size_t>> pieces_of;  ///< per old ward, its pieces
    std::vector<bool> touched;                        ///< per weight feature: counted somewhere
    std::vector<double> covered, piece_covered_m2;    ///< area the small areas cover
};

/// Each point's count to the first old ward that covers it and the first of its pieces: a
/// point on a shared boundary is counted exactly once.
void weigh_points(Weighting& result, Scratch& scratch, const Overlay& overlay,
                  const Layer& old_wards, const WeightLayer& weights, GeosContext& context,
                  const Progress& progress) {
    auto& touched = scratch.touched;
    const auto& pieces_of = scratch.pieces_of;
    std::vector<const GEOSGeometry*> wards;
    for (const auto& shape : old_wards.shapes) wards.push_back(shape.get());
    std::vector<const GEOSGeometry*> points;
    for (const auto& shape : weights.shapes) points.push_back(shape.get());
    const std::vector<std::size_t> ward_of =
        locate(context, points, wards, weights.label, progress);
    std::vector<Prepared> piece_prepared;
    for (const auto& shape : overlay.shapes) {
        piece_prepared.push_back(prepare(context, shape.get(), "a piece"));
    }
    for (std::size_t s = 0; s < points.size(); ++s) {
        const std::size_t o = ward_of[s];
        if (o == nowhere) continue;
        touched[s] = true;
        result.old_weight[o] += weights.counts[s];
        for (const std::size_t i : pieces_of[o]) {
            if (holds(context,
                      GEOSPreparedCovers_r(context.get(), piece_prepared[i].get(), points[s]),
                      weights.label + ", point " + std::to_string(s + 1))) {
                result.pieces[i].weight += weights.counts[s];
                break;
            }
        }
    }
}

/// Each small area's count spread over what it meets by area, with the area it covers of each
/// old ward and piece.
void weigh_polygons(Weighting& result, Scratch& scratch, const Overlay& overlay,
                    const Layer& old_wards, const WeightLayer& weights, GeosContext& context,
                    const Progress& progress) {
    auto& touched = scratch.touched;
    auto& covered = scratch.covered;
    auto& piece_covered_m2 = scratch.piece_covered_m2;
    const auto& pieces_of = scratch.pieces_of;
    std::vector<const GEOSGeometry*> smalls;
    for (const auto& shape : weights.shapes) smalls.push_back(shape.get());
    const Tree tree = tree_of(context, smalls);
    std::vector<bool> unused(weights.shapes.size(), false);
    for (std::size_t o = 0; o < old_wards.size(); ++o) {
        double covered_m2 = 0.0;
        result.old_weight[o] = polygon_weight(context, old_wards.shapes[o].get(), tree.get(),
                                              weights, touched, old_wards.codes[o], &covered_m2);
        covered[o] = covered_m2;
        for (const std::size_t i : pieces_of[o]) {
            double piece_covered = 0.0;
            result.pieces[i].weight =
                polygon_weight(context, overlay.shapes[i].get(), tree.get(), weights, unused,
                               old_wards.codes[o] + " (a piece)", &piece_covered);
            piece_covered_m2[i] = piece_covered;
        }
        if (progress) progress(o + 1, old_wards.size());
    }
}

}  // namespace

Weighting weigh(const Overlay& overlay, const Layer& old_wards, const WeightLayer& weights,
                GeosContext& context, const Progress& progress) {
    Weighting result;
    result.old_coverage.assign(old_wards.size(), 1.0);
    // Per old ward and piece, the area the small areas cover (points: taken as whole).
    Scratch scratch{std::vector<std::vector<std::size_t>>(old_wards.size()),
                    std::vector<bool>(weights.shapes.size(), false), old_wards.areas_m2,
                    std::vector<double>(overlay.pieces.size())};
    result.pieces = overlay.pieces;
    result.old_weight.assign(old_wards.size(), 0.0);
    for (std::size_t i = 0; i < overlay.pieces.size(); ++i) {
        scratch.pieces_of[overlay.pieces[i].old_index].push_back(i);
        scratch.piece_covered_m2[i] = overlay.pieces[i].weight;
        result.pieces[i].weight = 0.0;
    }
    if (weights.points) {
        weigh_points(result, scratch, overlay, old_wards, weights, context, progress);
    } else {
        weigh_polygons(result, scratch, overlay, old_wards, weights, context, progress);
    }
    const auto& touched = scratch.touched;
    const auto& covered = scratch.covered;
    const auto& piece_covered_m2 = scratch.piece_covered_m2;
    const auto& pieces_of = scratch.pieces_of;
    for (std::size_t s = 0; s < weights.shapes.size(); ++s) {
        if (touched[s]) continue;
        ++result.outside_features;
        result.outside_weight += weights.counts[s];
    }

    // Where the weights do not reach, the ward's own density stands in (the weights of one
    // region on a larger map, a coast drawn otherwise); where they reach no part of a ward, the
    // weights' mean density, so that every weight is in the same unit, people.
    double all_weight = 0.0;
    double all_covered = 0.0;
    for (std::size_t o = 0; o < old_wards.size(); ++o) {
        if (result.old_weight[o] <= 0.0 || covered[o] <= 0.0) continue;
        all_weight += result.old_weight[o];
        all_covered += covered[o];
    }
    const double mean_density = all_covered > 0.0 ? all_weight / all_covered : 1.0;
    result.old_sliver.assign(old_wards.size(), 0.0);
    result.old_gap.assign(old_wards.size(), 0.0);
    for (std::size_t o = 0; o < old_wards.size(); ++o) {
        const double area_m2 = old_wards.areas_m2[o];
        result.old_coverage[o] = area_m2 > 0.0 ? std::min(1.0, covered[o] / area_m2) : 0.0;
        const bool reached = result.old_weight[o] > 0.0 && covered[o] > 0.0;
        if (!reached) ++result.area_fallback;
        const double density = reached ? result.old_weight[o] / covered[o] : mean_density;
        if (!reached) {
            // Nobody counted here: area stands in, at the mean density.
            result.old_weight[o] = area_m2 * density;
            for (const std::size_t i : pieces_of[o]) {
                result.pieces[i].weight = overlay.pieces[i].weight * density;
            }
        } else if (covered[o] < area_m2) {
            result.old_weight[o] += (area_m2 - covered[o]) * density;
            for (const std::size_t i : pieces_of[o]) {
                result.pieces[i].weight +=
                    std::max(0.0, overlay.pieces[i].weight - piece_covered_m2[i]) * density;
            }
        }
        // Slivers are too small to hold a count of their own: the ward's density.
        result.old_sliver[o] = overlay.old_sliver_m2[o] * density;
        // A gap holds the share of the ward's uncovered weight that its area does.
        if (overlay.old_gap_m2[o] > 0.0 && overlay.old_uncovered_m2[o] > 0.0) {
            double in_pieces = 0.0;
            for (const std::size_t i : pieces_of[o]) in_pieces += result.pieces[i].weight;
            const double uncovered =
                std::max(0.0, result.old_weight[o] - in_pieces - result.old_sliver[o]);
            result.old_gap[o] =
                uncovered * std::min(1.0, overlay.old_gap_m2[o] / overlay.old_uncovered_m2[o]);
        }
    }
    for (const auto& piece : result.pieces) result.zero_pieces += piece.weight <= 0.0 ? 1 : 0;
    return result;
}

PlacedPeople place_people(const WeightLayer& weights, const Overlay& overlay,
                          const std::vector<const Layer*>& local_layers, GeosContext& context,
                          const Progress& progress) {
    std::vector<Geometry> interior;
    std::vector<const GEOSGeometry*> places;
    for (std::size_t s = 0; s < weights.shapes.size(); ++s) {
        if (weights.points) {
            places.push_back(weights.shapes[s].get());
            continue;
        }
        interior.push_back(
            checked(context, GEOSPointOnSurface_r(context.get(), weights.shapes[s].get()),
                    weights.label + ", feature " + std::to_string(s + 1) + ": its interior point"));
        places.push_back(interior.back().get());
    }
    auto shapes_of = [](const std::vector<Geometry>& shapes) {
        std::vector<const GEOSGeometry*> raw;
        raw.reserve(shapes.size());
        for (const auto& shape : shapes) raw.push_back(shape.get());
        return raw;
    };
    PlacedPeople placed{weights.counts,
                        locate(context, places, shapes_of(overlay.shapes), weights.label, progress),
                        {}};
    for (const Layer* layer : local_layers) {
        placed.local.push_back(locate(context, places, shapes_of(layer->shapes), layer->label));
    }
    return placed;
}

}  // namespace notional::geo

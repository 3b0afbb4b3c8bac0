#include "app/write.hpp"

#include <array>
#include <map>
#include <optional>

#include "core/error.hpp"
#include "core/parallel.hpp"
#include "geo/geojson.hpp"
#include "geo/svg.hpp"
#include "model/ordering.hpp"
#include "report/comparison.hpp"
#include "report/geojson_columns.hpp"
#include "report/html.hpp"
#include "report/notional_csv.hpp"
#include "report/tables.hpp"

namespace notional::app {

namespace {

/// uncovered.geojson: each old ward's part that no new ward covers (at least a sliver's area).
void write_uncovered(StagedOutputs& outputs, geo::Overlay& overlay, const geo::Layer& old_wards,
                     const model::Crosswalk& crosswalk, const model::Notional* notional,
                     double min_piece_m2, geo::GeosContext& context) {
    geo::Layer parts;
    parts.label = old_wards.label + ": parts no new ward covers";
    parts.srs = old_wards.srs;
    std::vector<std::size_t> wards;
    for (const std::size_t o : model::order_by_code(old_wards.codes)) {
        if (!overlay.uncovered[o] || overlay.old_uncovered_m2[o] < min_piece_m2) continue;
        wards.push_back(o);
        parts.codes.push_back(old_wards.codes[o]);
        parts.names.push_back(old_wards.names[o]);
        parts.shapes.push_back(std::move(overlay.uncovered[o]));
    }
    const auto columns = report::uncovered_columns(
        wards, {old_wards.codes, old_wards.names, old_wards.areas_m2},
        {overlay.old_uncovered_m2, overlay.old_gap_m2}, crosswalk, notional);
    std::vector<std::size_t> order(parts.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    const geo::LonLatVertices lon_lat(parts);
    outputs.write_text("uncovered.geojson", [&](const TextSink& sink) {
        geo::write_geojson(sink, "uncovered", parts, lon_lat, order, columns, context);
    });
}

/// The main job knows where each new ward comes from: its honesty's sources.
PageFacts page_facts(const JobResult& result) {
    PageFacts facts;
    facts.general = result.actual && result.actual->general;
    const geo::Layer& old_wards = result.old_wards;
    for (std::size_t n = 0; n < result.honesty.size() && n < result.new_wards.size(); ++n) {
        auto& sources = facts.sources[result.new_wards.codes[n]];
        for (const auto& [o, share] : result.honesty[n].sources) {
            sources.push_back({old_wards.codes.at(o), old_wards.names.at(o), share});
        }
    }
    return facts;
}

}  // namespace

report::PartyColours run_colours(const model::NotionalBase* base,
                                 const model::Comparison* comparison) {
    std::vector<std::string> parties;
    if (base) {
        for (const auto& ward : base->wards) {
            for (const auto& party : ward.parties) parties.push_back(party.code);
        }
    }
    if (comparison) {
        for (const auto& ward : comparison->wards) {
            for (const auto& party : ward.parties) parties.push_back(party.party);
        }
    }
    return report::PartyColours(parties);
}

void write_comparison(StagedOutputs& outputs, const model::Comparison& comparison,
                      const geo::Layer& wards, const geo::LonLatVertices* lon_lat,
                      const std::string& title, const report::PartyColours& colours,
                      const PageFacts& facts, geo::GeosContext& context) {
    outputs.write_text("comparison.csv", report::comparison_csv(comparison));
    outputs.write_text("report.md", report::report_markdown(comparison, title));
    std::map<std::string, std::size_t> polygon;
    for (std::size_t i = 0; i < wards.size(); ++i) polygon[wards.codes[i]] = i;
    std::vector<std::size_t> order;
    for (const auto& ward : comparison.wards) {
        const auto it = polygon.find(ward.code);
        if (it == polygon.end()) {
            throw DataError(wards.label + ": no polygon for ward " + ward.code);
        }
        order.push_back(it->second);
    }
    if (lon_lat) {
        const auto columns = report::comparison_columns(comparison, colours);
        outputs.write_text("comparison.geojson", [&](const TextSink& sink) {
            geo::write_geojson(sink, "comparison", wards, *lon_lat, order, columns, context);
        });
    }
    const Drawing drawing = geo::svg_drawing(wards, context);
    outputs.write_text("report.html", report::report_html({comparison, title, facts.general,
                                                           colours, drawing, facts.sources}));
}

void write_outputs(const JobOptions& options, JobResult& result, StagedOutputs& outputs,
                   geo::GeosContext& context, const Progress& progress) {
    // By file written: the GeoJSON of the new wards takes the longest.
    constexpr std::size_t steps = 5;
    auto step = [&](std::size_t done) {
        if (progress) progress(done, steps);
    };
    step(0);
    const report::WardNames old_names{result.old_wards.codes, result.old_wards.names};
    const report::WardNames new_names{result.new_wards.codes, result.new_wards.names};
    const model::Notional* notional = result.notional();
    // The three tables made side by side, each from the settled results.
    std::array<std::string, 3> tables;
    run_shares(tables.size(), [&](std::size_t t) {
        if (t == 0) {
            tables[t] =
                report::crosswalk_csv(old_names, new_names, result.chosen(), result.by_area());
        } else if (t == 1) {
            tables[t] = report::ledger_csv(old_names, result.chosen(), result.by_area(), notional);
        } else if (result.base) {
            tables[t] = report::base_csv(*result.base);
        }
    });
    outputs.write_text("crosswalk.csv", tables[0]);
    outputs.write_text("ledger.csv", tables[1]);
    step(1);
    if (result.base) {
        const std::string& text = tables[2];
        outputs.write_text("notional.csv", text);
        if (result.actual) {
            // The comparison reads the base as written, to the digit.
            model::NotionalBase written = report::parse_base(text, "notional.csv");
            written.old_seats = result.base->old_seats;
            result.comparison = model::compare(
                written, *result.actual,
                options.share_top ? model::ShareConvention::top : model::ShareConvention::total,
                options.seats.knife_edge_pct);
        }
    }
    const report::PartyColours colours = run_colours(
        result.base ? &*result.base : nullptr, result.comparison ? &*result.comparison : nullptr);
    if (result.base) {
        outputs.write_text("council.csv", report::council_csv(*result.base, *notional, colours));
    }
    // The new wards' vertices reprojected once for both their maps.
    std::optional<geo::LonLatVertices> new_lon_lat;
    if (options.geojson) new_lon_lat.emplace(result.new_wards);
    if (result.comparison) {
        write_comparison(outputs, *result.comparison, result.new_wards,
                         new_lon_lat ? &*new_lon_lat : nullptr,
                         "Notional " + result.election->path.stem().string() + " against actual " +
                             result.actual->path.stem().string(),
                         colours, page_facts(result), context);
    }
    step(2);
    if (!options.geojson) {
        step(steps);
        return;
    }
    const auto order = model::order_by_code(result.new_wards.codes);
    const geo::Layer& new_wards = result.new_wards;
    const auto columns = report::notional_columns(
        order, {new_wards.codes, new_wards.names, new_wards.areas_m2}, result.old_wards.codes,
        result.honesty, notional, result.seats ? &*result.seats : nullptr, colours);
    outputs.write_text("notional.geojson", [&](const TextSink& sink) {
        geo::write_geojson(sink, "notional", new_wards, *new_lon_lat, order, columns, context);
    });
    step(4);
    if (result.overlay) {
        write_uncovered(outputs, *result.overlay, result.old_wards, result.chosen(), notional,
                        options.overlay.min_piece_m2, context);
    }
    step(steps);
}

}  // namespace notional::app
